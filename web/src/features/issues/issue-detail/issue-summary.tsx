import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { FINISHED_STATES, type IssueState } from '../../../lib/coordination';
import { formatDate } from '../../../lib/format';
import type { Issue } from './issue';

/** The issue's title and state, who raised it where and when, how long it has waited, its text, and support for it. */
export function IssueSummary(props: {
  id: string;
  issue: Issue;
  buildingName: string | null;
  bodyName: (key: string | null) => string;
  action: Action;
}) {
  const { t, locale } = useI18n();
  const stateLabel = (state: string) => t(`issueState.${state as IssueState}`);
  // Support: the API says whether the reader already supported it (one support each).
  const support = () => props.action.run(() => request(api.api.issues[':id'].support.$post({ param: { id: props.id } })));
  return (
    <>
      <header>
        <h1>
          <span class="issue-number">#{props.issue.id}</span> {props.issue.title}
        </h1>
        <p class="tags">
          <span class="tag">{stateLabel(props.issue.state)}</span>
          <Show when={props.issue.overdue}>
            <span class="tag warn">{t('issues.overdue')}</span>
          </Show>
          <span class="tag outline">{t(`issueCategory.${props.issue.category}`)}</span>
          <Show when={props.issue.anonymous}>
            <span class="tag muted">{t('issues.anonymousBadge')}</span>
          </Show>
        </p>
      </header>
      <Show when={props.issue.overdue}>
        <p class="alert">{t('issue.overdueBanner', { state: stateLabel(props.issue.state), days: String(props.issue.waitingDays) })}</p>
      </Show>

      <dl class="facts-list card">
        <div>
          <dt>{t('issue.raisedBy')}</dt>
          <dd>
            <Show when={props.issue.raisedBy !== null} fallback={t('issue.anonymousResident')}>
              {props.issue.raiserName ?? '—'}
              <Show when={props.issue.mine}>{t('issue.you')}</Show>
            </Show>
            <Show when={props.issue.anonymous && props.issue.raisedBy !== null}>
              <span class="help block">{t(props.issue.mine ? 'issue.anonymousToOthersMine' : 'issue.anonymousToOthers')}</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('issues.building')}</dt>
          <dd>{props.buildingName ?? t('issues.wholeCommunity')}</dd>
        </div>
        <div>
          <dt>{t('issues.raisedOn')}</dt>
          <dd>{formatDate(props.issue.createdAt, locale())}</dd>
        </div>
        <div>
          <dt>{t('issues.waiting')}</dt>
          <dd>{t('issue.inStateFor', { state: stateLabel(props.issue.state), days: String(props.issue.waitingDays) })}</dd>
        </div>
        <Show when={props.issue.bodyKey}>
          <div>
            <dt>{t('issue.body')}</dt>
            <dd>{props.bodyName(props.issue.bodyKey)}</dd>
          </div>
        </Show>
      </dl>
      <p class="description">{props.issue.description}</p>

      <div class="issue-support">
        <span>{t('issues.supports', { count: String(props.issue.supports) })}</span>
        <Show when={!FINISHED_STATES.includes(props.issue.state)}>
          <button
            type="button"
            class="button secondary"
            aria-pressed={props.issue.supportedByMe}
            disabled={props.issue.supportedByMe || props.action.busy()}
            onClick={() => void support()}
          >
            {props.issue.supportedByMe ? t('issues.supported') : t('issues.support')}
          </button>
        </Show>
      </div>

      <Show when={props.issue.mergedInto}>
        {(target) => (
          <p class="notice">
            {t('issue.mergedInto')} <A href={`/issues/${target()}`}>#{target()}</A>
          </p>
        )}
      </Show>
    </>
  );
}
