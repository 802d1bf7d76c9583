/** One build of a history: what it is given, the rows it writes table by table, and the state its steps share. */
import type { InferInsertModel } from 'drizzle-orm';
import type {
  actionItems,
  activities,
  activityCostLines,
  activityReviews,
  activitySettlements,
  agendaItems,
  clubMembers,
  clubs,
  committeeMembers,
  committees,
  contactApplications,
  issueEvents,
  issues,
  itemStances,
  ledgerAccounts,
  meetingAttendance,
  meetings,
  memberRoles,
  members,
  signups,
  volunteerHours,
  volunteers,
} from '../../db/tenant-schema';
import { type Calendar, calendar, isoDate } from './calendar';
import type { HistoryEntry } from './ledger';
import type { HistoryPlan } from './plan';
import { type Sequence, sequence } from './sequence';

/** The founder is member 1 in every community: approver, recorder and chair where no one else is. */
export const ADMIN = 1;

/** What the generator writes, table by table, in insert order. */
export interface HistoryRows {
  members: InferInsertModel<typeof members>[];
  memberRoles: InferInsertModel<typeof memberRoles>[];
  contactApplications: InferInsertModel<typeof contactApplications>[];
  committees: InferInsertModel<typeof committees>[];
  committeeMembers: InferInsertModel<typeof committeeMembers>[];
  clubs: InferInsertModel<typeof clubs>[];
  clubMembers: InferInsertModel<typeof clubMembers>[];
  ledgerAccounts: InferInsertModel<typeof ledgerAccounts>[];
  /** The ledger's entries (settlements), written after the rows they name. */
  ledgerEntries: HistoryEntry[];
  activities: InferInsertModel<typeof activities>[];
  costLines: InferInsertModel<typeof activityCostLines>[];
  signups: InferInsertModel<typeof signups>[];
  settlements: InferInsertModel<typeof activitySettlements>[];
  reviews: InferInsertModel<typeof activityReviews>[];
  volunteers: InferInsertModel<typeof volunteers>[];
  volunteerHours: InferInsertModel<typeof volunteerHours>[];
  issues: InferInsertModel<typeof issues>[];
  issueEvents: InferInsertModel<typeof issueEvents>[];
  meetings: InferInsertModel<typeof meetings>[];
  agendaItems: InferInsertModel<typeof agendaItems>[];
  itemStances: InferInsertModel<typeof itemStances>[];
  attendance: InferInsertModel<typeof meetingAttendance>[];
  actionItems: InferInsertModel<typeof actionItems>[];
  residents: number;
  foundedOn: string;
}

/** What the community's database already holds that the history builds on. */
export interface HistoryContext {
  now: Date;
  households: number;
  surplusRatePercent: number;
  /** The community's time zone, for the dates money is entered under. */
  timeZone: string;
  buildingIds: number[];
  /** The ledger accounts every community has: the hub's fund and the outside world. */
  accounts: { hub: number; external: number };
  /** The highest id in each table whose rows are referred to by others. */
  maxIds: {
    members: number;
    clubs: number;
    activities: number;
    issues: number;
    meetings: number;
    agendaItems: number;
    committees: number;
    ledgerAccounts: number;
  };
}

/**
 * What every step of a build shares: one random sequence (so the steps must run in the same order every time),
 * the window's calendar, the next ids and the rows written so far.
 */
export interface Build extends Calendar {
  plan: HistoryPlan;
  ctx: HistoryContext;
  rng: Sequence;
  ids: HistoryContext['maxIds'];
  rows: HistoryRows;
}

export function startBuild(plan: HistoryPlan, ctx: HistoryContext): Build {
  const rng = sequence(plan.seed);
  const cal = calendar(ctx.now);
  const rows: HistoryRows = {
    members: [],
    memberRoles: [],
    contactApplications: [],
    committees: [],
    committeeMembers: [],
    clubs: [],
    clubMembers: [],
    ledgerAccounts: [],
    ledgerEntries: [],
    activities: [],
    costLines: [],
    signups: [],
    settlements: [],
    reviews: [],
    volunteers: [],
    volunteerHours: [],
    issues: [],
    issueEvents: [],
    meetings: [],
    agendaItems: [],
    itemStances: [],
    attendance: [],
    actionItems: [],
    residents: Math.round(ctx.households * plan.residentsPerHousehold),
    foundedOn: plan.foundedOn ?? isoDate(cal.dayOf(plan.foundedMonth, 1)),
  };
  return { ...cal, plan, ctx, rng, ids: { ...ctx.maxIds }, rows };
}
