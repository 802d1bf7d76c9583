import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { now } from '../../db/columns';
import { activities, activityCostLines, clubs, signups } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { isAdmin } from '../../auth/roles';
import { activityVisibility } from '../activities/rules';
import { visibleActivity } from '../activities/read';
import { type ActivityInput, createActivity, getActivity } from '../activities/service';
import { communitySettings } from '../profile/service';
import { managesSeries, type MonthlyBy, nextOccurrences, type RecurrenceUnit } from './rules';
import { activitySeries, seriesOccurrences } from './schema';

export interface SeriesInput {
  activityId: number;
  clubId?: number | null;
  every: number;
  unit: RecurrenceUnit;
  monthlyBy?: MonthlyBy;
  count?: number | null;
  until?: string | null;
  /** Occurrences to draft now, after the first. */
  ahead: number;
}

type SeriesRow = typeof activitySeries.$inferSelect;

const ruleOf = (s: SeriesRow) => ({
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  timeZone: s.timeZone,
  rule: { every: s.every, unit: s.unit, by: s.monthlyBy ?? undefined },
  end: { count: s.endCount, until: s.endUntil },
});

async function getSeries(db: TenantDb, id: number) {
  const [row] = await db.select().from(activitySeries).where(eq(activitySeries.id, id));
  if (!row) throw new AppError('not_found', 'No such series');
  return row;
}

/**
 * Makes an activity recurring: the activity becomes the first occurrence and template, and the next `ahead`
 * occurrences are drafted. The body's club must be the activity's (the access rule checked the caller against it).
 */
export async function createSeries(db: TenantDb, member: MemberContext, input: SeriesInput) {
  const template = await getActivity(db, input.activityId).catch(() => {
    throw new AppError('validation_failed', 'No such activity', { activityId: ['No such activity'] });
  });
  if ((input.clubId ?? null) !== template.clubId)
    throw new AppError('validation_failed', "Name the activity's own club", { clubId: ["Not the activity's club"] });
  if (template.state === 'cancelled') throw new AppError('conflict', 'A cancelled activity cannot be repeated');
  const [linked] = await db
    .select({ id: seriesOccurrences.seriesId })
    .from(seriesOccurrences)
    .where(eq(seriesOccurrences.activityId, template.id));
  if (linked) throw new AppError('conflict', 'This activity already belongs to a series', { activityId: [`Series ${linked.id}`] });
  const { timeZone } = await communitySettings(db);
  if (input.until && input.until <= template.startsAt.slice(0, 10))
    throw new AppError('validation_failed', 'The series must end after its first activity', { until: ['Before the first activity'] });

  const monthly = input.unit === 'month' ? (input.monthlyBy ?? 'day-of-month') : null;
  // Asked to draft occurrences ahead, there must be one to draft: refused before anything is written.
  const rule = {
    startsAt: template.startsAt,
    endsAt: template.endsAt,
    timeZone,
    rule: { every: input.every, unit: input.unit, by: monthly ?? undefined },
    end: { count: input.count ?? null, until: input.until ?? null },
  };
  if (input.ahead > 0 && nextOccurrences(rule, 0, 1).length === 0)
    throw new AppError('validation_failed', 'The series ends before its second activity', {
      until: ['No occurrence after the first one before this day'],
    });
  const notLinked = sql`NOT EXISTS (SELECT 1 FROM ${seriesOccurrences} WHERE ${seriesOccurrences.activityId} = ${template.id})`;
  // The series and its first occurrence in one batch, and only while the activity is in no series.
  await db.batch([
    db
      .insert(activitySeries)
      .select(
        db
          .select({
            id: sql<number>`NULL`.as('id'),
            templateActivityId: activities.id,
            clubId: activities.clubId,
            title: activities.title,
            every: sql<number>`${input.every}`.as('every'),
            unit: sql<RecurrenceUnit>`${input.unit}`.as('unit'),
            monthlyBy: sql<MonthlyBy | null>`${monthly}`.as('monthly_by'),
            startsAt: activities.startsAt,
            endsAt: activities.endsAt,
            timeZone: sql<string>`${timeZone}`.as('time_zone'),
            endCount: sql<number | null>`${input.count ?? null}`.as('end_count'),
            endUntil: sql<string | null>`${input.until ?? null}`.as('end_until'),
            status: sql<'active'>`'active'`.as('status'),
            createdBy: sql<number>`${member.id}`.as('created_by'),
            createdAt: sql<string>`${now}`.as('created_at'),
            endedAt: sql<string | null>`NULL`.as('ended_at'),
          })
          .from(activities)
          .where(and(eq(activities.id, template.id), notLinked)),
      )
      .onConflictDoNothing(),
    db.insert(seriesOccurrences).select(
      db
        .select({
          seriesId: activitySeries.id,
          position: sql<number>`0`.as('position'),
          activityId: activitySeries.templateActivityId,
          startsAt: activitySeries.startsAt,
        })
        .from(activitySeries)
        .where(and(eq(activitySeries.templateActivityId, template.id), notLinked)),
    ),
  ]);
  const [series] = await db
    .select({ id: activitySeries.id, createdBy: activitySeries.createdBy, createdAt: activitySeries.createdAt })
    .from(activitySeries)
    .where(eq(activitySeries.templateActivityId, template.id));
  if (!series) throw new AppError('conflict', 'This activity already belongs to a series', { activityId: ['Already in a series'] });
  if (input.ahead > 0) await addOccurrences(db, member, series.id, input.ahead);
  return series.id;
}

/** The template's activity input for an occurrence at a new time (its planned budget, place and limits). */
async function occurrenceInput(db: TenantDb, templateId: number, startsAt: string, endsAt: string): Promise<ActivityInput> {
  const t = await getActivity(db, templateId);
  const lines = await db
    .select({ label: activityCostLines.label, amountFen: activityCostLines.amountFen })
    .from(activityCostLines)
    .where(and(eq(activityCostLines.activityId, templateId), eq(activityCostLines.kind, 'planned')))
    .orderBy(asc(activityCostLines.id));
  return {
    clubId: t.clubId,
    title: t.title,
    description: t.description,
    startsAt,
    endsAt,
    place: t.place,
    capacity: t.capacity,
    waitlist: t.waitlist,
    maxPlacesPerMember: t.maxPlacesPerMember,
    audience: t.audience,
    expectedParticipants: t.expectedParticipants,
    surplusRatePercent: t.surplusRatePercent,
    costLines: lines,
    // A fee set by exception carries over with its reason; otherwise each occurrence derives its own.
    ...(t.exceptionReason ? { feeFen: t.feeFen, exceptionReason: t.exceptionReason } : {}),
  };
}

/**
 * Drafts the next `howMany` occurrences through the activities service (each a draft that goes through its own
 * budget approval). Each position is claimed first by its primary key, so two organisers adding at once draft it once.
 */
export async function addOccurrences(db: TenantDb, member: MemberContext, seriesId: number, howMany: number) {
  const series = await getSeries(db, seriesId);
  if (series.status !== 'active') throw new AppError('conflict', 'This series has ended');
  const [last] = await db
    .select({ position: max(seriesOccurrences.position) })
    .from(seriesOccurrences)
    .where(eq(seriesOccurrences.seriesId, seriesId));
  const next = nextOccurrences(ruleOf(series), last?.position ?? 0, howMany);
  if (next.length === 0) throw new AppError('conflict', 'The series has reached its end', { count: ['No occurrences left'] });
  const created: number[] = [];
  for (const occurrence of next) {
    const claimed = await db
      .insert(seriesOccurrences)
      .values({ seriesId, position: occurrence.position, startsAt: occurrence.startsAt })
      .onConflictDoNothing()
      .returning({ position: seriesOccurrences.position });
    if (claimed.length === 0) continue;
    const claim = and(eq(seriesOccurrences.seriesId, seriesId), eq(seriesOccurrences.position, occurrence.position));
    try {
      const input = await occurrenceInput(db, series.templateActivityId, occurrence.startsAt, occurrence.endsAt);
      const activityId = await createActivity(db, member, input);
      await db.update(seriesOccurrences).set({ activityId }).where(claim);
      created.push(activityId);
    } catch (error) {
      await db.delete(seriesOccurrences).where(claim);
      throw error;
    }
  }
  return created;
}

/** Ends a series: no more occurrences are added; those already drafted or held stay as they are. */
export async function endSeries(db: TenantDb, seriesId: number) {
  const rows = await db
    .update(activitySeries)
    .set({ status: 'ended', endedAt: sql`${now}` })
    .where(and(eq(activitySeries.id, seriesId), eq(activitySeries.status, 'active')))
    .returning({ id: activitySeries.id });
  if (rows.length === 0) {
    await getSeries(db, seriesId);
    throw new AppError('conflict', 'This series has already ended');
  }
}

/**
 * A series as `viewer` may see it: visible to whoever may see its first activity; each occurrence by the activity
 * rule (drafts to their organisers, the club's responsible person and administrators), and the next dates the rule gives.
 */
export async function seriesDetail(db: TenantDb, id: number, viewer: MemberContext | null) {
  const series = await getSeries(db, id);
  await visibleActivity(db, series.templateActivityId, viewer);
  const [rows, club] = await db.batch([
    db
      .select({
        position: seriesOccurrences.position,
        activityId: activities.id,
        title: activities.title,
        state: activities.state,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        capacity: activities.capacity,
        feeFen: activities.feeFen,
        responsibleMemberId: activities.responsibleMemberId,
      })
      .from(seriesOccurrences)
      .innerJoin(activities, eq(activities.id, seriesOccurrences.activityId))
      .where(eq(seriesOccurrences.seriesId, id))
      .orderBy(asc(seriesOccurrences.position)),
    db
      .select({ id: clubs.id, name: clubs.name, responsible: clubs.responsibleMemberId })
      .from(clubs)
      .where(eq(clubs.id, series.clubId ?? -1)),
  ]);
  const ids = rows.map((r) => r.activityId);
  const places =
    ids.length > 0
      ? await db
          .select({ activityId: signups.activityId, n: count() })
          .from(signups)
          .where(and(inArray(signups.activityId, ids), eq(signups.status, 'confirmed')))
          .groupBy(signups.activityId)
      : [];
  const clubRow = club[0];
  const viewerFacts = viewer
    ? { id: viewer.id, admin: isAdmin(viewer), responsibleFor: clubRow && clubRow.responsible === viewer.id ? [clubRow.id] : [] }
    : null;
  const occurrences = rows
    .filter(
      (r) =>
        activityVisibility(r.state, {
          admin: viewerFacts?.admin ?? false,
          organiser: viewer?.id === r.responsibleMemberId,
          clubResponsible: (viewerFacts?.responsibleFor.length ?? 0) > 0,
          signedUp: false,
        }) === 'full',
    )
    .map(({ responsibleMemberId: _, ...r }) => ({ ...r, confirmed: Number(places.find((p) => p.activityId === r.activityId)?.n ?? 0) }));
  const lastPosition = rows.reduce((m, r) => Math.max(m, r.position), 0);
  const upcoming = series.status === 'active' ? nextOccurrences(ruleOf(series), lastPosition, 3) : [];
  return {
    id: series.id,
    title: series.title,
    club: clubRow ? { id: clubRow.id, name: clubRow.name } : null,
    every: series.every,
    unit: series.unit,
    monthlyBy: series.monthlyBy,
    timeZone: series.timeZone,
    endCount: series.endCount,
    endUntil: series.endUntil,
    status: series.status,
    templateActivityId: series.templateActivityId,
    occurrences,
    upcoming: upcoming.map((u) => ({ startsAt: u.startsAt, endsAt: u.endsAt })),
    canManage: managesSeries(viewerFacts, series),
  };
}

/** The series an activity belongs to, if any, for a reader who may see the activity (null otherwise). */
export async function seriesOfActivity(db: TenantDb, activityId: number, viewer: MemberContext | null) {
  const seen = await visibleActivity(db, activityId, viewer).then(
    () => true,
    () => false,
  );
  if (!seen) return null;
  const [row] = await db
    .select({ seriesId: seriesOccurrences.seriesId })
    .from(seriesOccurrences)
    .where(eq(seriesOccurrences.activityId, activityId));
  return row?.seriesId ?? null;
}
