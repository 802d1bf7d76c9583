import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate, useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { formatDate, formatWhen } from '../../../lib/format';
import { ResponseButtons } from '../need-card';
import { loadNeed } from './need';
import { NeedOutcome } from './need-outcome';
import { NextSteps } from './next-steps';

/** One need: what and for whom, who shares it or can help, what it became, its path, and the reader's next steps. */
export default function NeedDetail() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const { member } = useMembership();
  const [need, { refetch }] = createResource(
    () => ({ id: params.id, viewer: member()?.id ?? 0 }),
    (key) => loadNeed(key.id),
  );
  const current = () => (need.state === 'ready' || need.state === 'refreshing' ? need() : undefined);
  const action = createAction(() => refetch());
  const [helpNote, setHelpNote] = createSignal('');

  return (
    <section class="need">
      <p class="no-print">
        <A href="/needs">{t('need.back')}</A>
      </p>
      <ErrorMessage error={need.error} />
      <Show when={current()} fallback={<Show when={!need.error}>{<p>{t('app.loading')}</p>}</Show>}>
        {(n) => (
          <>
            <h1>{n().title}</h1>
            <p class="tags">
              <span class="tag">{t(`needState.${n().state}`)}</span>
              <span class="tag outline">{t(`needCategory.${n().category}`)}</span>
              <span class="tag outline">{t(`needFor.${n().beneficiary}`)}</span>
              <Show when={n().forReview}>
                <span class="tag warn">{t('needs.reviewTitle')}</span>
              </Show>
            </p>
            <Show when={n().description}>
              <p class="prose-text">{n().description}</p>
            </Show>
            <Show when={n().onBehalf}>
              <p class="notice">
                {n().onBehalfName
                  ? t('need.forNeighbour', { name: `${n().onBehalfName}${n().onBehalfFlat ? `（${n().onBehalfFlat}）` : ''}` })
                  : t('need.forNeighbourHidden')}
              </p>
            </Show>
            <dl class="facts-inline">
              <div>
                <dt>{t('needs.postedBy')}</dt>
                <dd>{n().posterName ?? t('need.posterHidden')}</dd>
              </div>
              <div>
                <dt>{t('needs.postedOn')}</dt>
                <dd>{formatDate(n().createdAt, locale())}</dd>
              </div>
              <Show when={n().claimedAt}>
                <div>
                  <dt>{t('need.claimedBy')}</dt>
                  <dd>{n().claimerName ?? t('need.posterHidden')}</dd>
                </div>
              </Show>
            </dl>
            <MemberGate next={`/needs/${params.id}`} />
            <Show when={member() && !n().postedByMe && !n().canHelpByMe && ['unclaimed', 'claimed'].includes(n().state)}>
              <div class="field">
                <label for="help-note">{t('needs.helpNote')}</label>
                <input id="help-note" type="text" maxlength="280" value={helpNote()} onInput={(e) => setHelpNote(e.currentTarget.value)} />
              </div>
            </Show>
            <ResponseButtons need={n()} member={Boolean(member())} action={action} helpNote={() => helpNote().trim()} />

            <Show when={action.message()}>
              <p class="notice" role="status">
                {action.message()}
              </p>
            </Show>
            <ErrorMessage error={action.error()} detail />

            <NeedOutcome need={n()} />
            <NextSteps need={n()} action={action} onTurned={() => undefined} />

            <section aria-labelledby="need-responses-title">
              <h2 id="need-responses-title">{t('need.responsesTitle')}</h2>
              <Show when={member()} fallback={<p class="help">{t('need.responsesHidden')}</p>}>
                <Show when={n().responses.length === 0}>
                  <p class="card empty">{t('need.noResponses')}</p>
                </Show>
                <ul class="plain need-response-list">
                  <For each={n().responses}>
                    {(r) => (
                      <li>
                        {r.name} · {r.kind === 'me-too' ? t('needs.meToo') : t('needs.canHelp')}
                        {r.note ? `：${r.note}` : ''}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <section aria-labelledby="need-path-title">
              <h2 id="need-path-title">{t('need.pathTitle')}</h2>
              <ul class="card plain need-path">
                <For each={n().events}>
                  {(e) => (
                    <li>
                      <time datetime={e.at}>{formatWhen(e.at, locale())}</time>
                      <br />
                      {t(`needState.${e.toState}`)}
                      {e.actor ? ` · ${e.actor}` : ''}
                      {e.note ? ` · ${e.note}` : ''}
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </>
        )}
      </Show>
    </section>
  );
}
