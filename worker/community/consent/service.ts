import type { BatchItem } from 'drizzle-orm/batch';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, clubs, communityProfile, consentObjections, consentWindows, memberRoles, members } from '../../db/tenant-schema';
import { notifyMember, notifyMembers } from '../notifications/emit';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { clubFundKey, ensureAccount } from '../ledger/service';
import { type ConsentSubject, type DecisionRule, consentState, effectiveRule, eventsOf } from './rules';

type Window = typeof consentWindows.$inferSelect;

/** The active members who are association administrators. */
export async function associationAdmins(db: TenantDb): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: members.id })
    .from(memberRoles)
    .innerJoin(members, eq(members.id, memberRoles.memberId))
    .where(and(eq(memberRoles.role, 'association-admin'), eq(members.status, 'active')))
    .orderBy(asc(members.id));
  return rows.map((r) => r.id);
}

export async function decisionSetting(db: TenantDb): Promise<{ rule: DecisionRule; days: number }> {
  const [row] = await db.select({ rule: communityProfile.decisionRule, days: communityProfile.consentDays }).from(communityProfile);
  return { rule: row?.rule ?? 'single', days: row?.days ?? 3 };
}

/**
 * Whether a plan now submitted goes to the administrators' consent, and whom to ask: all administrators when the
 * community decides by consent and has more than one; otherwise null (one administrator approves).
 */
export async function consentAsked(db: TenantDb): Promise<number[] | null> {
  const [{ rule }, admins] = await Promise.all([decisionSetting(db), associationAdmins(db)]);
  return effectiveRule(rule, admins.length) === 'consent' ? admins : null;
}

const subjectWord = { club: { zh: '社团申请', en: 'club proposal' }, activity: { zh: '活动预算', en: 'activity budget' } } as const;

/**
 * The statements that open (or open again) the window for a plan, and tell each administrator asked. `found` is
 * the SQL that selects the plan's id only when it is in the state that waits for approval, so the window opens in
 * the same batch as the plan's own write and only if that write took effect.
 */
export function openWindowStatements(
  db: TenantDb,
  subject: ConsentSubject,
  found: ReturnType<typeof sql>,
  asked: number[],
  title: string,
  days: number,
  at: string,
): BatchItem<'sqlite'>[] {
  const word = subjectWord[subject];
  return [
    db
      .insert(consentWindows)
      // Every column in the table's order; the id is the table's to give.
      .select(sql`SELECT NULL, ${subject}, id, ${at}, NULL, ${JSON.stringify(asked)}, NULL, NULL FROM (${found}) WHERE true`)
      .onConflictDoUpdate({
        target: [consentWindows.subject, consentWindows.subjectId],
        set: { openedAt: sql`excluded.opened_at`, restartedAt: null, asked: sql`excluded.asked`, outcome: null, decidedAt: null },
      }),
    // Objections from an earlier round are answered by the plan coming back.
    db
      .update(consentObjections)
      .set({ resolvedAt: at, resolution: 'revised' })
      .where(
        and(
          isNull(consentObjections.resolvedAt),
          sql`${consentObjections.raisedAt} < ${at}`,
          sql`${consentObjections.windowId} IN (SELECT w.id FROM consent_windows w WHERE w.subject = ${subject} AND w.opened_at = ${at} AND w.subject_id IN (SELECT id FROM (${found})))`,
        ),
      ),
    ...(asked.length > 0
      ? [
          ...notifyMembers(db, asked, {
            kind: 'consent.asked',
            params: { what: word, title, days },
            link: subject === 'club' ? '/clubs' : '/',
          }),
        ]
      : []),
  ];
}

/** The statements that start an open window again after the proposer revised the plan, answering its objections. */
export function restartStatements(db: TenantDb, subject: ConsentSubject, subjectId: number, at: string): BatchItem<'sqlite'>[] {
  const open = and(eq(consentWindows.subject, subject), eq(consentWindows.subjectId, subjectId), isNull(consentWindows.outcome));
  return [
    db
      .update(consentObjections)
      .set({ resolvedAt: at, resolution: 'revised' })
      .where(
        and(
          isNull(consentObjections.resolvedAt),
          inArray(consentObjections.windowId, db.select({ id: consentWindows.id }).from(consentWindows).where(open)),
        ),
      ),
    db.update(consentWindows).set({ restartedAt: at }).where(open),
  ];
}

/** The statement that drops a plan's open window (returned to draft, cancelled, closed). */
export function dropStatement(db: TenantDb, subject: ConsentSubject, subjectId: number, at: string) {
  return db
    .update(consentWindows)
    .set({ outcome: 'dropped', decidedAt: at })
    .where(and(eq(consentWindows.subject, subject), eq(consentWindows.subjectId, subjectId), isNull(consentWindows.outcome)));
}

async function openWindow(db: TenantDb, subject: ConsentSubject, subjectId: number): Promise<Window | undefined> {
  const [row] = await db
    .select()
    .from(consentWindows)
    .where(and(eq(consentWindows.subject, subject), eq(consentWindows.subjectId, subjectId), isNull(consentWindows.outcome)));
  return row;
}

async function objectionsOf(db: TenantDb, windowIds: number[]) {
  if (windowIds.length === 0) return [];
  return db.select().from(consentObjections).where(inArray(consentObjections.windowId, windowIds)).orderBy(asc(consentObjections.id));
}

/**
 * The reads `settleOpenWindows` needs, to run in a page's own batch: the open windows (with the community's days)
 * and their objections, both empty while the community decides by single approval. Few windows are open at a time.
 */
export function openWindowsReads(db: TenantDb, only?: { subject: ConsentSubject; subjectId: number }) {
  const open = and(
    isNull(consentWindows.outcome),
    only ? and(eq(consentWindows.subject, only.subject), eq(consentWindows.subjectId, only.subjectId)) : undefined,
  );
  const byConsent = eq(communityProfile.decisionRule, 'consent');
  return [
    db
      .select({ window: consentWindows, days: communityProfile.consentDays })
      .from(consentWindows)
      .innerJoin(communityProfile, byConsent)
      .where(open),
    db
      .select({ objection: consentObjections })
      .from(consentObjections)
      .innerJoin(consentWindows, eq(consentWindows.id, consentObjections.windowId))
      .innerJoin(communityProfile, byConsent)
      .where(open)
      .orderBy(asc(consentObjections.id)),
  ] as const;
}

type OpenWindowRows = [Awaited<ReturnType<typeof openWindowsReads>[0]>, Awaited<ReturnType<typeof openWindowsReads>[1]>];

/**
 * Approves, from the rows of `openWindowsReads`, every plan whose window has run out with no objection standing,
 * as of `now`. Says whether it approved any: a page read in the same batch is then out of date.
 */
export async function settleOpenWindows(db: TenantDb, [windows, objections]: OpenWindowRows, now: string): Promise<boolean> {
  let settled = false;
  for (const { window, days } of windows) {
    const state = consentState(
      eventsOf(
        window,
        objections.filter((o) => o.objection.windowId === window.id).map((o) => o.objection),
      ),
      days,
      now,
    );
    if (state.status !== 'approved' || !state.approvedAt) continue;
    await approve(db, window, state.approvedAt);
    settled = true;
  }
  return settled;
}

/**
 * Approves every plan whose window has run out with no objection standing, as of `now`. Called when a plan is read
 * or acted on, so the outcome never depends on when anyone looks: the approval is dated when silence ran its course.
 * Does nothing while the community decides by single approval (its administrators approve explicitly). A page
 * runs `openWindowsReads` in its own batch and calls `settleOpenWindows` instead.
 */
export async function settleConsent(db: TenantDb, now: string, only?: { subject: ConsentSubject; subjectId: number }) {
  const [windows, objections] = await db.batch(openWindowsReads(db, only));
  await settleOpenWindows(db, [windows, objections], now);
}

async function approve(db: TenantDb, window: Window, at: string) {
  const close = db
    .update(consentWindows)
    .set({ outcome: 'approved', decidedAt: at })
    .where(and(eq(consentWindows.id, window.id), isNull(consentWindows.outcome)));
  if (window.subject === 'club') {
    const [, moved] = await db.batch([
      close,
      db
        .update(clubs)
        .set({ status: 'active', approvedAt: at })
        .where(and(eq(clubs.id, window.subjectId), eq(clubs.status, 'proposed')))
        .returning({ name: clubs.name }),
    ]);
    const club = moved[0];
    if (club) await ensureAccount(db, clubFundKey(window.subjectId), 'fund', `${club.name}基金 / ${club.name} fund`, window.subjectId);
    return;
  }
  await db.batch([
    close,
    db
      .update(activities)
      .set({ state: 'approved', approvedAt: at })
      .where(and(eq(activities.id, window.subjectId), eq(activities.state, 'budget-submitted'))),
  ]);
}

/** Refuses an explicit approval while the plan is in the administrators' consent window. */
export async function refuseWhileInConsent(db: TenantDb, subject: ConsentSubject, subjectId: number) {
  const { rule, days } = await decisionSetting(db);
  if (rule !== 'consent') return;
  const window = await openWindow(db, subject, subjectId);
  if (!window) return;
  const state = consentState(eventsOf(window, await objectionsOf(db, [window.id])), days, new Date().toISOString());
  throw new AppError(
    'conflict',
    `This community approves by consent: approved on ${state.deadline} unless an administrator objects; object or wait`,
  );
}

/** The window a plan is in, for its page: who was asked, until when, and the objections with their reasons. */
export async function consentView(db: TenantDb, subject: ConsentSubject, subjectId: number, now: string) {
  await settleConsent(db, now, { subject, subjectId });
  const { rule, days } = await decisionSetting(db);
  const [window] = await db
    .select()
    .from(consentWindows)
    .where(and(eq(consentWindows.subject, subject), eq(consentWindows.subjectId, subjectId)));
  if (!window || window.outcome === 'dropped') return { rule, days, window: null };
  const objections = await objectionsOf(db, [window.id]);
  const people = [...new Set([...window.asked, ...objections.map((o) => o.objectorMemberId)])];
  const names = new Map(
    (people.length
      ? await db.select({ id: members.id, displayName: members.displayName }).from(members).where(inArray(members.id, people))
      : []
    ).map((m) => [m.id, m.displayName]),
  );
  const person = (id: number) => ({ id, displayName: names.get(id) ?? '' });
  const state = consentState(eventsOf(window, objections), days, now);
  const current = objections.filter((o) => o.raisedAt >= window.openedAt);
  return {
    rule,
    days,
    window: {
      status: window.outcome === 'approved' ? ('approved' as const) : state.status,
      openedAt: window.openedAt,
      windowStart: state.windowStart,
      deadline: state.deadline,
      approvedAt: window.decidedAt ?? state.approvedAt,
      asked: window.asked.map(person),
      objections: current.map((o) => ({
        id: o.id,
        objector: person(o.objectorMemberId),
        reason: o.reason,
        raisedAt: o.raisedAt,
        resolvedAt: o.resolvedAt,
        resolution: o.resolution,
      })),
    },
  };
}

/** An administrator objects, with a reason, inside the window; the proposer is told. */
export async function object(
  db: TenantDb,
  subject: ConsentSubject,
  subjectId: number,
  admin: MemberContext,
  reason: string,
  proposer: { memberId: number; title: string },
) {
  const now = new Date().toISOString();
  await settleConsent(db, now, { subject, subjectId });
  const window = await openWindow(db, subject, subjectId);
  if (!window) throw new AppError('conflict', 'Nothing here is waiting for consent');
  const word = subjectWord[subject];
  const [inserted] = await db.batch([
    db
      .insert(consentObjections)
      .values({ windowId: window.id, objectorMemberId: admin.id, reason, raisedAt: now })
      .returning({ id: consentObjections.id }),
    notifyMember(db, proposer.memberId, {
      kind: 'consent.objection',
      params: { who: admin.displayName, what: word, title: proposer.title, reason },
      link: subject === 'club' ? `/clubs/${subjectId}` : `/activities/${subjectId}`,
    }),
  ]);
  return inserted[0]!.id;
}

/** The objector withdraws their objection; if the window has run out and nothing else stands, the plan is approved. */
export async function withdrawObjection(db: TenantDb, subject: ConsentSubject, subjectId: number, objectionId: number) {
  const now = new Date().toISOString();
  const window = await openWindow(db, subject, subjectId);
  const updated = window
    ? await db
        .update(consentObjections)
        .set({ resolvedAt: now, resolution: 'withdrawn' })
        .where(and(eq(consentObjections.id, objectionId), eq(consentObjections.windowId, window.id), isNull(consentObjections.resolvedAt)))
        .returning({ id: consentObjections.id })
    : [];
  if (updated.length === 0) throw new AppError('conflict', 'This objection no longer stands');
  await settleConsent(db, now, { subject, subjectId });
}
