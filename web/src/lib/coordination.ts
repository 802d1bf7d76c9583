import { useSite } from './site-context';
import { lastMonths } from '../../../worker/community/programs/rules';
import { communityTimeZone } from './format';

// The issue's states, categories and lifecycle are the Worker's own pure rules, shared so the page offers exactly what the API accepts.
export {
  finishedStates as FINISHED_STATES,
  type IssueCategory,
  type IssueState,
  type IssueStep,
  issueCategories as ISSUE_CATEGORIES,
  issueStates as ISSUE_STATES,
  issueSteps,
  stepTarget,
} from '../../../worker/community/issues/rules';
export { partyKeys as PARTY_KEYS, type PartyKey } from '../../../worker/community/parties/rules';

export { type BodyKey, bodyKeys as BODY_KEYS } from '../../../worker/community/bodies/rules';
export { type ItemOutcome, POSITIONS, type Position } from '../../../worker/community/meetings/rules';

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

/** Year, month, day, hour and minute, on the community's clock. */
export { formatDateTime } from './format';

/** The last twelve months (YYYY-MM, on the community's calendar, oldest first), as the API's cadence tracker counts them. */
export function lastTwelveMonths(now: Date, timeZone = communityTimeZone()): string[] {
  return lastMonths(now, timeZone, 12);
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
