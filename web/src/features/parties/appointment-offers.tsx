import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** Offers to represent a party, addressed to me: I accept or decline them here. */
export function AppointmentOffers() {
  const { t, pick } = useI18n();
  const [offers, { refetch }] = createResource(() => request(api.api.me.appointments.$get()));
  const [error, setError] = createSignal<unknown>();
  async function answer(key: string, id: number, accept: boolean) {
    setError(undefined);
    try {
      await request(
        api.api.parties[':key'].appointments[':appointmentId'].answer.$post({
          param: { key: key as 'association', appointmentId: String(id) },
          json: { accept },
        }),
      );
      await refetch();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Show when={!offers.error && (offers.latest?.offers.length ?? 0) > 0}>
      <div class="card appointment-offers">
        <h2>{t('parties.offersTitle')}</h2>
        <ErrorMessage error={error()} detail />
        <For each={offers.error ? [] : (offers.latest?.offers ?? [])}>
          {(o) => (
            <p>
              {t('parties.offer', { party: pick(o.partyTitle) })}{' '}
              <button type="button" class="button" onClick={() => answer(o.partyKey, o.id, true)}>
                {t('parties.accept')}
              </button>{' '}
              <button type="button" class="button secondary" onClick={() => answer(o.partyKey, o.id, false)}>
                {t('parties.decline')}
              </button>
            </p>
          )}
        </For>
      </div>
    </Show>
  );
}
