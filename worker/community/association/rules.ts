/**
 * Where an association stands and what to do next, as pure rules over facts read from its own database: "the
 * next useful step" list on the association's figures page (each step names the screen that fixes it), and the
 * months without a joint meeting. The setup checklist (onboarding/rules.ts) reads the same facts.
 */

/** What the association has in place today (not a month's activity): read by `standingFacts` in service.ts. */
export interface StandingFacts {
  /** The joint meeting's parties, and those with at least one representative who accepted. */
  parties: { total: number; represented: number };
  /** Every building with its confirmed contacts and the contacts the model asks of it. */
  buildings: { name: string; contacts: number; contactsRequired: number }[];
  /** Committees with at least one member. */
  committeesStaffed: number;
  spaces: number;
  /** Income entries into the hub fund (money coming in from outside or a club). */
  hubIncomeEntries: number;
  activeClubs: number;
  /** Clubs with an activity that ended more than the settlement window ago and has not been settled. */
  clubsWithUnpublishedStatements: number;
  jointMeetingsClosed: number;
  /** Joint meetings held or scheduled in the current month (a closed one, or one still to come). */
  jointMeetingsThisMonth: number;
  /** Activities starting this month and not cancelled (drafts included: someone is planning). */
  activitiesThisMonth: number;
  /** Issues waiting longer than the community's limit for their stage. */
  issuesOverdue: number;
}

/** The kinds of next step, most fundamental first: the order the list shows them in. */
export const nextStepKeys = [
  'party-representatives',
  'building-first-contact',
  'building-second-contact',
  'joint-meeting',
  'committee',
  'club',
  'statements',
  'activity',
  'issues-overdue',
  'space',
] as const;
export type NextStepKey = (typeof nextStepKeys)[number];

export interface NextStep {
  key: NextStepKey;
  /** How many things the step is about (buildings, parties, clubs…); 1 for a yes/no step. */
  count: number;
  /** The screen that fixes it. */
  href: string;
}

const nextStepHrefs: Record<NextStepKey, string> = {
  'party-representatives': '/admin/settings#parties',
  'building-first-contact': '/buildings',
  'building-second-contact': '/buildings',
  'joint-meeting': '/meetings',
  committee: '/committees',
  club: '/clubs',
  statements: '/clubs',
  activity: '/clubs',
  'issues-overdue': '/issues',
  space: '/spaces',
};

/**
 * "The next useful step": what is missing for the association to work as the model describes, each with how
 * many things it concerns and where to fix it. Empty when nothing is missing.
 */
export function nextSteps(f: StandingFacts): NextStep[] {
  const counts: Record<NextStepKey, number> = {
    'party-representatives': Math.max(0, f.parties.total - f.parties.represented),
    'building-first-contact': f.buildings.filter((b) => b.contacts === 0).length,
    'building-second-contact': f.buildings.filter((b) => b.contacts > 0 && b.contacts < Math.max(2, b.contactsRequired)).length,
    'joint-meeting': f.jointMeetingsThisMonth === 0 ? 1 : 0,
    committee: f.committeesStaffed === 0 ? 1 : 0,
    club: f.activeClubs === 0 ? 1 : 0,
    statements: f.clubsWithUnpublishedStatements,
    // Without a club there is no one to hold an activity: the club step comes first.
    activity: f.activeClubs > 0 && f.activitiesThisMonth === 0 ? 1 : 0,
    'issues-overdue': f.issuesOverdue,
    space: f.spaces === 0 ? 1 : 0,
  };
  return nextStepKeys.filter((key) => counts[key] > 0).map((key) => ({ key, count: counts[key], href: nextStepHrefs[key] }));
}

/** The months of a series (oldest first) in which the community existed and held no joint meeting. */
export function monthsWithoutJointMeeting(months: readonly { month: string; existed: boolean; jointMeetingsHeld: number }[]): string[] {
  return months.filter((m) => m.existed && m.jointMeetingsHeld === 0).map((m) => m.month);
}
