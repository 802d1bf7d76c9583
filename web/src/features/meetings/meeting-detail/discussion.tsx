import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { formatClock } from '../../../lib/coordination';
import { SpeakingQueuePanel } from '../speaking-queue';
import type { ItemPartProps } from './meeting';
import type { SpeakingTimer } from './speaking-timer';

/** The chair takes up the item: the speaking timer and the queue of who speaks next. */
export function Discussion(
  props: ItemPartProps & {
    prefix: string;
    partyName: (key: string) => string;
    discussing: boolean;
    onDiscuss: () => void;
    onStopDiscussing: () => void;
    timer: SpeakingTimer;
  },
) {
  const { t } = useI18n();
  return (
    <Show
      when={props.discussing}
      fallback={
        <button type="button" class="button secondary discuss" onClick={() => props.onDiscuss()}>
          {t('meeting.discuss')}
        </button>
      }
    >
      <div class="speaking-timer" classList={{ over: props.timer.remaining() < 0, running: props.timer.running() }}>
        <p class="timer-label">{t('meeting.timerTitle')}</p>
        <p class="clock" role="timer" aria-label={t('meeting.timerAria', { time: formatClock(props.timer.remaining()) })}>
          {formatClock(props.timer.remaining())}
        </p>
        <Show when={props.timer.remaining() < 0}>
          <p class="timer-over">{t('meeting.timerOver')}</p>
        </Show>
        <div class="actions">
          <Show
            when={props.timer.running()}
            fallback={
              <button type="button" class="button" onClick={() => props.timer.start()}>
                {t('meeting.timerStart')}
              </button>
            }
          >
            <button type="button" class="button" onClick={() => props.timer.stop()}>
              {t('meeting.timerStop')}
            </button>
          </Show>
          <button type="button" class="button secondary" onClick={() => props.timer.reset()}>
            {t('meeting.timerNext')}
          </button>
          <div class="field inline">
            <label for={`${props.prefix}-limit`}>{t('meeting.timerLimit')}</label>
            <select
              id={`${props.prefix}-limit`}
              value={String(props.timer.limit())}
              onChange={(e) => props.timer.reset(Number(e.currentTarget.value))}
            >
              <For each={[60, 120, 180, 300]}>
                {(s) => <option value={String(s)}>{t('meeting.minutesN', { n: String(s / 60) })}</option>}
              </For>
            </select>
          </div>
          <button type="button" class="button secondary" onClick={() => props.onStopDiscussing()}>
            {t('meeting.endDiscussion')}
          </button>
        </div>
        <SpeakingQueuePanel
          idPrefix={`${props.prefix}-queue`}
          voters={props.meeting.voters.map((v) => ({ key: v.key, name: props.partyName(v.key) }))}
          onNextSpeaker={() => {
            props.timer.reset();
            props.timer.start();
          }}
        />
      </div>
    </Show>
  );
}
