import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import type { ItemOutcome } from '../../../lib/coordination';
import { FINAL, type ItemPartProps, itemParams } from './meeting';

/** The chair records the decision; the API applies the body's rule (unanimity, or a majority) to the positions. */
export function DecideForm(props: ItemPartProps & { prefix: string; chairs: boolean; action: Action }) {
  const { t } = useI18n();
  const stance = (party: string) => props.item.stances.find((s) => s.voter === party);
  const canDecide = () => props.chairs && props.meeting.status === 'in-progress' && !FINAL.includes(props.item.outcome as ItemOutcome);
  const majority = () => props.meeting.body.rule === 'majority';
  const allAgree = () => props.meeting.voters.every((v) => stance(v.key)?.position === 'agree');
  const [decisionText, setDecisionText] = createSignal('');
  function decide(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(async () => {
      const outcome = await request(
        api.api.meetings[':id'].items[':itemId'].decision.$post({
          param: itemParams(props.meeting, props.item),
          json: { decisionText: decisionText().trim() || undefined },
        }),
      );
      props.action.setMessage(t('meeting.decided', { outcome: t(`itemOutcome.${outcome.result}`) }));
    });
  }
  return (
    <Show when={canDecide()}>
      <form class="card inline-form decide-form" onSubmit={decide}>
        <div class="field">
          <label for={`${props.prefix}-decision`}>
            {allAgree() || majority() ? t('meeting.decisionTextRequired') : t('meeting.decisionText')}
          </label>
          <textarea
            id={`${props.prefix}-decision`}
            rows="3"
            maxlength="2000"
            required={allAgree()}
            value={decisionText()}
            onInput={(e) => setDecisionText(e.currentTarget.value)}
            aria-describedby={`${props.prefix}-decision-help`}
          />
          <span class="help" id={`${props.prefix}-decision-help`}>
            {majority() ? t('governance.majorityDecisionHelp') : t('meeting.decisionHelp')}
          </span>
        </div>
        <button type="submit" class="button" disabled={props.action.busy()}>
          {t('meeting.decide')}
        </button>
      </form>
    </Show>
  );
}
