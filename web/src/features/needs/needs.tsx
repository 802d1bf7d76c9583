import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { type NeedCategory, type NeedState, needCategories, needStates } from '../../../../worker/community/needs/rules';
import { NeedCard } from './need-card';
import { NeedsFigures } from './needs-figures';
import { NeedsReview } from './needs-review';
import { PostNeedForm } from './post-need-form';

/** The needs register (需求登记): the list with its filters, posting, "me too" and "I can help", the monthly review and the figures. */
export default function Needs() {
  const { t } = useI18n();
  const { member, isAdmin } = useMembership();
  const [state, setState] = createSignal<NeedState | ''>('');
  const [category, setCategory] = createSignal<NeedCategory | ''>('');
  const [data, { refetch }] = createResource(
    () => ({ viewer: member()?.id ?? 0, state: state(), category: category() }),
    (key) =>
      request(
        api.api.needs.$get({ query: { ...(key.state ? { state: key.state } : {}), ...(key.category ? { category: key.category } : {}) } }),
      ),
  );
  const action = createAction(() => refetch());

  return (
    <section class="needs">
      <h1>{t('needs.title')}</h1>
      <p class="lead">{t('needs.intro')}</p>
      <p>
        <A href="/partnerships">{t('partnerships.fromNeeds')}</A>
      </p>
      <MemberGate next="/needs" />
      <Show when={member()}>
        <p class="actions">
          <a class="button" href="#post-need-title">
            {t('needs.postTitle')}
          </a>
        </p>
      </Show>

      <div class="toolbar">
        <div class="field">
          <label for="need-state-filter">{t('needs.filterState')}</label>
          <select id="need-state-filter" value={state()} onChange={(e) => setState(e.currentTarget.value as NeedState | '')}>
            <option value="">{t('needs.all')}</option>
            <For each={[...needStates]}>{(s) => <option value={s}>{t(`needState.${s}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="need-category-filter">{t('needs.filterCategory')}</label>
          <select id="need-category-filter" value={category()} onChange={(e) => setCategory(e.currentTarget.value as NeedCategory | '')}>
            <option value="">{t('needs.all')}</option>
            <For each={[...needCategories]}>{(c) => <option value={c}>{t(`needCategory.${c}`)}</option>}</For>
          </select>
        </div>
      </div>
      <ErrorMessage error={data.error} />
      <ErrorMessage error={action.error()} detail />
      <Show when={data.latest} fallback={<Show when={!data.error}>{<p>{t('app.loading')}</p>}</Show>}>
        {(d) => (
          <>
            <Show when={d().needs.length > 0} fallback={<p class="card empty">{t('needs.none')}</p>}>
              <ul class="need-list plain" aria-live="polite">
                <For each={d().needs}>{(need) => <NeedCard need={need} member={Boolean(member())} action={action} />}</For>
              </ul>
            </Show>
            <NeedsReview items={d().review} days={d().reviewAfterDays} admin={isAdmin()} reload={refetch} />
          </>
        )}
      </Show>

      <Show when={member()} fallback={<p class="help">{t('needs.signInToPost')}</p>}>
        <PostNeedForm />
      </Show>
      <NeedsFigures />
    </section>
  );
}
