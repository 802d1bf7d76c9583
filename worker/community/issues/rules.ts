/** The path of an issue (议题) from a resident to a decision and back to the building. */
export type IssueState =
  | 'raised'
  | 'acknowledged'
  | 'merged'
  | 'resolved-directly'
  | 'referred'
  | 'on-agenda'
  | 'decided'
  | 'implementing'
  | 'done'
  | 'relayed';

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
