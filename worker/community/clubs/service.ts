import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { SETTLE_WITHIN_DAYS, announcedStates } from '../activities/rules';
import { isAdmin } from '../../auth/roles';
import { seesOrganiserNames, seesResidentNames } from '../members/rules';
import {
  activities,
  activitySettlements,
  clubHandovers,
  clubMembers,
  clubs,
  communityProfile,
  ledgerAccounts,
  ledgerPostings,
  members,
  programs,
} from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { clubFundKey, ensureAccount } from '../ledger/service';
import { notifyMember } from '../notifications/emit';
import { settingsFrom, settingsRead } from '../profile/service';
import { type ClubStatus, canMoveClub } from './rules';
import {
  consentAsked,
  decisionSetting,
  dropStatement,
  openWindowStatements,
  openWindowsReads,
  refuseWhileInConsent,
  restartStatements,
  settleOpenWindows,
} from '../consent/service';

/** Settled within this many days of the activity's end counts as "published on time". */

export async function getClub(db: TenantDb, id: number) {
  const [club] = await db.select().from(clubs).where(eq(clubs.id, id));
  if (!club) throw new AppError('not_found', 'No such club');
  return club;
}

export async function clubRole(db: TenantDb, clubId: number, memberId: number) {
  const [row] = await db
    .select({ role: clubMembers.role })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.memberId, memberId)));
  return row?.role ?? null;
}

export function listClubs(db: TenantDb, status?: ClubStatus) {
  return db
    .select({
      id: clubs.id,
      name: clubs.name,
      purpose: clubs.purpose,
      programKey: clubs.programKey,
      meetingPattern: clubs.meetingPattern,
      status: clubs.status,
      // Named apart from the club's id: a batched read answers rows by column name, where two `id`s would be one.
      responsible: { id: sql<number>`${members.id}`.as('responsible_id'), displayName: members.displayName },
      memberCount: sql<number>`(SELECT COUNT(*) FROM ${clubMembers} WHERE ${clubMembers.clubId} = ${clubs.id})`,
      fundBalanceFen: sql<number>`COALESCE((SELECT SUM(p.amount_fen) FROM ${ledgerPostings} p JOIN ${ledgerAccounts} a ON a.id = p.account_id WHERE a.club_id = ${clubs.id} AND a.kind = 'fund'), 0)`,
      settledActivities: sql<number>`(SELECT COUNT(*) FROM ${activitySettlements} s JOIN ${activities} a ON a.id = s.activity_id WHERE a.club_id = ${clubs.id})`,
      settledOnTime: sql<number>`(SELECT COUNT(*) FROM ${activitySettlements} s JOIN ${activities} a ON a.id = s.activity_id WHERE a.club_id = ${clubs.id} AND julianday(s.recorded_at) - julianday(a.ends_at) <= ${SETTLE_WITHIN_DAYS})`,
    })
    .from(clubs)
    .innerJoin(members, eq(members.id, clubs.responsibleMemberId))
    .where(status ? eq(clubs.status, status) : undefined)
    .orderBy(asc(clubs.name));
}

/**
 * The clubs with the settings that say whose names visitors see, in one round trip; plans whose consent window ran
 * out are approved first (read in the same batch, so only the view that approves them reads twice).
 */
export async function clubList(db: TenantDb, status: ClubStatus | undefined, now: string) {
  const read = () => db.batch([...openWindowsReads(db), listClubs(db, status), settingsRead(db)]);
  let rows = await read();
  if (await settleOpenWindows(db, [rows[0], rows[1]], now)) rows = await read();
  const [, , clubRows, settings] = rows;
  return { clubs: clubRows, settings: settingsFrom(settings) };
}

/**
 * A club's page: purpose, who is responsible, members, activities before and after now, its fund. Visitors see
 * no member's name (the responsible person's only where the community shows organisers' names); the activities
 * listed are those announced, plus, for the club's responsible person and the admins, every one, and for an
 * organiser their own. A plan whose consent window ran out is approved first (read in the same batch, so the page
 * costs a second round trip only on the view that approves it).
 */
export async function clubDetail(db: TenantDb, id: number, now: string, viewer: MemberContext | null) {
  // One batch: whether the viewer is the club's responsible person, and the club's program, are sub-selects.
  const responsibleId = sql`(SELECT c.responsible_member_id FROM clubs c WHERE c.id = ${id})`;
  const shown =
    viewer !== null && isAdmin(viewer)
      ? undefined
      : or(
          inArray(activities.state, [...announcedStates]),
          eq(activities.responsibleMemberId, viewer?.id ?? -1),
          sql`${viewer?.id ?? -1} = ${responsibleId}`,
        );
  const read = () =>
    db.batch([
      ...openWindowsReads(db, { subject: 'club', subjectId: id }),
      db.select().from(clubs).where(eq(clubs.id, id)),
      db.select({ organiserNamesPublic: communityProfile.organiserNamesPublic }).from(communityProfile).limit(1),
      db.select({ id: members.id, displayName: members.displayName }).from(members).where(eq(members.id, responsibleId)),
      db
        .select({ id: members.id, displayName: members.displayName, role: clubMembers.role })
        .from(clubMembers)
        .innerJoin(members, eq(members.id, clubMembers.memberId))
        .where(eq(clubMembers.clubId, id))
        .orderBy(desc(clubMembers.role), asc(clubMembers.joinedAt)),
      db
        .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, state: activities.state })
        .from(activities)
        .where(and(eq(activities.clubId, id), gte(activities.startsAt, now), shown))
        .orderBy(asc(activities.startsAt))
        .limit(20),
      db
        .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, state: activities.state })
        .from(activities)
        .where(and(eq(activities.clubId, id), lt(activities.startsAt, now), shown))
        .orderBy(desc(activities.startsAt))
        .limit(20),
      db
        // Qualified by hand: in a one-table select the query builder leaves column names bare.
        .select({
          key: ledgerAccounts.key,
          balanceFen: sql<number>`COALESCE((SELECT SUM(p.amount_fen) FROM ledger_postings p WHERE p.account_id = ledger_accounts.id), 0)`,
        })
        .from(ledgerAccounts)
        .where(eq(ledgerAccounts.key, clubFundKey(id))),
      db
        .select({ key: programs.key, nameZh: programs.nameZh, nameEn: programs.nameEn })
        .from(programs)
        .where(eq(programs.key, sql`(SELECT c.program_key FROM clubs c WHERE c.id = ${id})`)),
      db
        .select()
        .from(clubHandovers)
        .where(and(eq(clubHandovers.clubId, id), eq(clubHandovers.status, 'offered'))),
    ]);
  let rows = await read();
  if (await settleOpenWindows(db, [rows[0], rows[1]], now)) rows = await read();
  const [, , clubRows, settings, responsible, memberRows, upcoming, past, fund, program, handovers] = rows;
  const club = clubRows[0];
  if (!club) throw new AppError('not_found', 'No such club');
  const organiserNamesPublic = settings[0]?.organiserNamesPublic ?? false;
  const handover = handovers[0];
  return {
    ...club,
    program: program[0] ? { key: program[0].key, name: { zh: program[0].nameZh, en: program[0].nameEn } } : null,
    responsible: seesOrganiserNames(viewer, organiserNamesPublic) ? (responsible[0] ?? null) : null,
    members: seesResidentNames(viewer) ? memberRows : [],
    memberCount: memberRows.length,
    upcoming,
    past,
    fund: fund[0] ? { key: fund[0].key, balanceFen: Number(fund[0].balanceFen) } : null,
    pendingHandover: handover ? { id: handover.id, toMemberId: handover.toMemberId } : null,
  };
}

/** 谁主张谁负责: the proposer becomes the club's responsible person and first leader. */
export async function proposeClub(
  db: TenantDb,
  proposer: MemberContext,
  input: { name: string; purpose: string; programKey?: string; meetingPattern?: string },
) {
  if (input.programKey) {
    const [program] = await db.select({ key: programs.key }).from(programs).where(eq(programs.key, input.programKey));
    if (!program) throw new AppError('validation_failed', 'No such program', { programKey: ['No such program'] });
  }
  // Under consent, every administrator is asked in the same batch; the window finds only the club just proposed.
  const asked = await consentAsked(db);
  const { days } = await decisionSetting(db);
  const at = new Date().toISOString();
  const consent = asked
    ? openWindowStatements(
        db,
        'club',
        sql`SELECT c.id FROM clubs c WHERE c.name = ${input.name} AND c.status = 'proposed' AND c.responsible_member_id = ${proposer.id}
              AND NOT EXISTS (SELECT 1 FROM consent_windows w WHERE w.subject = 'club' AND w.subject_id = c.id)`,
        asked,
        input.name,
        days,
        at,
      )
    : [];
  // One batch: the club and its first leader together; the second statement finds only a club that has no one yet.
  const [inserted] = await db.batch([
    db
      .insert(clubs)
      .values({
        name: input.name,
        purpose: input.purpose,
        programKey: input.programKey ?? null,
        meetingPattern: input.meetingPattern ?? null,
        status: 'proposed',
        responsibleMemberId: proposer.id,
      })
      .onConflictDoNothing({ target: clubs.name })
      .returning({ id: clubs.id }),
    db.insert(clubMembers).select(
      sql`SELECT c.id, ${proposer.id}, 'leader', strftime('%Y-%m-%dT%H:%M:%fZ','now') FROM clubs c
          WHERE c.name = ${input.name} AND c.responsible_member_id = ${proposer.id}
            AND NOT EXISTS (SELECT 1 FROM club_members m WHERE m.club_id = c.id)`,
    ),
    ...consent,
  ]);
  const club = inserted[0];
  if (!club) throw new AppError('conflict', 'A club with this name already exists', { name: ['A club with this name already exists'] });
  return club.id;
}

/** Approval (proposed → active) opens the club's fund; association administrators move clubs between states. */
export async function moveClub(db: TenantDb, id: number, to: ClubStatus, admin: MemberContext) {
  const club = await getClub(db, id);
  if (!canMoveClub(club.status, to)) throw new AppError('conflict', `A ${club.status} club cannot become ${to}`);
  if (club.status === 'proposed' && to === 'active') await refuseWhileInConsent(db, 'club', id);
  if (club.status === 'proposed' && to === 'closed') await dropStatement(db, 'club', id, new Date().toISOString());
  const updated = await db
    .update(clubs)
    .set({
      status: to,
      ...(club.status === 'proposed' && to === 'active' ? { approvedBy: admin.id, approvedAt: new Date().toISOString() } : {}),
    })
    .where(and(eq(clubs.id, id), eq(clubs.status, club.status)))
    .returning({ id: clubs.id });
  if (updated.length === 0) throw new AppError('conflict', 'The club changed meanwhile; reload');
  if (to === 'active') await ensureAccount(db, clubFundKey(id), 'fund', `${club.name}基金 / ${club.name} fund`, id);
}

export async function joinClub(db: TenantDb, id: number, member: MemberContext) {
  const club = await getClub(db, id);
  if (club.status !== 'active') throw new AppError('conflict', 'Only active clubs take new members');
  await db.insert(clubMembers).values({ clubId: id, memberId: member.id, role: 'member' }).onConflictDoNothing();
}

export async function leaveClub(db: TenantDb, id: number, member: MemberContext) {
  const club = await getClub(db, id);
  if (club.responsibleMemberId === member.id) throw new AppError('conflict', 'Hand over responsibility before leaving the club');
  await db.delete(clubMembers).where(and(eq(clubMembers.clubId, id), eq(clubMembers.memberId, member.id)));
}

/** Only the responsible person offers a handover; it takes effect when the new person accepts it. */
export async function offerHandover(db: TenantDb, id: number, from: MemberContext, toMemberId: number) {
  const club = await getClub(db, id);
  if (toMemberId === from.id) throw new AppError('validation_failed', 'Choose someone else', { toMemberId: ['Choose someone else'] });
  if ((await clubRole(db, id, toMemberId)) === null)
    throw new AppError('validation_failed', 'The new responsible person must be a member of the club', {
      toMemberId: ['Not a member of this club'],
    });
  const [offerer] = await db.select({ name: members.displayName }).from(members).where(eq(members.id, from.id));
  // An open offer is withdrawn and the new one made, with its notification, in one batch.
  const [, inserted] = await db.batch([
    db
      .update(clubHandovers)
      .set({ status: 'withdrawn', decidedAt: new Date().toISOString() })
      .where(and(eq(clubHandovers.clubId, id), eq(clubHandovers.status, 'offered'))),
    db
      .insert(clubHandovers)
      .values({ clubId: id, fromMemberId: from.id, toMemberId, status: 'offered' })
      .returning({ id: clubHandovers.id }),
    notifyMember(db, toMemberId, {
      kind: 'club.handover-offered',
      params: { club: club.name, from: offerer?.name ?? '' },
      link: `/clubs/${id}`,
    }),
  ]);
  return inserted[0]!.id;
}

export async function decideHandover(db: TenantDb, clubId: number, handoverId: number, member: MemberContext, accept: boolean) {
  const [handover] = await db
    .select()
    .from(clubHandovers)
    .where(and(eq(clubHandovers.id, handoverId), eq(clubHandovers.clubId, clubId)));
  if (handover?.status !== 'offered') throw new AppError('not_found', 'No open handover');
  const decidedAt = new Date().toISOString();
  if (!accept) {
    await db.update(clubHandovers).set({ status: 'declined', decidedAt }).where(eq(clubHandovers.id, handoverId));
    return;
  }
  // One batch: the club changes hands only together with the record of it.
  await db.batch([
    db
      .update(clubHandovers)
      .set({ status: 'accepted', decidedAt })
      .where(and(eq(clubHandovers.id, handoverId), eq(clubHandovers.status, 'offered'))),
    db
      .update(clubs)
      .set({ responsibleMemberId: member.id })
      .where(and(eq(clubs.id, clubId), eq(clubs.responsibleMemberId, handover.fromMemberId))),
    db
      .update(clubMembers)
      .set({ role: 'leader' })
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.memberId, member.id))),
    // The former responsible person stays in the club as a member: their powers (approving budgets, reading rosters,
    // voting for the club in the federation) go with the responsibility.
    db
      .update(clubMembers)
      .set({ role: 'member' })
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.memberId, handover.fromMemberId))),
  ]);
}

export async function clubHandoverLog(db: TenantDb, clubId: number) {
  return db.select().from(clubHandovers).where(eq(clubHandovers.clubId, clubId)).orderBy(desc(clubHandovers.offeredAt));
}

/**
 * The responsible person revises a proposed club (name, purpose, program, meeting pattern). Under consent this
 * answers the standing objections and starts the administrators' window again, in the same batch.
 */
export async function reviseClub(
  db: TenantDb,
  id: number,
  input: { name: string; purpose: string; programKey?: string | null; meetingPattern?: string | null },
) {
  const club = await getClub(db, id);
  if (club.status !== 'proposed') throw new AppError('conflict', 'Only a proposed club can be revised');
  if (input.programKey) {
    const [program] = await db.select({ key: programs.key }).from(programs).where(eq(programs.key, input.programKey));
    if (!program) throw new AppError('validation_failed', 'No such program', { programKey: ['No such program'] });
  }
  const [clash] = await db
    .select({ id: clubs.id })
    .from(clubs)
    .where(and(eq(clubs.name, input.name), ne(clubs.id, id)));
  if (clash) throw new AppError('conflict', 'A club with this name already exists', { name: ['A club with this name already exists'] });
  await db.batch([
    db
      .update(clubs)
      .set({ name: input.name, purpose: input.purpose, programKey: input.programKey ?? null, meetingPattern: input.meetingPattern ?? null })
      .where(and(eq(clubs.id, id), eq(clubs.status, 'proposed'))),
    ...restartStatements(db, 'club', id, new Date().toISOString()),
  ]);
}
