import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { askToSpeak, emptyQueue, MAX_TURNS, nextSpeaker, type Refusal, type Side, withdraw } from '../../lib/speaking-queue';

/** The chair's list of who speaks next on the item under discussion: two turns each, for and against in turn. */
export function SpeakingQueuePanel(props: { idPrefix: string; voters: { key: string; name: string }[]; onNextSpeaker: () => void }) {
  const { t } = useI18n();
  const [queue, setQueue] = createSignal(emptyQueue());
  const [speaker, setSpeaker] = createSignal('');
  const [side, setSide] = createSignal<Side>('for');
  const [refused, setRefused] = createSignal<Refusal>();
  const nameOf = (key: string) => props.voters.find((v) => v.key === key)?.name ?? key;
  const sideLabel = (s: Side) => t(s === 'for' ? 'meeting.queueFor' : 'meeting.queueAgainst');

  return (
    <div class="speaking-queue">
      <p class="timer-label">{t('meeting.queueTitle', { n: String(MAX_TURNS) })}</p>
      <p role="status">
        <Show when={queue().current} fallback={t('meeting.queueNobody')}>
          {(c) => (
            <>
              {t('meeting.queueSpeaking', {
                name: nameOf(c().speaker),
                side: sideLabel(c().side),
                turn: String(queue().turns[c().speaker] ?? 1),
                max: String(MAX_TURNS),
              })}
            </>
          )}
        </Show>
      </p>
      <Show when={queue().waiting.length > 0}>
        <ol aria-label={t('meeting.queueWaiting')}>
          <For each={queue().waiting}>
            {(r) => (
              <li>
                {nameOf(r.speaker)} · {sideLabel(r.side)}{' '}
                <button
                  type="button"
                  class="button secondary small"
                  onClick={() => setQueue(withdraw(queue(), r.speaker))}
                  aria-label={t('meeting.queueWithdrawNamed', { name: nameOf(r.speaker) })}
                >
                  {t('meeting.queueWithdraw')}
                </button>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (!speaker()) return;
          const result = askToSpeak(queue(), speaker(), side());
          setRefused(result.refused);
          setQueue(result.queue);
        }}
      >
        <div class="field inline">
          <label for={`${props.idPrefix}-speaker`}>{t('meeting.queueSpeaker')}</label>
          <select id={`${props.idPrefix}-speaker`} value={speaker()} onChange={(e) => setSpeaker(e.currentTarget.value)}>
            <option value="">{t('meeting.queueChoose')}</option>
            <For each={props.voters}>{(v) => <option value={v.key}>{v.name}</option>}</For>
          </select>
        </div>
        <fieldset class="inline">
          <legend class="visually-hidden">{t('meeting.queueSide')}</legend>
          <For each={['for', 'against'] as Side[]}>
            {(s) => (
              <label class="radio">
                <input type="radio" name={`${props.idPrefix}-side`} value={s} checked={side() === s} onChange={() => setSide(s)} />{' '}
                {sideLabel(s)}
              </label>
            )}
          </For>
        </fieldset>
        <button type="submit" class="button secondary">
          {t('meeting.queueAdd')}
        </button>
        <button
          type="button"
          class="button"
          disabled={queue().waiting.length === 0}
          onClick={() => {
            setQueue(nextSpeaker(queue()));
            setRefused(undefined);
            props.onNextSpeaker();
          }}
        >
          {t('meeting.queueNext')}
        </button>
      </form>
      <Show when={refused()}>
        {(r) => (
          <p class="alert" role="alert">
            {t(r() === 'max-turns' ? 'meeting.queueMaxTurns' : 'meeting.queueAlready', { n: String(MAX_TURNS) })}
          </p>
        )}
      </Show>
    </div>
  );
}
