import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import type { Activity } from './activity';

/** Once settled, the responsible person writes what went well and what to change, for the next organiser. */
export function ReviewForm(props: { id: string; activity: Activity; isResponsible: boolean; action: Action }) {
  const { t } = useI18n();
  const [wentWell, setWentWell] = createSignal('');
  const [toChange, setToChange] = createSignal('');
  function submitReview(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(
      () =>
        request(
          api.api.activities[':id'].review.$post({
            param: { id: props.id },
            json: { wentWell: wentWell().trim(), toChange: toChange().trim() },
          }),
        ),
      t('activity.reviewed'),
    );
  }
  return (
    <Show when={props.activity.state === 'settled' && props.isResponsible}>
      <form class="card" onSubmit={submitReview} aria-labelledby="review-form-title">
        <h3 id="review-form-title">{t('activity.reviewTitle')}</h3>
        <div class="field">
          <label for="review-well">{t('activity.wentWell')}</label>
          <textarea
            id="review-well"
            rows="3"
            required
            maxlength="2000"
            value={wentWell()}
            onInput={(e) => setWentWell(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="review-change">{t('activity.toChange')}</label>
          <textarea id="review-change" rows="3" maxlength="2000" value={toChange()} onInput={(e) => setToChange(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={props.action.busy()}>
          {t('activity.reviewSubmit')}
        </button>
      </form>
    </Show>
  );
}
