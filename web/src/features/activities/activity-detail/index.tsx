import { useParams } from '@solidjs/router';
import { createResource, lazy, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useMembership } from '../../../components/member-gate';
import { useI18n, withWords } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { NeedOrigin } from '../../needs/need-origin';
import { isForChildren } from '../../../../../worker/community/children/rules';
import { ActivityPhotos } from '../activity-photos';
import { BudgetBreakdown } from '../budget-breakdown';
import { HAPPENED, loadActivity } from './activity';
import { ActivityFacts } from './activity-facts';
import { ActivityHeader } from './activity-header';
import { MySignups } from './my-signups';
import { ReviewAndRating } from './review-and-rating';
import { loadRoster } from './roster';
import { SettlementSummary } from './settlement-summary';
import { ActivityPrintLinks } from '../../print/print-links';

// Parts only some readers see (the organisers, the parties deciding on a budget, the parents of a children's
// activity) load, with their words, when shown: a resident opening an activity does not wait for them.
const OrganiserPanel = lazy(
  withWords(() => import('./organiser-panel').then((m) => ({ default: m.OrganiserPanel })), ['activities', 'series', 'settings']),
);
const ConsentPanel = lazy(withWords(() => import('../../consent/consent-panel').then((m) => ({ default: m.ConsentPanel })), ['consent']));
const ChildSignup = lazy(withWords(() => import('../../children/child-signup').then((m) => ({ default: m.ChildSignup })), ['children']));
const ChildrenOrganiserLinks = lazy(
  withWords(() => import('../../children/child-signup').then((m) => ({ default: m.ChildrenOrganiserLinks })), ['children']),
);

/** An activity: its facts and budget, signing up, photos, review and rating, and the organisers' steps through its path. */
export default function ActivityDetail() {
  const params = useParams<{ id: string }>();
  const { t } = useI18n();
  const { member, isAdmin } = useMembership();
  const [activity, { refetch }] = createResource(
    () => ({ id: params.id, viewer: member()?.id ?? 0 }),
    (key) => loadActivity(key.id),
  );
  const a = () => (activity.state === 'ready' || activity.state === 'refreshing' ? activity() : undefined);
  const organiser = () => a()?.isOrganiser ?? false;
  const [roster, { refetch: refetchRoster }] = createResource(
    () => (organiser() ? `${params.id}:${a()?.state}` : undefined),
    () => loadRoster(params.id),
  );

  const action = createAction(async () => {
    await refetch();
    if (organiser()) await refetchRoster();
  });
  const { error, message } = action;

  // Editing, opening, check-in from the list, settling, reviewing and cancelling are the responsible person's (or an administrator's).
  const isResponsible = () => a()?.responsibleMemberId === member()?.id || isAdmin();
  const canRate = () => {
    const current = a();
    return current ? HAPPENED.includes(current.state) && current.mySignups.some((s) => s.status === 'confirmed') : false;
  };

  return (
    <section class="activity">
      <ErrorMessage error={activity.error} />
      <Show
        when={a()}
        fallback={
          <Show when={!activity.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(act) => (
          <>
            <ActivityHeader activity={act()} />
            <NeedOrigin activityId={act().id} />

            <Show when={message()}>
              <p class="notice" role="status">
                {message()}
              </p>
            </Show>
            <ErrorMessage error={error()} />

            <ActivityFacts activity={act()} isResponsible={isResponsible()} />
            <ActivityPrintLinks activity={act()} />
            <MySignups id={params.id} activity={act()} signedIn={Boolean(member())} action={action} />
            <Show when={member() && act().state === 'open' && isForChildren(act())}>
              <ChildSignup activityId={params.id} onDone={() => void refetch()} />
            </Show>
            <Show when={act().isOrganiser && isForChildren(act())}>
              <ChildrenOrganiserLinks activityId={params.id} />
            </Show>

            <Show when={member() && act().state === 'budget-submitted'}>
              <ConsentPanel
                kind="activities"
                id={act().id}
                admin={isAdmin()}
                memberId={member()?.id ?? null}
                onChange={() => void refetch()}
              />
            </Show>

            <BudgetBreakdown
              data={{
                lines: act().budget.lines,
                costFen: act().budget.costFen,
                surplusRatePercent: act().surplusRatePercent,
                surplusTargetFen: act().budget.surplusTargetFen,
                targetFen: act().budget.targetFen,
                exactFeeFen: act().budget.exactFeeFen,
                derivedFeeFen: act().budget.derivedFeeFen,
                feeFen: act().budget.feeFen,
                expectedParticipants: act().expectedParticipants,
                problem: act().budget.problem,
                exceptionReason: act().budget.exceptionReason,
              }}
            />

            <SettlementSummary activity={act()} />

            <ActivityPhotos
              activityId={params.id}
              title={act().title}
              canAdd={HAPPENED.includes(act().state) && (act().isOrganiser || canRate())}
            />

            <ReviewAndRating id={params.id} activity={act()} canRate={canRate()} action={action} />

            <Show when={act().isOrganiser}>
              <OrganiserPanel id={params.id} activity={act()} roster={roster} isResponsible={isResponsible()} action={action} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
