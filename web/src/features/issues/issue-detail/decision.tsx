import { Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { Issue } from './issue';

/** What was decided, once there is an outcome: the decision's text, and who carries it out by when. */
export function Decision(props: { issue: Issue }) {
  const { t, locale } = useI18n();
  return (
    <Show when={props.issue.outcome}>
      {(outcome) => (
        <section class="card decision" classList={{ adopted: outcome() === 'adopted' }} aria-labelledby="decision-title">
          <h2 id="decision-title">{t('issue.decisionTitle')}</h2>
          <p>
            <span class="tag" classList={{ warn: outcome() !== 'adopted' }}>
              {t(`issueOutcome.${outcome()}`)}
            </span>
          </p>
          <Show when={props.issue.decisionText}>
            <blockquote class="decision-text">{props.issue.decisionText}</blockquote>
          </Show>
          <Show when={props.issue.implementationOwner}>
            <p>
              {t('issue.implementation', {
                owner: props.issue.implementationOwner ?? '',
                due: props.issue.dueOn ? formatDate(props.issue.dueOn ?? '', locale()) : '—',
              })}
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
