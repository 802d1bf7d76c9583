import { createResource, For, type Resource, Show } from 'solid-js';
import { useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { nextState } from '../../../lib/budget';
import { type Activity, type ButtonStep, STEPS, takeStep } from './activity';
import { CancelForm } from './cancel-form';
import { MakeRecurring } from '../../series/make-recurring';
import { CheckInQr } from './check-in-qr';
import { ReviewForm } from './review-form';
import { Roster, type RosterData } from './roster';
import { SettleForm } from './settle-form';
import { VolunteerHoursForm } from './volunteer-hours-form';

/** The organisers' part of the page: the next steps, the check-in code, the roster, settling, reviewing and cancelling. */
export function OrganiserPanel(props: {
  id: string;
  activity: Activity;
  roster: Resource<RosterData>;
  isResponsible: boolean;
  action: Action;
}) {
  const { t } = useI18n();
  const { member, isAdmin } = useMembership();
  // Approving (or returning) is for an association administrator, or the club's leader for a club activity;
  // the activity page does not say which, so a club activity's organiser reads their role from the club.
  const [club] = createResource(
    () => (props.activity.isOrganiser && !isAdmin() && props.activity.clubId ? String(props.activity.clubId) : undefined),
    (clubId) => request(api.api.clubs[':id'].$get({ param: { id: clubId } })).catch(() => null),
  );
  const isApprover = () =>
    isAdmin() || (club.state === 'ready' && (club()?.members.some((m) => m.id === member()?.id && m.role === 'leader') ?? false));
  // An exception is approved by someone other than the responsible person, so they do not get that button.
  const ownException = () => Boolean(props.activity.exceptionReason) && props.activity.responsibleMemberId === member()?.id;
  const availableSteps = () =>
    STEPS.filter((s) => {
      if (nextState(props.activity.state, s) === null) return false;
      if (s === 'approve') return isApprover() && !ownException();
      if (s === 'return') return isApprover();
      return props.isResponsible;
    });
  const step = (s: ButtonStep) => props.action.run(() => takeStep(props.id, s), t(`activity.stepDone_${s}`));

  return (
    <section class="organiser" aria-labelledby="organiser-title">
      <h2 id="organiser-title">{t('activity.organiser')}</h2>
      <p class="help">{t(`activity.stateHelp_${props.activity.state}`)}</p>
      <Show when={props.activity.state === 'budget-submitted' && ownException()}>
        <p class="notice">{t('activity.exceptionNeedsOther')}</p>
      </Show>
      <Show when={props.activity.state === 'budget-submitted' && !isApprover() && !ownException()}>
        <p class="notice">{t('activity.waitingForApproval')}</p>
      </Show>
      <Show when={availableSteps().length > 0}>
        <div class="actions">
          <For each={availableSteps()}>
            {(s) => (
              <button
                type="button"
                class="button"
                classList={{ secondary: s === 'return' }}
                disabled={props.action.busy()}
                onClick={() => void step(s)}
              >
                {t(`activity.step_${s}`)}
              </button>
            )}
          </For>
        </div>
      </Show>

      <MakeRecurring activityId={props.activity.id} clubId={props.activity.clubId} canOrganise={isApprover()} />
      <CheckInQr activity={props.activity} />
      <Roster id={props.id} activity={props.activity} roster={props.roster} isResponsible={props.isResponsible} action={props.action} />
      <SettleForm id={props.id} activity={props.activity} isResponsible={props.isResponsible} action={props.action} />
      <VolunteerHoursForm
        id={props.id}
        activity={props.activity}
        roster={props.roster}
        isResponsible={props.isResponsible}
        action={props.action}
      />
      <ReviewForm id={props.id} activity={props.activity} isResponsible={props.isResponsible} action={props.action} />
      <CancelForm id={props.id} activity={props.activity} isResponsible={props.isResponsible} action={props.action} />
    </section>
  );
}
