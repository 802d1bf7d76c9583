import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { isAdmin, isCoordinator, leadsAClubRead } from '../../auth/roles';
import type { TenantDb } from '../../db/client';
import { activities, clubs, members, programs } from '../../db/tenant-schema';
import type { MemberContext } from '../../http/context';
import { activityVisibility } from '../activities/rules';
import { DEFAULT_REVIEW_AFTER_DAYS, type NeedState, daysSince, forMonthlyReview, needView } from './rules';
import { type NeedCategory, type NeedResponseKind, needEvents, needResponses, needSettings, needs } from './schema';
import { AppError } from '../../errors';

const viewerOf = (viewer: MemberContext | null) => (viewer ? { memberId: viewer.id, coordinator: isCoordinator(viewer) } : null);

const counted = (kind: NeedResponseKind) =>
  sql<number>`(SELECT COUNT(*) FROM ${needResponses} WHERE ${needResponses.needId} = ${needs.id} AND ${needResponses.kind} = ${kind})`;
const mine = (kind: NeedResponseKind, memberId: number) =>
  sql<number>`EXISTS (SELECT 1 FROM ${needResponses} WHERE ${needResponses.needId} = ${needs.id} AND ${needResponses.kind} = ${kind} AND ${needResponses.memberId} = ${memberId})`;

/** The register, newest first, with counts; names only for members, the neighbour only for coordinators and the poster. */
export async function listNeeds(
  db: TenantDb,
  now: Date,
  viewer: MemberContext | null,
  filter: { state?: NeedState; category?: NeedCategory } = {},
) {
  const who = viewerOf(viewer);
  // One batch: the register (its four counts named, as D1 hands batched rows back as objects keyed by column), and
  // the community's days with the review list, whose cutoff comes from those days.
  const [rows, settings, review] = await db.batch([
    db
      .select({
        id: needs.id,
        title: needs.title,
        category: needs.category,
        beneficiary: needs.beneficiary,
        state: needs.state,
        outcome: needs.outcome,
        postedBy: needs.postedBy,
        posterName: members.displayName,
        onBehalfName: needs.onBehalfName,
        activityId: needs.activityId,
        clubId: needs.clubId,
        stateSince: needs.stateSince,
        createdAt: needs.createdAt,
        meToo: counted('me-too').as('me_too'),
        canHelp: counted('can-help').as('can_help'),
        meTooByMe: mine('me-too', viewer?.id ?? -1).as('me_too_by_me'),
        canHelpByMe: mine('can-help', viewer?.id ?? -1).as('can_help_by_me'),
      })
      .from(needs)
      .innerJoin(members, eq(members.id, needs.postedBy))
      .where(
        and(filter.state ? eq(needs.state, filter.state) : undefined, filter.category ? eq(needs.category, filter.category) : undefined),
      )
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(300),
    reviewDaysRead(db),
    reviewRead(db, now),
  ]);
  const days = settings[0]?.days ?? DEFAULT_REVIEW_AFTER_DAYS;
  const list = rows.map(({ postedBy, posterName, onBehalfName, ...r }) => {
    const sees = needView(who, { postedBy });
    return {
      ...r,
      postedByMe: viewer?.id === postedBy,
      posterName: sees.names ? posterName : null,
      onBehalf: onBehalfName !== null,
      onBehalfName: sees.neighbour ? onBehalfName : null,
      meToo: Number(r.meToo),
      canHelp: Number(r.canHelp),
      meTooByMe: Boolean(r.meTooByMe),
      canHelpByMe: Boolean(r.canHelpByMe),
      waitingDays: daysSince(r.stateSince, now),
      forReview: forMonthlyReview(r.state, r.stateSince, now, days),
    };
  });
  return { needs: list, reviewAfterDays: days, review: reviewFrom(review, now, days) };
}

/** One need: its path, who responded, and what it became (the activity shown as its own visibility rule allows). */
export async function needDetail(db: TenantDb, id: number, now: Date, viewer: MemberContext | null) {
  const linkOf = (column: string) => sql.raw(`(SELECT ${column} FROM needs WHERE id = ${Number(id)})`);
  // One round trip: the need, and what it links to found through it.
  const [needRows, settings, people, responses, events, activity, club, program, leads] = await db.batch([
    db.select().from(needs).where(eq(needs.id, id)),
    reviewDaysRead(db),
    db
      .select({ id: members.id, displayName: members.displayName })
      .from(members)
      .where(
        sql`${members.id} IN (SELECT posted_by FROM needs WHERE id = ${id} UNION SELECT claimed_by FROM needs WHERE id = ${id} UNION SELECT on_behalf_by FROM needs WHERE id = ${id})`,
      ),
    db
      .select({
        kind: needResponses.kind,
        note: needResponses.note,
        memberId: needResponses.memberId,
        name: members.displayName,
        at: needResponses.createdAt,
      })
      .from(needResponses)
      .innerJoin(members, eq(members.id, needResponses.memberId))
      .where(eq(needResponses.needId, id))
      .orderBy(asc(needResponses.createdAt)),
    db
      .select({
        fromState: needEvents.fromState,
        toState: needEvents.toState,
        note: needEvents.note,
        at: needEvents.at,
        actor: members.displayName,
      })
      .from(needEvents)
      .leftJoin(members, eq(members.id, needEvents.actorMemberId))
      .where(eq(needEvents.needId, id))
      .orderBy(asc(needEvents.id)),
    db
      .select({
        id: activities.id,
        title: activities.title,
        state: activities.state,
        startsAt: activities.startsAt,
        responsible: activities.responsibleMemberId,
      })
      .from(activities)
      .where(eq(activities.id, linkOf('activity_id'))),
    db
      .select({ id: clubs.id, name: clubs.name, status: clubs.status })
      .from(clubs)
      .where(eq(clubs.id, linkOf('club_id'))),
    db
      .select({ key: programs.key, nameZh: programs.nameZh, nameEn: programs.nameEn })
      .from(programs)
      .where(eq(programs.key, linkOf('program_key'))),
    // For the reader's roles on it: whether they lead an active club (a need's steward).
    leadsAClubRead(db, viewer?.id ?? -1),
  ]);
  const need = needRows[0];
  if (!need) throw new AppError('not_found', 'No such need');
  const sees = needView(viewerOf(viewer), need);
  const nameOf = (memberId: number | null) => (sees.names ? (people.find((p) => p.id === memberId)?.displayName ?? null) : null);
  const linked = activity[0];
  const opens =
    linked !== undefined &&
    activityVisibility(linked.state, {
      admin: viewer !== null && isAdmin(viewer),
      organiser: viewer !== null && linked.responsible === viewer.id,
      clubResponsible: false,
      signedUp: false,
    }) === 'full';
  const days = settings[0]?.days ?? DEFAULT_REVIEW_AFTER_DAYS;
  return {
    id: need.id,
    /** For deciding the reader's roles on it (not sent). */
    postedBy: need.postedBy,
    claimedBy: need.claimedBy,
    leadsAClub: leads,
    title: need.title,
    description: need.description,
    category: need.category,
    beneficiary: need.beneficiary,
    state: need.state,
    outcome: need.outcome,
    closingNote: need.closingNote,
    postedByMe: viewer?.id === need.postedBy,
    claimedByMe: viewer !== null && viewer.id === need.claimedBy,
    posterName: nameOf(need.postedBy),
    claimerName: nameOf(need.claimedBy),
    /** 由 X 代为登记: who wrote it down for an assisted resident (members only, like the names). */
    recordedByName: nameOf(need.onBehalfBy),
    claimedAt: need.claimedAt,
    onBehalf: need.onBehalfName !== null,
    onBehalfName: sees.neighbour ? need.onBehalfName : null,
    onBehalfFlat: sees.neighbour ? need.onBehalfFlat : null,
    createdAt: need.createdAt,
    stateSince: need.stateSince,
    waitingDays: daysSince(need.stateSince, now),
    forReview: forMonthlyReview(need.state, need.stateSince, now, days),
    meToo: responses.filter((r) => r.kind === 'me-too').length,
    canHelp: responses.filter((r) => r.kind === 'can-help').length,
    meTooByMe: viewer !== null && responses.some((r) => r.kind === 'me-too' && r.memberId === viewer.id),
    canHelpByMe: viewer !== null && responses.some((r) => r.kind === 'can-help' && r.memberId === viewer.id),
    // Who said what is for members; a visitor gets the counts only.
    responses: sees.names ? responses.map(({ memberId: _m, ...r }) => r) : [],
    events: events.map((e) => ({ ...e, actor: sees.names ? e.actor : null })),
    // A draft activity's title is seen by members (the poster was told it); only a visible one is linked.
    activity:
      linked && (opens || viewer !== null)
        ? { id: linked.id, title: linked.title, state: linked.state, startsAt: linked.startsAt, opens }
        : null,
    club: club[0] ?? null,
    program: program[0] ? { key: program[0].key, name: { zh: program[0].nameZh, en: program[0].nameEn } } : null,
  };
}

/** The need an activity or a club came from, for their pages ("来自需求登记：…"). */
export async function needOrigin(db: TenantDb, link: { activityId?: number; clubId?: number }) {
  const where = link.activityId !== undefined ? eq(needs.activityId, link.activityId) : eq(needs.clubId, link.clubId ?? -1);
  const [row] = await db.select({ id: needs.id, title: needs.title }).from(needs).where(where).limit(1);
  return row ?? null;
}

const reviewDays = sql<number>`COALESCE((SELECT review_after_days FROM need_settings WHERE id = 1), ${DEFAULT_REVIEW_AFTER_DAYS})`;

const reviewDaysRead = (db: TenantDb) => db.select({ days: needSettings.reviewAfterDays }).from(needSettings).where(eq(needSettings.id, 1));

/** Unclaimed needs past the community's days (read in the same statement), oldest first: the monthly review's list. */
function reviewRead(db: TenantDb, now: Date) {
  // A day's margin: `forMonthlyReview` decides on the exact days.
  const cutoff = sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${now.toISOString()}, '-' || (${reviewDays} + 1) || ' days')`;
  return db
    .select({
      id: needs.id,
      title: needs.title,
      category: needs.category,
      stateSince: needs.stateSince,
      meToo: counted('me-too').as('me_too'),
    })
    .from(needs)
    .where(and(eq(needs.state, 'unclaimed'), sql`${needs.stateSince} <= ${cutoff}`))
    .orderBy(asc(needs.stateSince));
}

function reviewFrom(
  rows: { id: number; title: string; category: NeedCategory; stateSince: string; meToo: number }[],
  now: Date,
  days: number,
) {
  return rows
    .filter((r) => forMonthlyReview('unclaimed', r.stateSince, now, days))
    .map((r) => ({ ...r, meToo: Number(r.meToo), waitingDays: daysSince(r.stateSince, now) }));
}
