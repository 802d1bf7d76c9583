import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { parseYuan, today, yuan } from '../../../lib/format';

/**
 * Closing the day: the sales as recorded, the cash counted, and the difference written down with a note; closing
 * posts the counted cash to the shop's fund. The shop's day is the community's, which the server tells us.
 */
export function DayClosing(props: { version: number }) {
  const { t } = useI18n();
  const [day, setDay] = createSignal(today());
  const [counted, setCounted] = createSignal('');
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [till, { refetch, mutate }] = createResource(
    () => ({ day: day(), version: props.version }),
    async (q) => {
      const loaded = await request(api.api.shop.days[':day'].$get({ param: { day: q.day } }));
      // The device's date may not be the community's: follow the server's today on the first load.
      if (q.day === today() && loaded.today !== q.day) setDay(loaded.today);
      return loaded;
    },
  );
  const d = () => (till.state === 'ready' || till.state === 'refreshing' ? till() : undefined);
  const countedFen = () => parseYuan(counted());
  const difference = () => {
    const c = countedFen();
    const total = d()?.systemTotalFen;
    return c === null || total === undefined ? null : c - total;
  };

  async function close(event: Event) {
    event.preventDefault();
    const c = countedFen();
    const current = d();
    if (c === null || !current) return;
    setBusy(true);
    setError(undefined);
    try {
      const json = { seenTotalFen: current.systemTotalFen, countedFen: c, note: note().trim() };
      mutate(await request(api.api.shop.days[':day'].closing.$post({ param: { day: current.day }, json })));
      setCounted('');
      setNote('');
    } catch (e) {
      setError(e);
      void refetch();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card day-closing desk-part" aria-labelledby="day-title">
      <h2 id="day-title">{t('shopDesk.dayTitle')}</h2>
      <Show when={(d()?.unclosedDays ?? []).filter((u) => u !== day()).length > 0}>
        <p class="notice">
          {t('shopDesk.unclosed')}：
          <For each={(d()?.unclosedDays ?? []).filter((u) => u !== day())}>
            {(u) => (
              <button type="button" class="link-button" onClick={() => setDay(u)}>
                {u}
              </button>
            )}
          </For>
        </p>
      </Show>
      <ErrorMessage error={till.error} />
      <Show when={d()}>
        {(current) => (
          <>
            <h3 class="subhead">{t('shopDesk.dayOf', { day: current().day })}</h3>
            <Show when={current().sales.length > 0} fallback={<p class="empty">{t('shopDesk.noSales')}</p>}>
              <ul class="rows day-sales">
                <For each={current().sales}>
                  {(s) => (
                    <li class="row">
                      <span class="code">{s.code}</span> {s.title} <span class="num">{yuan(s.priceFen)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <p>
              {t('shopDesk.salesCount', { count: current().salesCount })} · {t('shopDesk.systemTotal')}{' '}
              <strong class="system-total">{yuan(current().systemTotalFen)}</strong>
            </p>
            <Show
              when={current().closing}
              fallback={
                <form onSubmit={(e) => void close(e)}>
                  <div class="field">
                    <label for="day-counted">{t('shopDesk.counted')}</label>
                    <input
                      type="text"
                      id="day-counted"
                      inputmode="decimal"
                      required
                      aria-invalid={counted() !== '' && countedFen() === null}
                      value={counted()}
                      onInput={(e) => setCounted(e.currentTarget.value)}
                    />
                    <Show when={counted() !== '' && countedFen() === null}>
                      <p class="help">{t('shopDesk.countedInvalid')}</p>
                    </Show>
                  </div>
                  <Show when={difference() !== null && difference() !== 0}>
                    <p class="notice" role="status">
                      {t('shopDesk.differenceIs', { amount: yuan(difference() ?? 0) })}
                    </p>
                    <div class="field">
                      <label for="day-note">{t('shopDesk.note')}</label>
                      <input
                        type="text"
                        id="day-note"
                        required
                        maxlength={300}
                        aria-describedby="day-note-help"
                        value={note()}
                        onInput={(e) => setNote(e.currentTarget.value)}
                      />
                      <p class="help" id="day-note-help">
                        {t('shopDesk.noteNeeded')}
                      </p>
                    </div>
                  </Show>
                  <ErrorMessage error={error()} detail />
                  <button type="submit" class="button" disabled={busy() || countedFen() === null}>
                    {t('shopDesk.close')}
                  </button>
                </form>
              }
            >
              {(c) => (
                <p class="notice closed" role="status">
                  {t('shopDesk.closed', {
                    day: current().day,
                    system: yuan(c().systemTotalFen),
                    counted: yuan(c().countedFen),
                    difference: yuan(c().differenceFen),
                  })}
                  <Show when={c().note}> {c().note}</Show> <span class="help">{t('shopDesk.closedBy', { name: c().closedBy })}</span>
                </p>
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
