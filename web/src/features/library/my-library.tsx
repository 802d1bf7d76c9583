import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate, today } from '../../lib/format';

type Record = Awaited<ReturnType<typeof loadMine>>;
export const loadMine = () => request(api.api.library.me.$get());

/** My loans (renew once, unless reserved) and reservations (cancel), then what I returned. */
export function MyLibrary(props: { record: Record; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  const open = () => props.record.loans.filter((l) => l.returnedOn === null);
  const past = () => props.record.loans.filter((l) => l.returnedOn !== null);
  async function act(call: () => Promise<unknown>, done: (r: unknown) => string) {
    setError(undefined);
    setNote('');
    try {
      setNote(done(await call()));
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section aria-labelledby="my-loans">
      <h2 id="my-loans">{t('library.myTitle')}</h2>
      <ErrorMessage error={error()} detail />
      <Show when={note()}>
        <p class="notice" role="status">
          {note()}
        </p>
      </Show>
      <Show when={open().length > 0} fallback={<p class="card empty">{t('library.noLoans')}</p>}>
        <ul class="book-list">
          <For each={open()}>
            {(l) => (
              <li class="card">
                <div class="book-main">
                  <span class="book-title">《{l.title}》</span>
                  <span class="help block">{l.shelfMark}</span>
                </div>
                <div>
                  <span class="tag">
                    {t('library.due', { date: l.dueOn })}
                    <Show when={l.dueOn < today()}> · {t('library.overdue')}</Show>
                  </span>
                  <Show
                    when={l.renewals === 0 && !l.reserved}
                    fallback={<span class="help block">{l.reserved ? t('library.reservedByOthers') : t('library.renewedOnce')}</span>}
                  >
                    <button
                      type="button"
                      class="button secondary"
                      aria-label={t('library.renewNamed', { title: l.title })}
                      onClick={() =>
                        void act(
                          () => request(api.api['library-loans'][':id'].renewal.$post({ param: { id: String(l.id) } })),
                          (r) => t('library.renewed', { date: (r as { dueOn: string }).dueOn }),
                        )
                      }
                    >
                      {t('library.renew')}
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.record.reservations.length > 0}>
        <h3>{t('library.myReservations')}</h3>
        <ul class="book-list">
          <For each={props.record.reservations}>
            {(r) => (
              <li class="card">
                <div class="book-main">
                  <span class="book-title">《{r.title}》</span>
                  <span class="help block">
                    {r.status === 'held' && r.heldUntil
                      ? t('library.heldUntil', { date: formatDate(r.heldUntil, locale()) })
                      : t('library.queuePosition', { n: String(r.position) })}
                  </span>
                </div>
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t('library.cancelNamed', { title: r.title })}
                  onClick={() =>
                    void act(
                      () => request(api.api['library-reservations'][':id'].cancellation.$post({ param: { id: String(r.id) } })),
                      () => '',
                    )
                  }
                >
                  {t('library.cancel')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={past().length > 0}>
        <details>
          <summary>{t('library.history')}</summary>
          <ul class="rows">
            <For each={past()}>
              {(l) => (
                <li>
                  <span>《{l.title}》</span>
                  <span class="help">
                    {l.lentOn} – {l.returnedOn}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
}
