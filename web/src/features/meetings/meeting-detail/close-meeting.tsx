import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';

/** The chair closes the meeting, after a confirmation: attendance, positions and decisions are then final. */
export function CloseMeeting(props: { id: string; action: Action }) {
  const { t } = useI18n();
  const [confirmClose, setConfirmClose] = createSignal(false);
  const close = () =>
    props.action.run(() => request(api.api.meetings[':id'].close.$post({ param: { id: props.id } })), t('meeting.closedNotice'));
  return (
    <section class="organiser" aria-labelledby="close-title">
      <h2 id="close-title">{t('meeting.closeTitle')}</h2>
      <p class="help">{t('meeting.closeHelp')}</p>
      <div class="actions">
        <Show
          when={confirmClose()}
          fallback={
            <button type="button" class="button secondary" onClick={() => setConfirmClose(true)}>
              {t('meeting.close')}
            </button>
          }
        >
          <button type="button" class="button" disabled={props.action.busy()} onClick={() => void close()}>
            {t('meeting.confirmClose')}
          </button>
          <button type="button" class="button secondary" onClick={() => setConfirmClose(false)}>
            {t('issue.cancel')}
          </button>
        </Show>
      </div>
    </section>
  );
}
