import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { nextState } from '../../../lib/budget';
import { type Activity, takeStep } from './activity';

/** The responsible person cancels the activity, saying why; every sign-up is cancelled with it. */
export function CancelForm(props: { id: string; activity: Activity; isResponsible: boolean; action: Action }) {
  const { t } = useI18n();
  const [cancelReason, setCancelReason] = createSignal('');
  return (
    <Show when={nextState(props.activity.state, 'cancel') !== null && props.isResponsible}>
      <form
        class="card danger-zone"
        onSubmit={(e) => {
          e.preventDefault();
          void props.action.run(() => takeStep(props.id, 'cancel', cancelReason()), t('activity.stepDone_cancel'));
        }}
      >
        <div class="field">
          <label for="cancel-reason">{t('activity.cancelReason')}</label>
          <textarea
            id="cancel-reason"
            rows="2"
            required
            maxlength="300"
            value={cancelReason()}
            onInput={(e) => setCancelReason(e.currentTarget.value)}
            aria-describedby="cancel-help"
          />
          <span class="help" id="cancel-help">
            {t('activity.cancelHelp')}
          </span>
        </div>
        <button type="submit" class="button secondary" disabled={props.action.busy() || cancelReason().trim() === ''}>
          {t('activity.step_cancel')}
        </button>
      </form>
    </Show>
  );
}
