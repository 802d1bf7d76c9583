import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { formatDateTime, type IssueState } from '../../../lib/coordination';
import type { Issue } from './issue';

/** The issue's path as a timeline (who moved it when, with their note), and the days spent in each stage. */
export function IssuePath(props: { issue: Issue }) {
  const { t, locale } = useI18n();
  const stateLabel = (state: string) => t(`issueState.${state as IssueState}`);
  const maxDays = () => Math.max(1, ...props.issue.stages.map((s) => s.days));
  return (
    <>
      <section aria-labelledby="path-title">
        <h2 id="path-title">{t('issue.pathTitle')}</h2>
        <ol class="timeline" aria-label={t('issue.pathTitle')} data-testid="issue-timeline">
          <For each={props.issue.events}>
            {(event, n) => (
              <li classList={{ current: n() === props.issue.events.length - 1 }}>
                <span class="dot" aria-hidden="true" />
                <div>
                  <p class="timeline-head">
                    <strong>{stateLabel(event.toState)}</strong>
                    <time datetime={event.at}>{formatDateTime(event.at, locale())}</time>
                  </p>
                  <p class="help">
                    <Show when={event.actor} fallback={event.byRaiser ? t('issue.byAnonymous') : t('issue.byNobody')}>
                      {(actor) => t('issue.by', { name: actor() })}
                    </Show>
                    <Show when={props.issue.stages[n()]}>
                      {(stage) => (
                        <>
                          {' '}
                          ·{' '}
                          {n() === props.issue.events.length - 1
                            ? t('issue.stageSoFar', { days: String(stage().days) })
                            : t('issue.stageDays', { days: String(stage().days) })}
                        </>
                      )}
                    </Show>
                  </p>
                  <Show when={event.note}>
                    <p class="timeline-note">{event.note}</p>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ol>
      </section>

      <section aria-labelledby="stages-title">
        <h2 id="stages-title">{t('issue.stagesTitle')}</h2>
        <ul class="stage-bars plain">
          <For each={props.issue.stages}>
            {(stage) => (
              <li>
                <span class="stage-label">{stateLabel(stage.state)}</span>
                <span class="stage-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(2, (stage.days / maxDays()) * 100)}%` }} />
                </span>
                <span class="num">{t('issue.days', { days: String(stage.days) })}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </>
  );
}
