import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import type { Activity } from './activity';

/** The organiser's review once written, the average rating, and rating it for a participant who took part. */
export function ReviewAndRating(props: { id: string; activity: Activity; canRate: boolean; action: Action }) {
  const { t } = useI18n();
  const [rating, setRating] = createSignal(0);
  function submitRating(event: SubmitEvent) {
    event.preventDefault();
    if (rating() < 1) return;
    void props.action.run(
      () => request(api.api.activities[':id'].rating.$post({ param: { id: props.id }, json: { rating: rating() } })),
      t('activity.rated'),
    );
  }
  return (
    <>
      <Show when={props.activity.review}>
        {(r) => (
          <section class="card" aria-labelledby="review-title">
            <h2 id="review-title">{t('activity.review')}</h2>
            <h3 class="subhead">{t('activity.wentWell')}</h3>
            <p class="description">{r().wentWell}</p>
            <Show when={r().toChange}>
              <h3 class="subhead">{t('activity.toChange')}</h3>
              <p class="description">{r().toChange}</p>
            </Show>
          </section>
        )}
      </Show>
      <Show when={props.activity.rating}>
        {(r) => <p>{t('activity.ratingAverage', { average: r().average.toFixed(1), count: String(r().count) })}</p>}
      </Show>
      <Show when={props.canRate}>
        <form class="card" onSubmit={submitRating}>
          <fieldset class="rating">
            <legend>{t('activity.rateIt')}</legend>
            <For each={[1, 2, 3, 4, 5]}>
              {(n) => (
                <label class="radio">
                  <input type="radio" name="rating" value={n} checked={rating() === n} onChange={() => setRating(n)} />
                  {t(`activity.rating_${n}` as 'activity.rating_1')}
                </label>
              )}
            </For>
          </fieldset>
          <button type="submit" class="button" disabled={props.action.busy() || rating() < 1}>
            {t('activity.submitRating')}
          </button>
        </form>
      </Show>
    </>
  );
}
