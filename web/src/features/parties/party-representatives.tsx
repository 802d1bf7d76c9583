import { createResource, createSignal, For, Show } from 'solid-js';
import { partyKeys, type PartyKey } from '../../../../worker/community/parties/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** Administrators propose each party's representative and end a term; the appointee accepts on their own page. */
export function PartyRepresentatives(props: { parties: { key: string; title: { zh: string; en: string } }[] }) {
  const { t, pick } = useI18n();
  const [members] = createResource(() => request(api.api.members.$get({ query: {} })));
  const [appointments, { refetch }] = createResource(async () => {
    const lists = await Promise.all(partyKeys.map((key) => request(api.api.parties[':key'].appointments.$get({ param: { key } }))));
    return Object.fromEntries(partyKeys.map((key, i) => [key, lists[i]!.appointments])) as Record<
      PartyKey,
      (typeof lists)[number]['appointments']
    >;
  });
  const [error, setError] = createSignal<unknown>();
  const [chosen, setChosen] = createSignal<Partial<Record<PartyKey, string>>>({});

  async function act(call: () => Promise<unknown>) {
    setError(undefined);
    try {
      await call();
      await refetch();
    } catch (e) {
      setError(e);
    }
  }
  const titleOf = (key: string) => {
    const party = props.parties.find((p) => p.key === key);
    return party ? pick(party.title) : key;
  };
  // A resource that failed throws when read: its error is shown above, and the lists are empty.
  const listOf = (key: PartyKey) => (appointments.error ? [] : (appointments.latest?.[key] ?? []));
  const statusText = (status: 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'ended') => t(`parties.${status}`);

  return (
    <div class="party-representatives" id="parties">
      <h2>{t('parties.title')}</h2>
      <p class="hint">{t('parties.intro')}</p>
      <ErrorMessage error={members.error ?? appointments.error} />
      <ErrorMessage error={error()} detail />
      <For each={partyKeys}>
        {(key) => (
          <fieldset>
            <legend>{titleOf(key)}</legend>
            <ul class="plain">
              <For each={listOf(key).filter((a) => a.status === 'offered' || a.status === 'accepted')}>
                {(a) => (
                  <li>
                    {a.displayName} · {statusText(a.status)}
                    <Show when={a.status === 'accepted'}>
                      {' '}
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() =>
                          act(() =>
                            request(
                              api.api.parties[':key'].representatives[':memberId'].$delete({
                                param: { key, memberId: String(a.memberId) },
                              }),
                            ),
                          )
                        }
                      >
                        {t('parties.remove')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
              <Show when={listOf(key).every((a) => a.status !== 'offered' && a.status !== 'accepted')}>
                <li class="hint">{t('parties.none')}</li>
              </Show>
            </ul>
            <label>
              {t('parties.appointLabel', { party: titleOf(key) })}
              <select value={chosen()[key] ?? ''} onChange={(e) => setChosen({ ...chosen(), [key]: e.currentTarget.value })}>
                <option value="">{t('parties.choose')}</option>
                <For each={members.error ? [] : (members.latest?.members ?? [])}>
                  {(m) => <option value={String(m.id)}>{m.displayName}</option>}
                </For>
              </select>
            </label>
            <button
              type="button"
              class="button"
              disabled={!chosen()[key]}
              onClick={() =>
                act(() =>
                  request(api.api.parties[':key'].appointments.$post({ param: { key }, json: { memberId: Number(chosen()[key]) } })),
                )
              }
            >
              {t('parties.appoint')}
            </button>
          </fieldset>
        )}
      </For>
    </div>
  );
}
