/** Writes a history into a community's database, once: one batch of reads for what is there, one batch of writes for the year. */
import { eq, inArray } from 'drizzle-orm';
import { tenantDb } from '../../db/client';
import {
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
  communityProfile,
  contactApplications,
  issueEvents,
  issues,
  itemStances,
  ledgerAccounts,
  meetingAttendance,
  meetings,
  memberRoles,
  members,
  programs,
  signups,
  volunteerHours,
  volunteers,
} from '../../db/tenant-schema';
import type { Bindings } from '../../env';
import { DEFAULT_TIME_ZONE } from '../../community/profile/rules';
import { tenantDatabase } from '../../tenancy/pool';
import { buildHistory } from './build';
import { insertRows, prepared } from './insert-rows';
import { ledgerStatements } from './ledger';
import { USER_PREFIX } from './members';
import type { HistoryPlan } from './plan';
import { demoHistoryPlans } from './plans';

/**
 * Writes the community's history if it has none yet. Two round trips: one batch of reads, one batch of writes,
 * which D1 runs as a single transaction — so a history is either all there or not there at all.
 */
export async function seedDemoHistory(env: Bindings, binding: string, slug: string, now = new Date()): Promise<boolean> {
  const plan = demoHistoryPlans[slug];
  if (!plan) return false;
  return seedHistory(env, binding, plan, now);
}

/** Writes a year of the given plan into a community's database, once (a second call writes nothing). */
export async function seedHistory(env: Bindings, binding: string, plan: HistoryPlan, now = new Date()): Promise<boolean> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const [done, facts, buildingRows] = await d1.batch<Record<string, number | string | null>>([
    d1.prepare(`SELECT COUNT(*) AS n FROM members WHERE user_id = ?1`).bind(`${USER_PREFIX}1`),
    d1.prepare(
      `SELECT (SELECT households FROM community_profile WHERE id = 1) AS households,
              (SELECT surplus_rate_percent FROM community_profile WHERE id = 1) AS surplusRate,
              (SELECT time_zone FROM community_profile WHERE id = 1) AS timeZone,
              (SELECT id FROM ledger_accounts WHERE key = 'hub') AS hubAccount,
              (SELECT id FROM ledger_accounts WHERE key = 'external') AS externalAccount,
              (SELECT COALESCE(MAX(id), 0) FROM ledger_accounts) AS ledgerAccounts,
              (SELECT COALESCE(MAX(id), 0) FROM members) AS members, (SELECT COALESCE(MAX(id), 0) FROM clubs) AS clubs,
              (SELECT COALESCE(MAX(id), 0) FROM activities) AS activities, (SELECT COALESCE(MAX(id), 0) FROM issues) AS issues,
              (SELECT COALESCE(MAX(id), 0) FROM meetings) AS meetings, (SELECT COALESCE(MAX(id), 0) FROM agenda_items) AS agendaItems,
              (SELECT COALESCE(MAX(id), 0) FROM committees) AS committees`,
    ),
    d1.prepare('SELECT id FROM buildings ORDER BY position'),
  ]);
  if (Number(done?.results[0]?.n ?? 0) > 0) return false;
  const f = facts?.results[0] ?? {};
  const n = (k: string) => Number(f[k] ?? 0);
  const rows = buildHistory(plan, {
    now,
    households: n('households'),
    surplusRatePercent: f.surplusRate === null || f.surplusRate === undefined ? 8 : Number(f.surplusRate),
    timeZone: typeof f.timeZone === 'string' ? f.timeZone : DEFAULT_TIME_ZONE,
    buildingIds: (buildingRows?.results ?? []).map((r) => Number(r.id)),
    accounts: { hub: n('hubAccount'), external: n('externalAccount') },
    maxIds: {
      members: n('members'),
      clubs: n('clubs'),
      activities: n('activities'),
      issues: n('issues'),
      meetings: n('meetings'),
      agendaItems: n('agendaItems'),
      committees: n('committees'),
      ledgerAccounts: n('ledgerAccounts'),
    },
  });
  await d1.batch([
    prepared(
      d1,
      db.update(communityProfile).set({ residents: rows.residents, foundedOn: rows.foundedOn }).where(eq(communityProfile.id, 1)),
    ),
    ...(plan.disabledPrograms.length > 0
      ? [prepared(d1, db.update(programs).set({ enabled: false }).where(inArray(programs.key, plan.disabledPrograms)))]
      : []),
    ...insertRows(d1, members, rows.members),
    ...insertRows(d1, memberRoles, rows.memberRoles),
    ...insertRows(d1, contactApplications, rows.contactApplications),
    ...insertRows(d1, committees, rows.committees),
    ...insertRows(d1, committeeMembers, rows.committeeMembers),
    ...insertRows(d1, clubs, rows.clubs),
    ...insertRows(d1, clubMembers, rows.clubMembers),
    ...insertRows(d1, ledgerAccounts, rows.ledgerAccounts),
    ...insertRows(d1, activities, rows.activities),
    ...insertRows(d1, activityCostLines, rows.costLines),
    ...insertRows(d1, signups, rows.signups),
    ...insertRows(d1, activitySettlements, rows.settlements),
    ...insertRows(d1, activityReviews, rows.reviews),
    ...ledgerStatements(d1, rows.ledgerEntries),
    ...insertRows(d1, volunteers, rows.volunteers),
    ...insertRows(d1, volunteerHours, rows.volunteerHours),
    ...insertRows(d1, issues, rows.issues),
    ...insertRows(d1, issueEvents, rows.issueEvents),
    ...insertRows(d1, meetings, rows.meetings),
    ...insertRows(d1, agendaItems, rows.agendaItems),
    ...insertRows(d1, itemStances, rows.itemStances),
    ...insertRows(d1, meetingAttendance, rows.attendance),
    ...insertRows(d1, actionItems, rows.actionItems),
    ...(rows.meetings.length > 0
      ? [
          prepared(
            d1,
            db
              .update(meetings)
              .set({ status: 'closed' })
              .where(
                inArray(
                  meetings.id,
                  rows.meetings.map((r) => r.id!),
                ),
              ),
          ),
        ]
      : []),
  ]);
  return true;
}
