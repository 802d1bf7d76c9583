/**
 * The association's own decision rule for approving a club or an activity's budget (the seed: every member of the
 * association has a say and may veto a project plan). 'single': one administrator approves. 'consent': every
 * administrator is asked, any one may object with a reason within the community's window, and silence is consent.
 */
export const decisionRules = ['single', 'consent'] as const;
export type DecisionRule = (typeof decisionRules)[number];

/** What a consent window decides on. */
export const consentSubjects = ['club', 'activity'] as const;
export type ConsentSubject = (typeof consentSubjects)[number];

/** How an objection stopped counting: the proposer revised the plan, or the objector withdrew it. */
export const objectionResolutions = ['revised', 'withdrawn'] as const;
export type ObjectionResolution = (typeof objectionResolutions)[number];

/** What became of a window: approved by silence, or dropped (the plan went back to draft, was cancelled or closed). */
export const windowOutcomes = ['approved', 'dropped'] as const;

export const DEFAULT_CONSENT_DAYS = 3;
export const MAX_CONSENT_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The rule in force: consent needs someone besides the approver to be asked, so with one administrator (or none)
 * it is the single approval it would amount to anyway.
 */
export function effectiveRule(rule: DecisionRule, adminCount: number): DecisionRule {
  return rule === 'consent' && adminCount > 1 ? 'consent' : 'single';
}

/** One thing that happened to a plan under consent. Times are ISO instants. */
export type ConsentEvent =
  | { kind: 'opened'; at: string }
  | { kind: 'revised'; at: string }
  | { kind: 'objected'; at: string; objectionId: number }
  | { kind: 'withdrawn'; at: string; objectionId: number };

export interface ConsentState {
  /** waiting: inside the window, nobody objecting; blocked: an objection stands; approved: silence ran its course. */
  status: 'waiting' | 'blocked' | 'approved';
  /** When the current window began: opened, or the last revision. */
  windowStart: string;
  /** The end of the current window: approved then unless an objection stands. */
  deadline: string;
  approvedAt: string | null;
  /** Objections still standing, by id. */
  standing: number[];
}

export function deadlineOf(windowStart: string, days: number): string {
  return new Date(Date.parse(windowStart) + days * DAY_MS).toISOString();
}

/**
 * Where a plan stands at `now`, from what happened to it. The plan is approved at the first instant that is at least
 * `days` after the window began with no objection standing: at the deadline, or when the last objection is withdrawn
 * after it. A revision starts the window again and answers every objection raised before it. Nothing after approval
 * counts (an objection must come before the deadline), and nothing after `now` has happened yet.
 */
export function consentState(events: readonly ConsentEvent[], days: number, now: string): ConsentState {
  const ordered = events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .filter(({ t }) => t <= Date.parse(now));
  const first = ordered.find(({ e }) => e.kind === 'opened');
  let windowStart = first?.t ?? Date.parse(now);
  let clearSince = windowStart;
  const standing = new Set<number>();
  const dueAt = () => Math.max(windowStart + days * DAY_MS, clearSince);
  const state = (approvedAt: number | null): ConsentState => ({
    status: approvedAt !== null ? 'approved' : standing.size > 0 ? 'blocked' : 'waiting',
    windowStart: new Date(windowStart).toISOString(),
    deadline: new Date(windowStart + days * DAY_MS).toISOString(),
    approvedAt: approvedAt === null ? null : new Date(approvedAt).toISOString(),
    standing: [...standing],
  });
  for (const { e, t } of ordered) {
    if (e.kind !== 'opened' && first && t < first.t) continue;
    if (standing.size === 0 && dueAt() <= t) return state(dueAt());
    switch (e.kind) {
      case 'opened':
      case 'revised':
        windowStart = t;
        clearSince = t;
        standing.clear();
        break;
      case 'objected':
        standing.add(e.objectionId);
        break;
      case 'withdrawn':
        if (standing.delete(e.objectionId) && standing.size === 0) clearSince = t;
        break;
    }
  }
  if (standing.size === 0 && dueAt() <= Date.parse(now)) return state(dueAt());
  return state(null);
}

/** A stored objection, as the events it stands for. */
export interface StoredObjection {
  id: number;
  raisedAt: string;
  resolvedAt: string | null;
  resolution: ObjectionResolution | null;
}

/** The events a stored window and its objections stand for: revisions are read from the objections they answered. */
export function eventsOf(window: { openedAt: string; restartedAt: string | null }, objections: readonly StoredObjection[]): ConsentEvent[] {
  const events: ConsentEvent[] = [{ kind: 'opened', at: window.openedAt }];
  const revisions = new Set<string>(window.restartedAt ? [window.restartedAt] : []);
  for (const o of objections) {
    events.push({ kind: 'objected', at: o.raisedAt, objectionId: o.id });
    if (o.resolvedAt && o.resolution === 'withdrawn') events.push({ kind: 'withdrawn', at: o.resolvedAt, objectionId: o.id });
    if (o.resolvedAt && o.resolution === 'revised') revisions.add(o.resolvedAt);
  }
  for (const at of revisions) events.push({ kind: 'revised', at });
  return events;
}
