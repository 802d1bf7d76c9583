import { A, useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { issueSteps, useCoordinationRoles } from '../../../lib/coordination';
import { CommitteeWork } from './committee-work';
import { Decision } from './decision';
import { loadCommittees, loadIssue } from './issue';
import { IssuePath } from './issue-path';
import { IssueSummary } from './issue-summary';
import { NextSteps } from './next-steps';
import { DecisionPrintLink } from '../../print/print-links';

/** One issue's whole path: a timeline of who moved it when, time per stage, the decision, and the reader's next steps. */
export default function IssueDetail() {
  const params = useParams<{ id: string }>();
  const { t, pick } = useI18n();
  const { member, isCoordinator } = useCoordinationRoles();
  const [issue, { refetch }] = createResource(() => (member() ? params.id : undefined), loadIssue);
  const current = () => (issue.state === 'ready' || issue.state === 'refreshing' ? issue() : undefined);
  const [buildings] = createResource(() => request(api.api.buildings.$get()).catch(() => null));
  const [community] = createResource(() => request(api.api.community.$get()).catch(() => null));
  const bodyName = (key: string | null) => {
    const body = community()?.bodies.find((b) => b.key === key);
    return body ? pick(body.name) : (key ?? '');
  };
  const buildingName = (id: number | null) => buildings()?.buildings.find((b) => b.id === id)?.name ?? null;
  /** The reader is a confirmed contact of this issue's building. */
  const isBuildingContact = () => {
    const b = buildings()?.buildings.find((x) => x.id === current()?.buildingId);
    return b?.contacts.some((c) => c.id === member()?.id) ?? false;
  };
  const steps = () => {
    const i = current();
    if (!i) return [];
    const actors: ('contact' | 'coordinator')[] = [];
    if (isCoordinator()) actors.push('coordinator');
    if (isBuildingContact()) actors.push('contact');
    return issueSteps(i.state, actors, i.outcome);
  };

  // Committees: who studies a referred issue, who assists an adopted decision.
  const [committees] = createResource(() => member()?.id, loadCommittees);
  // Supporting, recommending and assigning share one notice and error; the steps have their own.
  const governance = createAction(() => refetch());

  return (
    <section class="issue coordination">
      <p class="no-print">
        <A href="/issues">{t('issue.back')}</A>
      </p>
      <MemberGate next={`/issues/${params.id}`} />
      <ErrorMessage error={issue.error} />
      <Show
        when={current()}
        fallback={
          <Show when={member() && !issue.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(i) => (
          <>
            <IssueSummary id={params.id} issue={i()} buildingName={buildingName(i().buildingId)} bodyName={bodyName} action={governance} />
            <Decision issue={i()} />
            <DecisionPrintLink issue={i()} />
            <CommitteeWork
              id={params.id}
              issue={i()}
              committees={committees()}
              memberId={member()?.id}
              isCoordinator={isCoordinator()}
              action={governance}
            />

            <Show when={governance.message()}>
              <p class="notice" role="status">
                {governance.message()}
              </p>
            </Show>
            <ErrorMessage error={governance.error()} detail />

            <NextSteps
              id={params.id}
              issue={i()}
              steps={steps()}
              bodies={community()?.bodies ?? []}
              committees={committees()}
              isCoordinator={isCoordinator()}
              reload={refetch}
            />

            <IssuePath issue={i()} />
          </>
        )}
      </Show>
    </section>
  );
}
