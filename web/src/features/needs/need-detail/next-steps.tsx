import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { noteRequired } from '../../../../../worker/community/needs/rules';
import type { NeedDetailData } from './need';
import { TurnIntoForm } from './turn-into-form';

type Move = 'unclaimed' | 'solved' | 'wont-do';
const MOVES: Move[] = ['solved', 'wont-do', 'unclaimed'];

/** The steps the reader may take, as the API says: claim, turn into something, solve, decline or release. */
export function NextSteps(props: { need: NeedDetailData; action: Action; onTurned: (to: { activityId: number | null }) => void }) {
  const { t } = useI18n();
  const param = () => ({ id: String(props.need.id) });
  const moves = () => MOVES.filter((m) => props.need.steps.includes(m));
  const [to, setTo] = createSignal<Move>();
  const chosen = () => to() ?? moves()[0];
  const [note, setNote] = createSignal('');
  const move = (event: SubmitEvent) => {
    event.preventDefault();
    const target = chosen();
    if (!target) return;
    void props.action.run(
      () => request(api.api.needs[':id'].transitions.$post({ param: param(), json: { to: target, note: note().trim() || undefined } })),
      t('need.moved'),
    );
  };
  return (
    <Show when={props.need.steps.length > 0}>
      <section class="need-steps" aria-labelledby="need-steps-title">
        <h2 id="need-steps-title">{t('need.stepsTitle')}</h2>
        <Show when={props.need.steps.includes('claimed')}>
          <div class="card">
            <p class="help">{t('need.claimHelp')}</p>
            <button
              type="button"
              class="button"
              disabled={props.action.busy()}
              onClick={() => void props.action.run(() => request(api.api.needs[':id'].claim.$post({ param: param() })), t('need.claimed'))}
            >
              {t('need.claim')}
            </button>
          </div>
        </Show>
        <Show when={props.need.steps.includes('became-activity')}>
          <TurnIntoForm need={props.need} action={props.action} onTurned={props.onTurned} />
        </Show>
        <Show when={moves().length > 0}>
          <form class="card" onSubmit={move} aria-labelledby="need-move-title">
            <h3 id="need-move-title">{t('need.moveTitle')}</h3>
            <fieldset>
              <legend class="visually-hidden">{t('need.moveTitle')}</legend>
              <For each={moves()}>
                {(m) => (
                  <label class="choice">
                    <input type="radio" name="need-move" value={m} checked={chosen() === m} onChange={() => setTo(m)} /> {t(`need.to_${m}`)}
                  </label>
                )}
              </For>
            </fieldset>
            <div class="field">
              <label for="need-move-note">{noteRequired(chosen() ?? 'solved') ? t('need.moveNoteRequired') : t('need.moveNote')}</label>
              <textarea
                id="need-move-note"
                rows="2"
                maxlength="1000"
                required={noteRequired(chosen() ?? 'solved')}
                value={note()}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button secondary" disabled={props.action.busy()}>
              {t('need.moveSubmit')}
            </button>
          </form>
        </Show>
      </section>
    </Show>
  );
}
