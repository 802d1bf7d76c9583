/** The standard activity process (活动流程标准化) as a state machine. */
export const activityStates = [
  'draft',
  'budget-submitted',
  'approved',
  'open',
  'closed',
  'held',
  'settled',
  'reviewed',
  'cancelled',
] as const;
export type ActivityState = (typeof activityStates)[number];

export const activitySteps = ['submit', 'approve', 'return', 'open', 'close', 'hold', 'settle', 'review', 'cancel'] as const;
export type ActivityStep = (typeof activitySteps)[number];

/** Who an activity is for. */
export const audiences = ['members', 'residents', 'children'] as const;
export type Audience = (typeof audiences)[number];

/** A place on an activity. */
export const signupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;

/** States in which participants check in. */
export const checkInStates: readonly ActivityState[] = ['open', 'closed', 'held'];

/** Days after an activity ends within which its settlement counts as on time (the finance rule). */
export const SETTLE_WITHIN_DAYS = 7;

/** An activity that has taken place: photos, ratings and volunteers' hours come after this. */
export const happenedStates: readonly ActivityState[] = ['held', 'settled', 'reviewed'];
export const hasHappened = (state: ActivityState) => happenedStates.includes(state);

const transitions: Record<ActivityStep, { from: ActivityState[]; to: ActivityState }> = {
  submit: { from: ['draft'], to: 'budget-submitted' },
  approve: { from: ['budget-submitted'], to: 'approved' },
  return: { from: ['budget-submitted'], to: 'draft' },
  open: { from: ['approved', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  hold: { from: ['open', 'closed'], to: 'held' },
  settle: { from: ['held'], to: 'settled' },
  review: { from: ['settled'], to: 'reviewed' },
  cancel: { from: ['draft', 'budget-submitted', 'approved', 'open', 'closed'], to: 'cancelled' },
};

/** The state a step leads to, or null when the step is not allowed from `state`. */
export function nextState(state: ActivityState, step: ActivityStep): ActivityState | null {
  const t = transitions[step];
  return t.from.includes(state) ? t.to : null;
}

export function statesAllowing(step: ActivityStep): ActivityState[] {
  return transitions[step].from;
}

/** Budgets can be edited until they are approved. */
export const editableStates: ActivityState[] = ['draft', 'budget-submitted'];

/** States in which an activity has been announced: from here on, anyone who may see the community sees it. */
export const announcedStates: readonly ActivityState[] = ['open', 'closed', 'held', 'settled', 'reviewed'];

/** Who is looking at an activity, as far as seeing it goes. */
export interface ActivityViewer {
  /** An association administrator. */
  admin: boolean;
  /** The activity's responsible person (its organiser). */
  organiser: boolean;
  /** The responsible person of the club that holds it. */
  clubResponsible: boolean;
  /** Holds or held a place on it (for themself or someone they brought). */
  signedUp: boolean;
}

/**
 * What a viewer may see of an activity. Before it is open (draft, budget submitted, approved), only its organiser,
 * the club's responsible person and the admins see it; the same people see a cancelled one in full, and those who
 * had signed up see only that it was cancelled. Everyone else: nothing, as if it did not exist.
 */
export function activityVisibility(state: ActivityState, viewer: ActivityViewer): 'full' | 'cancelled-notice' | 'hidden' {
  if (viewer.admin || viewer.organiser || viewer.clubResponsible) return 'full';
  if (announcedStates.includes(state)) return 'full';
  if (state === 'cancelled' && viewer.signedUp) return 'cancelled-notice';
  return 'hidden';
}
