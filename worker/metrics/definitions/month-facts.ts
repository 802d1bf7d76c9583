/** What the database says about one month (the input of every figure), an empty month, and the run of months up to now. */

/** What the community's database says about one calendar month (as at the month's end, or during it). */
export interface MonthFacts {
  /** YYYY-MM */
  month: string;
  households: number;
  residents: number | null;
  /** Members on Huzhu who had joined by the end of the month. */
  members: number;
  /** Clubs that held an activity this month (ids), for the 90-day window of "active". */
  clubsWithActivity: number[];
  /** Programs (keys) that held an activity this month: the program it names, or else its club's. */
  programsWithActivity: string[];
  /** Programs the community has switched on. */
  programsEnabled: string[];
  activitiesHeld: number;
  /** Distinct households with at least one confirmed sign-up for an activity this month. */
  householdsParticipating: number;
  /** Distinct members with a confirmed sign-up for an activity held this month… */
  attendees: number;
  /** …of whom this many had attended an activity in an earlier month. */
  returningAttendees: number;
  /** Distinct members with confirmed volunteer hours served this month, and those hours in minutes. */
  volunteersActive: number;
  volunteerMinutes: number;
  buildings: number;
  /** Buildings with at least two confirmed contacts by the end of the month. */
  buildingsWithTwoContacts: number;
  jointMeetingsHeld: number;
  issuesRaised: number;
  issuesDecided: number;
  issuesDone: number;
  /** For each issue decided this month: days from being raised to being decided. */
  daysToDecision: number[];
  /** Activities that ended this month and have been settled; of those, with income above costs; settled on time. */
  settled: number;
  settledWithSurplus: number;
  settledOnTime: number;
  /** Activities that ended this month and were not cancelled, and of those, the ones taken through settlement. */
  activitiesEnded: number;
  activitiesCompleted: number;
  /** Parties of the joint meeting, and those with at least one named representative by the month's end. */
  parties: number;
  partiesRepresented: number;
  /** Committees in being by the month's end with at least one member. */
  committeesStaffed: number;
  /** Whether the community existed (had been founded) by the end of this month. */
  existed: boolean;
}

/** The `count` months up to and including the month of `now`, oldest first (YYYY-MM, UTC). */
export function monthsUpTo(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  }
  return months;
}

/** A fact-free month, for a community that did not exist yet or has no data. */
export function emptyMonth(month: string, base: Partial<MonthFacts> = {}): MonthFacts {
  return {
    month,
    households: 0,
    residents: null,
    members: 0,
    clubsWithActivity: [],
    programsWithActivity: [],
    programsEnabled: [],
    activitiesHeld: 0,
    householdsParticipating: 0,
    attendees: 0,
    returningAttendees: 0,
    volunteersActive: 0,
    volunteerMinutes: 0,
    buildings: 0,
    buildingsWithTwoContacts: 0,
    jointMeetingsHeld: 0,
    issuesRaised: 0,
    issuesDecided: 0,
    issuesDone: 0,
    daysToDecision: [],
    settled: 0,
    settledWithSurplus: 0,
    settledOnTime: 0,
    activitiesEnded: 0,
    activitiesCompleted: 0,
    parties: 0,
    partiesRepresented: 0,
    committeesStaffed: 0,
    existed: true,
    ...base,
  };
}
