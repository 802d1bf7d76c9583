import { Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDateTime } from '../../../lib/coordination';
import type { Meeting } from './meeting';

/** The meeting's title, body and time, and where it stands: the chair opens it from here. */
export function MeetingHeader(props: { id: string; meeting: Meeting; chairs: boolean; action: Action }) {
  const { t, pick, locale } = useI18n();
  const openMeeting = () =>
    props.action.run(() => request(api.api.meetings[':id'].open.$post({ param: { id: props.id } })), t('governance.openedNotice'));
  return (
    <>
      <header>
        <h1>{props.meeting.title}</h1>
        <p class="tags">
          <span class="tag outline">{pick(props.meeting.body.name)}</span>
          <Show when={props.meeting.committee}>{(c) => <span class="tag outline">{c().name}</span>}</Show>
          <span class="tag" classList={{ live: props.meeting.status === 'in-progress' }} data-testid="meeting-status">
            {t(`meetingStatus.${props.meeting.status}`)}
          </span>
          <span class="tag outline">{props.meeting.body.rule === 'unanimity' ? t('community.unanimity') : t('community.majority')}</span>
        </p>
        <p>
          <time datetime={props.meeting.scheduledFor}>{formatDateTime(props.meeting.scheduledFor, locale())}</time>
          <Show when={props.meeting.openedAt}>{(at) => <> · {t('governance.openedAt', { time: formatDateTime(at(), locale()) })}</>}</Show>
        </p>
      </header>

      <section
        class="card meeting-state"
        classList={{ live: props.meeting.status === 'in-progress' }}
        aria-label={t(`meetingStatus.${props.meeting.status}`)}
      >
        <p>{t(`governance.status_${props.meeting.status}`)}</p>
        <Show when={props.meeting.status === 'scheduled' && props.chairs}>
          <p class="help">{t('governance.openHelp')}</p>
          <button type="button" class="button" disabled={props.action.busy()} onClick={() => void openMeeting()}>
            {t('governance.open')}
          </button>
        </Show>
      </section>
    </>
  );
}
