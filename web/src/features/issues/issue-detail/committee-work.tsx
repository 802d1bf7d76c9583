import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import type { Committee, Issue } from './issue';

/**
 * What the professional committees do with the issue: the one studying a referred issue records its recommendation;
 * a coordinator assigns one to assist an adopted decision.
 */
export function CommitteeWork(props: {
  id: string;
  issue: Issue;
  committees: Committee[] | undefined;
  memberId: number | undefined;
  isCoordinator: boolean;
  action: Action;
}) {
  const { t, locale } = useI18n();
  const inStudy = () =>
    props.issue.state === 'referred' && props.issue.bodyKey === 'professional-committees' && props.issue.studyCommittee !== null;
  /** The reader sits on the committee studying the issue (or coordinates), so may record its recommendation. */
  const canRecommend = () => {
    const committee = props.committees?.find((c) => c.id === props.issue.studyCommittee?.id);
    return props.isCoordinator || (committee?.members.some((m) => m.memberId !== null && m.memberId === props.memberId) ?? false);
  };
  const canAssign = () =>
    props.isCoordinator &&
    props.issue.outcome === 'adopted' &&
    (props.issue.state === 'decided' || props.issue.state === 'implementing') &&
    props.issue.assistCommittee === null;

  const [recommendation, setRecommendation] = createSignal('');
  function recommend(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(async () => {
      await request(api.api.issues[':id'].recommendation.$post({ param: { id: props.id }, json: { text: recommendation().trim() } }));
      setRecommendation('');
    }, t('governance.recommendedNotice'));
  }
  const [assistId, setAssistId] = createSignal('');
  function assign(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(
      () => request(api.api.issues[':id'].assist.$post({ param: { id: props.id }, json: { committeeId: Number(assistId()) } })),
      t('governance.assignedNotice'),
    );
  }

  return (
    <>
      <Show when={props.issue.studyCommittee}>
        {(committee) => (
          <section class="card study" aria-labelledby="study-title">
            <h2 id="study-title">{t('governance.studyTitle')}</h2>
            <Show
              when={props.issue.recommendation}
              fallback={
                <p>
                  {t('governance.studying', { committee: committee().name })} <A href="/committees">{t('governance.committeesTitle')}</A>
                </p>
              }
            >
              {(text) => (
                <>
                  <h3>{t('governance.recommendationBy', { committee: committee().name })}</h3>
                  <blockquote class="decision-text">{text()}</blockquote>
                  <Show when={props.issue.recommendedAt}>
                    {(at) => <p class="help">{t('governance.recommendedOn', { date: formatDate(at(), locale()) })}</p>}
                  </Show>
                </>
              )}
            </Show>
            <Show when={inStudy() && canRecommend()}>
              <form class="inline-form" onSubmit={recommend}>
                <div class="field">
                  <label for="recommendation">{t('governance.recommendationLabel')}</label>
                  <textarea
                    id="recommendation"
                    rows="3"
                    required
                    minlength="4"
                    maxlength="4000"
                    value={recommendation()}
                    onInput={(e) => setRecommendation(e.currentTarget.value)}
                    aria-describedby="recommendation-help"
                  />
                  <span class="help" id="recommendation-help">
                    {t('governance.recommendationHelp')}
                  </span>
                </div>
                <button type="submit" class="button" disabled={props.action.busy() || recommendation().trim().length < 4}>
                  {t('governance.recommend')}
                </button>
              </form>
            </Show>
          </section>
        )}
      </Show>

      <Show when={props.issue.assistCommittee || canAssign()}>
        <section class="card assist" aria-labelledby="assist-title">
          <h2 id="assist-title">{t('governance.assistTitle')}</h2>
          <Show when={props.issue.assistCommittee}>
            {(committee) => <p>{t('governance.assisting', { committee: committee().name })}</p>}
          </Show>
          <Show when={canAssign()}>
            <form class="inline-form" onSubmit={assign}>
              <div class="field">
                <label for="assist-committee">{t('governance.assistLabel')}</label>
                <select id="assist-committee" required value={assistId()} onChange={(e) => setAssistId(e.currentTarget.value)}>
                  <option value="">{t('governance.chooseCommittee')}</option>
                  <For each={props.committees ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
                </select>
              </div>
              <button type="submit" class="button secondary" disabled={props.action.busy() || !assistId()}>
                {t('governance.assign')}
              </button>
            </form>
          </Show>
        </section>
      </Show>
    </>
  );
}
