import { useSite } from './site-context';

/** The path of an issue (议题), as the API names its states. */
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
export const ISSUE_STATES: IssueState[] = [
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
];
/** States in which an issue has reached the end of its path. */
export const FINISHED_STATES: IssueState[] = ['relayed', 'merged'];

export const ISSUE_CATEGORIES = ['property-service', 'safety', 'environment', 'activities', 'facilities', 'other'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const BODY_KEYS = ['joint-meeting', 'professional-committees', 'building-groups', 'federation'] as const;
export type BodyKey = (typeof BODY_KEYS)[number];

export const PARTY_KEYS = ['residents-committee', 'owners-committee', 'property-company', 'association'] as const;
export type PartyKey = (typeof PARTY_KEYS)[number];

export const POSITIONS = ['agree', 'object', 'block', 'abstain'] as const;
export type Position = (typeof POSITIONS)[number];
export type ItemOutcome = 'adopted' | 'blocked' | 'not-adopted' | 'undecided';

/** A step a person may offer on an issue; mirrors the API's lifecycle (the API has the last word). */
export type IssueStep = 'acknowledged' | 'merged' | 'resolved-directly' | 'referred' | 'deferred' | 'implementing' | 'done' | 'relayed';
type Actor = 'contact' | 'coordinator';
const STEPS: Record<IssueState, { step: IssueStep; by: Actor[] }[]> = {
  raised: [
    { step: 'acknowledged', by: ['contact', 'coordinator'] },
    { step: 'merged', by: ['contact', 'coordinator'] },
    { step: 'resolved-directly', by: ['contact', 'coordinator'] },
  ],
  acknowledged: [
    { step: 'referred', by: ['contact', 'coordinator'] },
    { step: 'merged', by: ['contact', 'coordinator'] },
    { step: 'resolved-directly', by: ['contact', 'coordinator'] },
  ],
  referred: [],
  'on-agenda': [{ step: 'deferred', by: ['coordinator'] }],
  decided: [
    { step: 'implementing', by: ['coordinator'] },
    { step: 'relayed', by: ['contact', 'coordinator'] },
  ],
  implementing: [{ step: 'done', by: ['coordinator'] }],
  done: [{ step: 'relayed', by: ['contact', 'coordinator'] }],
  'resolved-directly': [{ step: 'relayed', by: ['contact', 'coordinator'] }],
  merged: [],
  relayed: [],
};

/** The steps these actors can take on an issue in this state (implementing only follows an adopted decision). */
export function issueSteps(state: IssueState, actors: Actor[], outcome: string | null): IssueStep[] {
  return STEPS[state]
    .filter((s) => s.by.some((a) => actors.includes(a)) && (s.step !== 'implementing' || outcome === 'adopted'))
    .map((s) => s.step);
}

/** The state a step moves the issue to. */
export const stepTarget = (step: IssueStep): IssueState => (step === 'deferred' ? 'decided' : step);

/** The reader's coordination roles: association administrators and party representatives coordinate. */
export function useCoordinationRoles() {
  const { me } = useSite();
  const roles = () => me()?.member?.roles ?? [];
  const isAdmin = () => roles().some((r) => r.role === 'association-admin');
  const isCoordinator = () => isAdmin() || roles().some((r) => r.role === 'party-representative');
  /** Parties the reader may record attendance and positions for. */
  const speaksFor = (party: string) =>
    roles().some((r) => r.role === 'party-representative' && r.partyKey === party) || (party === 'association' && isAdmin());
  return {
    member: () => me()?.member ?? null,
    isAdmin,
    isCoordinator,
    speaksFor,
    isContact: () => roles().some((r) => r.role === 'building-contact'),
  };
}

/** Year, month, day, hour and minute in the reader's language. */
export function formatDateTime(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** The last twelve months (YYYY-MM, UTC, oldest first), as the API's cadence tracker counts them. */
export function lastTwelveMonths(now: Date): string[] {
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  return months;
}

/** Coverage of a building by its contacts: none, some, or the number required. */
export function coverageLevel(contacts: number, required: number): 'none' | 'partial' | 'full' {
  if (contacts <= 0) return 'none';
  return contacts >= required ? 'full' : 'partial';
}

/** "m:ss" for a number of seconds; negative (over time) shows with a leading "+". */
export function formatClock(seconds: number): string {
  const abs = Math.abs(seconds);
  return `${seconds < 0 ? '+' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
