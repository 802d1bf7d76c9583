import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { actionsOpen, canRecord, reportYears, visibleTo, yearTotals } from './rules';
import { partnershipEntries, partnerships } from './schema';
import { shortRef } from './sync';
import { todayIn } from './service';

type Row = typeof partnerships.$inferSelect;
type Entry = typeof partnershipEntries.$inferSelect;

function summary(row: Row) {
  return {
    id: row.id,
    kind: row.kind,
    side: row.side,
    status: row.status,
    partnerName: row.partnerName,
    partnerSlug: row.partnerSlug,
    partnerPlace: row.partnerPlace,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
  };
}

/** A visit or a donation as either site shows it: no member of either community is named. */
function entryView(e: Entry) {
  return {
    id: e.id,
    kind: e.kind,
    ours: e.ours,
    occurredOn: e.occurredOn,
    title: e.title,
    place: e.place,
    residents: e.residents,
    activityId: e.activityId,
    donationKind: e.donationKind,
    amountFen: e.amountFen,
    reference: shortRef(e.ref),
  };
}

/** The community's partnerships as the viewer may see them, with the proposals waiting for an answer apart (for admins). */
export async function listPartnerships(db: TenantDb, viewer: { admin: boolean }) {
  const rows = await db.select().from(partnerships).orderBy(desc(partnerships.createdAt), desc(partnerships.id));
  const seen = rows.filter((r) => visibleTo(r.status, viewer));
  return {
    waitingForUs: seen.filter((r) => r.status === 'proposed' && r.side === 'partner').map(summary),
    partnerships: seen.filter((r) => !(r.status === 'proposed' && r.side === 'partner')).map(summary),
  };
}

/** One partnership's page: its goals, visits and donations, the actions open to the viewer and the years it has reports for. */
export async function partnershipDetail(db: TenantDb, id: number, viewer: { admin: boolean }) {
  const [[row], entries, today] = await Promise.all([
    db.select().from(partnerships).where(eq(partnerships.id, id)),
    db
      .select()
      .from(partnershipEntries)
      .where(eq(partnershipEntries.partnershipId, id))
      .orderBy(desc(partnershipEntries.occurredOn), desc(partnershipEntries.id)),
    todayIn(db),
  ]);
  if (!row || !visibleTo(row.status, viewer)) throw new AppError('not_found', 'No such partnership');
  const ownActivities = viewer.admin
    ? await db
        .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt })
        .from(activities)
        .orderBy(desc(activities.startsAt))
        .limit(30)
    : [];
  return {
    ...summary(row),
    partnerContact: viewer.admin ? row.partnerContact : '',
    goals: row.goals,
    actions: viewer.admin ? actionsOpen(row.kind, row.status, row.side) : [],
    canRecord: viewer.admin && canRecord(row.status),
    visits: entries.filter((e) => e.kind === 'visit').map(entryView),
    donations: entries.filter((e) => e.kind === 'donation').map(entryView),
    years: reportYears(row.startedOn, today),
    ownActivities,
  };
}

/** A year's report: the goals, the year's visits and donations, and their totals (residents are counted, never named). */
export async function yearReport(db: TenantDb, id: number, year: number, viewer: { admin: boolean }) {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  if (!row || !visibleTo(row.status, viewer)) throw new AppError('not_found', 'No such partnership');
  const entries = await db
    .select()
    .from(partnershipEntries)
    .where(
      and(
        eq(partnershipEntries.partnershipId, id),
        gte(partnershipEntries.occurredOn, `${year}-01-01`),
        lte(partnershipEntries.occurredOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(partnershipEntries.occurredOn), asc(partnershipEntries.id));
  return {
    ...summary(row),
    year,
    goals: row.goals,
    visits: entries.filter((e) => e.kind === 'visit').map(entryView),
    donations: entries.filter((e) => e.kind === 'donation').map(entryView),
    totals: yearTotals(entries, year),
  };
}
