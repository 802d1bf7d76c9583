/** The path of an issue (议题) from a resident to a decision and back to the building, in the order it is walked. */
export const issueStates = [
  'raised',
  'acknowledged',
  'referred',
  'on-agenda',
  'decided',
  'implementing',
  'done',
  'relayed',
  'resolved-directly',
  'merged',
] as const;
export type IssueState = (typeof issueStates)[number];

/** States in which an issue has reached the end of its path. */
export const finishedStates: readonly IssueState[] = ['relayed', 'merged'];

/** States an issue may wait in for a limited number of days before it is flagged. */
export const waitingStates = ['raised', 'acknowledged', 'referred', 'on-agenda', 'decided', 'implementing', 'done'] as const;

export const issueCategories = ['property-service', 'safety', 'environment', 'activities', 'facilities', 'other'] as const;
export type IssueCategory = (typeof issueCategories)[number];

export const issueOutcomes = ['adopted', 'not-adopted', 'deferred'] as const;

/** Who takes a step: the building's contact, a coordinator (administrator or party representative), or the meeting itself. */
export type IssueActor = 'contact' | 'coordinator' | 'meeting';

const steps: Record<IssueState, { to: IssueState; by: IssueActor[] }[]> = {
  raised: [
    { to: 'acknowledged', by: ['contact', 'coordinator'] },
    { to: 'merged', by: ['contact', 'coordinator'] },
    { to: 'resolved-directly', by: ['contact', 'coordinator'] },
  ],
  acknowledged: [
    { to: 'referred', by: ['contact', 'coordinator'] },
    { to: 'merged', by: ['contact', 'coordinator'] },
    { to: 'resolved-directly', by: ['contact', 'coordinator'] },
  ],
  referred: [{ to: 'on-agenda', by: ['meeting', 'coordinator'] }],
  'on-agenda': [{ to: 'decided', by: ['meeting', 'coordinator'] }],
  decided: [
    { to: 'implementing', by: ['coordinator'] },
    { to: 'relayed', by: ['contact', 'coordinator'] },
  ],
  implementing: [{ to: 'done', by: ['coordinator'] }],
  done: [{ to: 'relayed', by: ['contact', 'coordinator'] }],
  'resolved-directly': [{ to: 'relayed', by: ['contact', 'coordinator'] }],
  merged: [],
  relayed: [],
};

export function canMoveIssue(from: IssueState, to: IssueState, actor: IssueActor): boolean {
  return steps[from].some((s) => s.to === to && s.by.includes(actor));
}

export function nextIssueStates(from: IssueState): IssueState[] {
  return steps[from].map((s) => s.to);
}

/**
 * "Nothing pending: discuss early; something pending: discuss fast; once discussed, decide fast" —
 * days an issue may wait in each state before it is flagged.
 */
export const defaultWaitLimits: Partial<Record<IssueState, number>> = {
  raised: 3,
  acknowledged: 7,
  referred: 14,
  'on-agenda': 31,
  decided: 7,
  implementing: 60,
  done: 7,
};

export function waitingDays(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86400_000));
}

export function isOverdue(state: IssueState, since: string, now: Date, limits = defaultWaitLimits): boolean {
  const limit = limits[state];
  return limit !== undefined && waitingDays(since, now) > limit;
}

/** A step a person offers on an issue's page: a move of the lifecycle, with deferral as its own step. */
export type IssueStep = 'acknowledged' | 'merged' | 'resolved-directly' | 'referred' | 'deferred' | 'implementing' | 'done' | 'relayed';

/**
 * The steps these actors can take from an issue's page. Putting an issue on an agenda happens at a meeting, so it is
 * not offered here; a coordinator's "decided" outside a meeting is a deferral; implementing follows only an adopted
 * decision.
 */
export function issueSteps(state: IssueState, actors: readonly IssueActor[], outcome: string | null): IssueStep[] {
  return steps[state]
    .filter((s) => s.to !== 'on-agenda' && s.by.some((a) => a !== 'meeting' && actors.includes(a)))
    .filter((s) => s.to !== 'implementing' || outcome === 'adopted')
    .map((s) => (s.to === 'decided' ? 'deferred' : (s.to as IssueStep)));
}

/** The state a step moves the issue to. */
export const stepTarget = (step: IssueStep): IssueState => (step === 'deferred' ? 'decided' : step);

/** Who reads an issue: a member with their standing roles, or nobody signed in. */
export interface IssueViewer {
  id: number;
  roles: readonly { role: string; partyKey: string }[];
}

/**
 * □ 对外匿名: who raised an anonymous issue is known to the raiser and to the association that took the form in — its
 * administrators and its own representatives. The other parties' representatives, contacts, committee members and every
 * other resident see an anonymous resident: a complaint about the property company must not reach the property company.
 */
export function raiserVisibleTo(issue: { anonymous: boolean; raisedBy: number }, viewer: IssueViewer | null): boolean {
  if (!issue.anonymous) return true;
  if (!viewer) return false;
  if (viewer.id === issue.raisedBy) return true;
  return viewer.roles.some((r) => r.role === 'association-admin' || (r.role === 'party-representative' && r.partyKey === 'association'));
}

/** The raiser as one viewer may see them: their id (null when hidden) and whether the viewer raised it. */
export function shownRaiser(issue: { anonymous: boolean; raisedBy: number }, viewer: IssueViewer | null) {
  return {
    raisedBy: raiserVisibleTo(issue, viewer) ? issue.raisedBy : null,
    mine: viewer !== null && viewer.id === issue.raisedBy,
  };
}
