import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';

interface ReviewItem {
  id: number;
  title: string;
  meToo: number;
  waitingDays: number;
}

/** "待月度评议": needs nobody claimed within the community's days; administrators set the days here. */
export function NeedsReview(props: { items: ReviewItem[]; days: number; admin: boolean; reload: () => unknown }) {
  const { t } = useI18n();
  const [days, setDays] = createSignal<string>();
  const action = createAction(() => props.reload());
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const value = Number(days() ?? props.days);
    void action.run(() => request(api.api.needs.settings.$put({ json: { reviewAfterDays: value } })), t('needs.daysSaved'));
  };
  return (
    <section class="needs-review" aria-labelledby="needs-review-title">
      <h2 id="needs-review-title">{t('needs.reviewTitle')}</h2>
      <p class="help">{t('needs.reviewHelp', { days: String(props.days) })}</p>
      <Show when={props.items.length > 0} fallback={<p class="card empty">{t('needs.reviewNone')}</p>}>
        <ul class="card plain review-list">
          <For each={props.items}>
            {(item) => (
              <li>
                <A href={`/needs/${item.id}`}>{item.title}</A>{' '}
                <span class="tag warn">{t('needs.waitingDays', { days: String(item.waitingDays) })}</span>
                <span class="tag outline">{t('needs.meTooCount', { count: String(item.meToo) })}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.admin}>
        <form class="toolbar" onSubmit={save}>
          <div class="field">
            <label for="review-days">{t('needs.reviewDays')}</label>
            <input
              id="review-days"
              type="number"
              min="1"
              max="180"
              required
              value={days() ?? String(props.days)}
              onInput={(e) => setDays(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button secondary" disabled={action.busy()}>
            {t('needs.saveDays')}
          </button>
        </form>
        <Show when={action.message()}>
          <p class="notice" role="status">
            {action.message()}
          </p>
        </Show>
        <ErrorMessage error={action.error()} detail />
      </Show>
    </section>
  );
}
