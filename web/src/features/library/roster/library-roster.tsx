import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { today } from '../../../lib/format';
import { useLibraryRoles } from '../roles';
import { PublishForm } from './publish-form';

const monthAfter = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 1)).toISOString().slice(0, 7);
};

/** The weekday of a calendar date (YYYY-MM-DD), which is the same in every time zone. */
const weekdayOf = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' });

/** /library/roster: a month's duty shifts; volunteers claim, offer for a swap and take over; the lead confirms served shifts. */
export default function LibraryRoster() {
  const { t, locale } = useI18n();
  const { member, isKeeper } = useLibraryRoles();
  const thisMonth = today().slice(0, 7);
  const [month, setMonth] = createSignal(thisMonth);
  const [roster, { refetch }] = createResource(
    () => (member() ? month() : undefined),
    (m) => request(api.api.library.roster.$get({ query: { month: m } })),
  );
  const [error, setError] = createSignal<unknown>();
  async function act(call: () => Promise<unknown>) {
    setError(undefined);
    try {
      await call();
      await refetch();
    } catch (e) {
      setError(e);
    }
  }
  const param = (id: number) => ({ param: { id: String(id) } });
  return (
    <section class="library">
      <p>
        <A href="/library">← {t('library.title')}</A>
      </p>
      <h1>{t('libraryRoster.title')}</h1>
      <p class="lead">{t('libraryRoster.intro')}</p>
      <MemberGate next="/library/roster" />
      <Show when={member()}>
        <fieldset class="toggle" aria-label={t('library.month')}>
          <For each={[thisMonth, monthAfter(thisMonth)]}>
            {(m, i) => (
              <button type="button" class="button" aria-pressed={month() === m} onClick={() => setMonth(m)}>
                {i() === 0 ? t('libraryRoster.thisMonth') : t('libraryRoster.nextMonth')} · {m}
              </button>
            )}
          </For>
        </fieldset>
        <ErrorMessage error={roster.error ?? error()} detail />
        <Show when={roster.latest}>
          {(r) => (
            <Show when={r().slots.length > 0} fallback={<p class="card empty">{t('libraryRoster.none')}</p>}>
              <ul class="book-list">
                <For each={r().slots}>
                  {(s) => {
                    const when = () => `${weekdayOf(s.date, locale())} ${s.date} ${s.from}–${s.to}`;
                    const ended = () => Date.parse(s.endsAt) <= Date.now();
                    const mine = () => s.claims.some((c) => c.mine);
                    return (
                      <li class="card roster-slot">
                        <span class="when">{when()}</span>
                        <span class="tag">{t('libraryRoster.places', { taken: String(s.claims.length), places: String(s.places) })}</span>
                        <div class="roster-claims">
                          <For each={s.claims}>
                            {(c) => (
                              <span class="chip">
                                {c.name}
                                <Show when={c.status === 'offered'}> · {t('libraryRoster.offered')}</Show>
                                <Show when={c.status === 'confirmed'}> · {t('libraryRoster.confirmed')}</Show>
                                <Show when={c.mine && c.status === 'held' && !ended()}>
                                  <button
                                    type="button"
                                    class="button secondary"
                                    aria-label={t('libraryRoster.offerNamed', { when: when() })}
                                    onClick={() => void act(() => request(api.api['library-duty-claims'][':id'].offer.$post(param(c.id))))}
                                  >
                                    {t('libraryRoster.offer')}
                                  </button>
                                </Show>
                                <Show when={!c.mine && c.status === 'offered' && !mine() && !ended()}>
                                  <button
                                    type="button"
                                    class="button secondary"
                                    aria-label={t('libraryRoster.takeNamed', { name: c.name, when: when() })}
                                    onClick={() =>
                                      void act(() => request(api.api['library-duty-claims'][':id'].takeover.$post(param(c.id))))
                                    }
                                  >
                                    {t('libraryRoster.take')}
                                  </button>
                                </Show>
                                <Show when={isKeeper() && !c.mine && c.status !== 'confirmed' && ended()}>
                                  <button
                                    type="button"
                                    class="button secondary"
                                    aria-label={t('libraryRoster.confirmNamed', { name: c.name, when: when() })}
                                    onClick={() =>
                                      void act(() => request(api.api['library-duty-claims'][':id'].confirmation.$post(param(c.id))))
                                    }
                                  >
                                    {t('libraryRoster.confirm')}
                                  </button>
                                </Show>
                              </span>
                            )}
                          </For>
                        </div>
                        <Show when={!mine() && !ended() && s.claims.length < s.places}>
                          <button
                            type="button"
                            class="button"
                            aria-label={t('libraryRoster.claimNamed', { when: when() })}
                            onClick={() => void act(() => request(api.api.library['duty-slots'][':id'].claims.$post(param(s.id))))}
                          >
                            {t('libraryRoster.claim')}
                          </button>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
          )}
        </Show>
        <Show when={isKeeper()}>
          <PublishForm month={month()} onPublished={() => void refetch()} />
        </Show>
      </Show>
    </section>
  );
}
