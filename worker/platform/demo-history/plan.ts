/** The shape of one community's invented year: the parties, the programs, and the plan of clubs, committees and monthly counts. */

/** The four parties of the joint meeting. */
export const PARTIES = ['residents-committee', 'owners-committee', 'property-company', 'association'] as const;
export type PartyKey = (typeof PARTIES)[number];
export type ProgramKey =
  | 'library'
  | 'charity-shop'
  | 'university'
  | 'kids-troupe'
  | 'little-architects'
  | 'sports'
  | 'salon'
  | 'community-helps-community'
  | 'elder-care';

export interface ClubPlan {
  name: string;
  programKey: ProgramKey;
  purpose: string;
  meetingPattern: string;
  /** Month index of its founding: 0 is twelve months ago, 11 last month, negative before the window. */
  month: number;
  status: 'active' | 'dormant' | 'closed' | 'proposed';
  /** First month without activities, for a club that went dormant or closed. */
  quietFrom?: number;
  /** Relative share of the activities. */
  weight: number;
  size: [number, number];
}

interface CommitteePlan {
  name: string;
  kind: 'standing' | 'ad-hoc';
  remit: string;
  month: number;
  endsMonth?: number;
  residents: number;
  experts: [string, string][];
}

/** The shape of one community's year: counts per month (index 0 = twelve months ago) and how things tend to go. */
export interface HistoryPlan {
  seed: number;
  /** Month index the association was founded in (negative: before the window), unless `foundedOn` names the day. */
  foundedMonth: number;
  foundedOn?: string;
  residentsPerHousehold: number;
  floors: number;
  earlyMembers: { count: number; fromMonth: number };
  newMembers: number[];
  activities: number[];
  issues: number[];
  /** Issues raised in the month before the window, which the first meeting of the window takes up. */
  priorIssues: number;
  /** 1 where the joint meeting met that month. */
  meetings: number[];
  volunteerHours: number[];
  volunteers: { early: number; perMonth: number[] };
  clubs: ClubPlan[];
  /** Money recorded apart from activities (money.ts). */
  money: {
    /** The hub's start-up money; null where the demo records its own. */
    seedFund: { amountFen: number; source: string } | null;
    /** The range of what a club's founders put into its fund, in fen (whole yuan). */
    clubStartFen: [number, number];
    /** Residents' donations per month. */
    donations: number[];
    /** The share of donations that go to the hub's fund rather than a club's (0: to clubs only). */
    hubDonationShare: number;
  };
  disabledPrograms: ProgramKey[];
  /** [building number (1-based), month index] of each confirmed contact. */
  contacts: [number, number][];
  partyReps: [PartyKey, number][];
  committees: CommitteePlan[];
  participants: [number, number];
  regularShare: number;
  hubShare: number;
  cancelShare: number;
  lateShare: number;
  unsettledShare: number;
  deficitShare: number;
  reviewShare: number;
  unconfirmedHoursShare: number;
  ackDays: [number, number];
  referDays: [number, number];
  directShare: number;
  stuckShare: number;
  absentShare: number;
  writtenShare: number;
  blockShare: number;
  objectShare: number;
  minutesPublishedShare: number;
}
