/**
 * The needs register (需求登记): a need's path from a resident to whoever takes it on, and who sees what of it.
 * Pure functions only; the web app imports them so its pages offer exactly what the API accepts.
 */

import { wallClock } from '../profile/rules';

/** What a need is about. */
export const needCategories = ['learning', 'elderly', 'children', 'repairs', 'health', 'culture-sport', 'other'] as const;
export type NeedCategory = (typeof needCategories)[number];

/** Whom the need is for: the poster, their family, or a neighbour (possibly one who is not online). */
export const needBeneficiaries = ['self', 'family', 'neighbour'] as const;

/** What another member says about a need: "我也需要" or "我能帮忙". */
export const needResponseKinds = ['me-too', 'can-help'] as const;
export type NeedResponseKind = (typeof needResponseKinds)[number];

/** 未认领 → 已认领 → 已变成活动 / 已解决 / 不做. */
export const needStates = ['unclaimed', 'claimed', 'became-activity', 'solved', 'wont-do'] as const;
export type NeedState = (typeof needStates)[number];

/** States in which a need is still open: residents may still say "me too" or offer help. */
export const openNeedStates: readonly NeedState[] = ['unclaimed', 'claimed'];

/** What a claimed need was turned into: a draft activity, a club proposal, or a task for one of the programs. */
export const needOutcomes = ['activity', 'club', 'program-task'] as const;
export type NeedOutcome = (typeof needOutcomes)[number];

/**
 * Who takes a step: a steward (a coordinator, a building contact or a club's responsible person) claims; the
 * claimant (whoever claimed it) and coordinators carry it on; the poster may say it solved itself.
 */
export type NeedActor = 'steward' | 'claimant' | 'coordinator' | 'poster';

const steps: Record<NeedState, { to: NeedState; by: NeedActor[] }[]> = {
  unclaimed: [
    { to: 'claimed', by: ['steward'] },
    { to: 'solved', by: ['poster', 'coordinator'] },
    { to: 'wont-do', by: ['coordinator'] },
  ],
  claimed: [
    { to: 'unclaimed', by: ['claimant', 'coordinator'] },
    { to: 'became-activity', by: ['claimant', 'coordinator'] },
    { to: 'solved', by: ['claimant', 'coordinator', 'poster'] },
    { to: 'wont-do', by: ['claimant', 'coordinator'] },
  ],
  'became-activity': [],
  solved: [],
  'wont-do': [],
};

export function canMoveNeed(from: NeedState, to: NeedState, actors: readonly NeedActor[]): boolean {
  return steps[from].some((s) => s.to === to && s.by.some((a) => actors.includes(a)));
}

/** Whether anyone at all may move a need between these states (else the move is a conflict, not a refusal). */
export function needMoveExists(from: NeedState, to: NeedState): boolean {
  return steps[from].some((s) => s.to === to);
}

/** The states these actors can move a need to from where it is. */
export function nextNeedStates(from: NeedState, actors: readonly NeedActor[]): NeedState[] {
  return steps[from].filter((s) => s.by.some((a) => actors.includes(a))).map((s) => s.to);
}

/** Declining a need, or releasing a claim, says why; a solved need says how. */
export function noteRequired(to: NeedState): boolean {
  return to === 'wont-do' || to === 'unclaimed';
}

export const DEFAULT_REVIEW_AFTER_DAYS = 14;
export const MAX_REVIEW_AFTER_DAYS = 180;

export function daysSince(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86400_000));
}

/** An unclaimed need waiting more than the community's days goes to the monthly review (月度评议). */
export function forMonthlyReview(state: NeedState, since: string, now: Date, reviewAfterDays: number): boolean {
  return state === 'unclaimed' && daysSince(since, now) > reviewAfterDays;
}

export interface NeedViewer {
  memberId: number;
  coordinator: boolean;
}

/**
 * What a reader sees of a need: everyone sees the need and its counts; members see residents' names (the poster,
 * who said "me too", who offered help, who claimed it); the neighbour a need was posted for (name and flat) is seen
 * only by the coordinators and by the poster who wrote it down.
 */
export function needView(viewer: NeedViewer | null, need: { postedBy: number }) {
  return {
    names: viewer !== null,
    neighbour: viewer !== null && (viewer.coordinator || viewer.memberId === need.postedBy),
  };
}

/** The median of some numbers (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The month (YYYY-MM) an instant falls in, on the community's wall clock. */
export function monthIn(instant: string, timeZone: string): string {
  // The shared clock: a new Intl formatter per row made the figures page slow.
  return wallClock(instant, timeZone).date.slice(0, 7);
}

/** The last `count` months up to and including the one `now` falls in, on the community's wall clock, oldest first. */
export function lastMonths(now: Date, timeZone: string, count = 12): string[] {
  const [year, month] = monthIn(now.toISOString(), timeZone).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1)).toISOString().slice(0, 7));
}
