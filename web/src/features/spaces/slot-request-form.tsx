import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/**
 * When two groups want the same regular slot, a member asks the federation to decide: the request becomes an issue
 * the federation takes up, and is granted or declined on the spaces page.
 */
export function SlotRequestForm(props: { spaceId: number }) {
  const { t } = useI18n();
  const { member } = useMembership();
  const [slot, setSlot] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [sent, setSent] = createSignal(false);
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(undefined);
    setSent(false);
    try {
      await request(
        api.api.spaces[':id']['slot-requests'].$post({
          param: { id: String(props.spaceId) },
          json: { slot: slot().trim(), reason: reason().trim() },
        }),
      );
      setSlot('');
      setReason('');
      setSent(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Show when={member()}>
      <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="slot-request-title">
        <h2 id="slot-request-title">{t('spaces.slotTitle')}</h2>
        <p class="help">{t('spaces.slotHelp')}</p>
        <ErrorMessage error={error()} detail />
        <Show when={sent()}>
          <p class="notice" role="status">
            {t('spaces.slotSent')}
          </p>
        </Show>
        <div class="field">
          <label for="slot-text">{t('spaces.slotWhen')}</label>
          <input id="slot-text" required minlength="2" maxlength="80" value={slot()} onInput={(e) => setSlot(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="slot-reason">{t('spaces.slotReason')}</label>
          <textarea
            id="slot-reason"
            required
            minlength="4"
            maxlength="1000"
            rows="3"
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button secondary">
          {t('spaces.slotSubmit')}
        </button>
      </form>
    </Show>
  );
}
