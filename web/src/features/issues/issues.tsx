import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { FINISHED_STATES, type IssueState, useCoordinationRoles } from '../../lib/coordination';
import { formatDate } from '../../lib/format';
import { RaiseIssueForm } from './raise-issue-form';

type Filter = 'open' | 'overdue' | 'finished' | 'mine' | 'all';
const FILTERS: Filter[] = ['open', 'overdue', 'finished', 'mine', 'all'];

/** Issues (议题) residents raise for their building contacts to carry up, each with how long it has waited. */
export default function Issues() {
  const { t, locale } = useI18n();
  const { member } = useCoordinationRoles();
  const [issues, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api.issues.$get()),
  );

  const [filter, setFilter] = createSignal<Filter>('open');
  const list = () => {
    const all = issues.latest?.issues ?? [];
    const f = filter();
    if (f === 'all') return all;
    if (f === 'overdue') return all.filter((i) => i.overdue);
    if (f === 'finished') return all.filter((i) => FINISHED_STATES.includes(i.state));
    if (f === 'mine') return all.filter((i) => i.mine);
    return all.filter((i) => !FINISHED_STATES.includes(i.state));
  };

  // Support
  const [supported, setSupported] = createSignal<number[]>([]);
  const [supportError, setSupportError] = createSignal<unknown>();
  async function support(id: number) {
    setSupportError(undefined);
    try {
      await request(api.api.issues[':id'].support.$post({ param: { id: String(id) } }));
      setSupported((ids) => [...ids, id]);
      await refetch();
    } catch (e) {
      setSupportError(e);
    }
  }

  const stateTag = (state: IssueState) => (
    <span class="tag" classList={{ muted: FINISHED_STATES.includes(state) }}>
      {t(`issueState.${state}`)}
    </span>
  );

  return (
    <section class="issues coordination">
      <h1>{t('issues.title')}</h1>
      <p class="lead">{t('issues.intro')}</p>
      <MemberGate next="/issues" />

      <Show when={member()}>
        <p class="actions">
          <a class="button" href="#raise-title">
            {t('issues.raiseTitle')}
          </a>
        </p>

        <div class="toolbar">
          <div class="field">
            <label for="issue-filter">{t('issues.filter')}</label>
            <select id="issue-filter" value={filter()} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
              <For each={FILTERS}>{(f) => <option value={f}>{t(`issues.filter_${f}`)}</option>}</For>
            </select>
          </div>
          <p class="help">{t('issues.limitsHelp')}</p>
        </div>
        <ErrorMessage error={issues.error} />
        <ErrorMessage error={supportError()} detail />
        <Show
          when={issues.latest}
          fallback={
            <Show when={!issues.error}>
              <p>{t('app.loading')}</p>
            </Show>
          }
        >
          <Show when={list().length > 0} fallback={<p class="card empty">{t('issues.none')}</p>}>
            <ul class="issue-list plain" aria-live="polite">
              <For each={list()}>
                {(issue) => (
                  <li class="card issue-card" classList={{ overdue: issue.overdue }} data-issue={issue.id}>
                    <h2>
                      <A href={`/issues/${issue.id}`}>
                        <span class="issue-number">#{issue.id}</span> {issue.title}
                      </A>
                    </h2>
                    <p class="tags">
                      {stateTag(issue.state)}
                      <Show when={issue.overdue}>
                        <span class="tag warn">{t('issues.overdue')}</span>
                      </Show>
                      <span class="tag outline">{t(`issueCategory.${issue.category}`)}</span>
                      <Show when={issue.mine}>
                        <span class="tag outline">{t('issues.mine')}</span>
                      </Show>
                      <Show when={issue.anonymous}>
                        <span class="tag muted">{t('issues.anonymousBadge')}</span>
                      </Show>
                    </p>
                    <dl class="facts-inline">
                      <div>
                        <dt>{t('issues.building')}</dt>
                        <dd>{issue.buildingName ?? t('issues.wholeCommunity')}</dd>
                      </div>
                      <div>
                        <dt>{t('issues.raisedOn')}</dt>
                        <dd>{formatDate(issue.createdAt, locale())}</dd>
                      </div>
                      <div>
                        <dt>{t('issues.waiting')}</dt>
                        <dd>{t('issues.waitingDays', { days: String(issue.waitingDays) })}</dd>
                      </div>
                    </dl>
                    <div class="issue-support">
                      <span>{t('issues.supports', { count: String(issue.supports) })}</span>
                      <Show when={!FINISHED_STATES.includes(issue.state)}>
                        <button
                          type="button"
                          class="button secondary"
                          disabled={issue.supportedByMe || supported().includes(issue.id)}
                          aria-pressed={issue.supportedByMe || supported().includes(issue.id)}
                          aria-label={t(
                            issue.supportedByMe || supported().includes(issue.id) ? 'issues.supportedNamed' : 'issues.supportNamed',
                            { title: issue.title },
                          )}
                          onClick={() => void support(issue.id)}
                        >
                          {issue.supportedByMe || supported().includes(issue.id) ? t('issues.supported') : t('issues.support')}
                        </button>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>

        <RaiseIssueForm />
      </Show>
    </section>
  );
}
