import { Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDateTime } from '../../../lib/coordination';

/** Papers should reach everyone who sits at the meeting this many days ahead. */
const PAPERS_DAYS_AHEAD = 7;

/**
 * Whether the papers went out, and how many days ahead; the chair sends them (again, after adding items) while
 * the meeting is scheduled.
 */
export function Papers(props: {
  id: string;
  meeting: { scheduledFor: string; status: string; papersSentAt: string | null };
  chairs: boolean;
  action: Action;
}) {
  const { t, locale } = useI18n();
  const daysAhead = (sent: string) => Math.floor((Date.parse(props.meeting.scheduledFor) - Date.parse(sent)) / 86_400_000);
  const send = () =>
    props.action.run(() => request(api.api.meetings[':id'].papers.$post({ param: { id: props.id } })), t('meeting.papersSentNotice'));
  return (
    <section aria-labelledby="papers-title">
      <h2 id="papers-title">{t('meeting.papersTitle')}</h2>
      <Show
        when={props.meeting.papersSentAt}
        fallback={<p class="help">{t('meeting.papersNotYet', { days: String(PAPERS_DAYS_AHEAD) })}</p>}
      >
        {(sent) => (
          <p class={daysAhead(sent()) >= PAPERS_DAYS_AHEAD ? 'help' : 'alert'}>
            {t(daysAhead(sent()) >= PAPERS_DAYS_AHEAD ? 'meeting.papersOnTime' : 'meeting.papersLate', {
              time: formatDateTime(sent(), locale()),
              days: String(Math.max(0, daysAhead(sent()))),
            })}
          </p>
        )}
      </Show>
      <Show when={props.chairs && props.meeting.status === 'scheduled'}>
        <div class="actions">
          <button type="button" class="button secondary" disabled={props.action.busy()} onClick={() => void send()}>
            {t('meeting.sendPapers')}
          </button>
        </div>
      </Show>
    </section>
  );
}
