import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { bookings, communityProfile, members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { checkBookingLength, clashesWith, getSpace, isOverlap, withinOpeningHours } from '../bookings/service';
import { ensureAccount } from '../ledger/service';
import { communitySettings } from '../profile/service';
import { courseFee, scheduleProblems, type SessionInput, waitlistPosition } from './rules';
import { courseEnrolments, courseSessions, courseTerms, courses } from './schema';

export type Course = typeof courses.$inferSelect;

/** The ledger account a course's fees are paid into. */
export const courseAccountKey = (courseId: number) => `course:${courseId}`;

export function courseAccount(db: TenantDb, course: Pick<Course, 'id' | 'title'>) {
  return ensureAccount(db, courseAccountKey(course.id), 'fund', `社区大学·${course.title}`);
}

export async function listTerms(db: TenantDb) {
  return db.select().from(courseTerms).orderBy(asc(courseTerms.startsOn));
}

export async function createTerm(db: TenantDb, input: { name: string; startsOn: string; endsOn: string }) {
  if (input.endsOn < input.startsOn)
    throw new AppError('validation_failed', 'A term ends on or after its first day', { endsOn: ['On or after the first day'] });
  const [row] = await db.insert(courseTerms).values(input).onConflictDoNothing().returning({ id: courseTerms.id });
  if (!row) throw new AppError('validation_failed', 'There is already a term of that name', { name: ['Already used'] });
  return row.id;
}

async function getTerm(db: TenantDb, id: number) {
  const [term] = await db.select().from(courseTerms).where(eq(courseTerms.id, id));
  return term;
}

export async function getCourse(db: TenantDb, id: number): Promise<Course> {
  const [course] = await db.select().from(courses).where(eq(courses.id, id));
  if (!course) throw new AppError('not_found', 'No such course');
  return course;
}

/** The community's time zone, read in a page's batch. */
function timeZoneRead(db: TenantDb) {
  return db.select({ timeZone: communityProfile.timeZone }).from(communityProfile).limit(1);
}

function timeZoneFrom(rows: { timeZone: string }[]) {
  const row = rows[0];
  if (!row) throw new AppError('not_ready', 'This community is not set up yet');
  return row.timeZone;
}

/** A term with its courses: each one's teacher, places taken and first session, in one batch. */
export async function termView(db: TenantDb, termId: number) {
  const [terms, rows, zone] = await db.batch([
    db.select().from(courseTerms).where(eq(courseTerms.id, termId)),
    db
      .select({
        id: courses.id,
        title: courses.title,
        teacherName: sql<string>`COALESCE(${members.displayName}, ${courses.teacherName})`.as('teacher'),
        ageMin: courses.ageMin,
        ageMax: courses.ageMax,
        place: courses.place,
        feeFen: courses.feeFen,
        minEnrolment: courses.minEnrolment,
        maxEnrolment: courses.maxEnrolment,
        enrolmentDeadline: courses.enrolmentDeadline,
        status: courses.status,
        enrolled: sql<number>`(SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = ${courses.id} AND e.status = 'enrolled')`,
        sessions: sql<number>`(SELECT COUNT(*) FROM course_sessions s WHERE s.course_id = ${courses.id})`,
        firstSession: sql<string | null>`(SELECT MIN(s.starts_at) FROM course_sessions s WHERE s.course_id = ${courses.id})`,
      })
      .from(courses)
      .leftJoin(members, eq(members.id, courses.teacherMemberId))
      .where(eq(courses.termId, termId))
      .orderBy(asc(courses.id)),
    timeZoneRead(db),
  ]);
  const term = terms[0];
  if (!term) throw new AppError('not_found', 'No such term');
  return {
    term,
    timeZone: timeZoneFrom(zone),
    courses: rows.map((r) => ({ ...r, enrolled: Number(r.enrolled), sessions: Number(r.sessions) })),
  };
}

export interface CourseInput {
  termId: number;
  title: string;
  description: string;
  teacherMemberId: number | null;
  teacherName: string;
  teacherNote: string;
  ageMin: number | null;
  ageMax: number | null;
  spaceId: number | null;
  place: string;
  costFen: number;
  minEnrolment: number;
  maxEnrolment: number;
  enrolmentDeadline: string;
  sessions: SessionInput[];
}

async function checkCourse(db: TenantDb, input: CourseInput) {
  const term = await getTerm(db, input.termId);
  if (!term) throw new AppError('validation_failed', 'No such term', { termId: ['No such term'] });
  if (input.minEnrolment > input.maxEnrolment)
    throw new AppError('validation_failed', 'The minimum is at most the maximum', { minEnrolment: ['At most the maximum'] });
  if (input.ageMin !== null && input.ageMax !== null && input.ageMin > input.ageMax)
    throw new AppError('validation_failed', 'The youngest age is at most the oldest', { ageMin: ['At most the oldest age'] });
  if (input.teacherMemberId === null && input.teacherName.trim() === '')
    throw new AppError('validation_failed', 'Name the teacher: a member, or someone from outside', { teacherName: ['Required'] });
  if (input.teacherMemberId !== null) {
    const [teacher] = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, input.teacherMemberId), eq(members.status, 'active')));
    if (!teacher) throw new AppError('validation_failed', 'No such member', { teacherMemberId: ['No such member'] });
  }
  const { timeZone } = await communitySettings(db);
  const problems = scheduleProblems(input.sessions, term, timeZone);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      `Sessions must fall within the term (${term.startsOn} – ${term.endsOn}) and end after they start`,
      {
        sessions: problems.map((p) => `${p.index + 1}: ${p.problem}`),
      },
    );
  const firstSession = input.sessions.map((s) => Date.parse(s.startsAt)).sort((a, b) => a - b)[0];
  if (firstSession !== undefined && Date.parse(input.enrolmentDeadline) > firstSession)
    throw new AppError('validation_failed', 'Enrolment closes before the first session', {
      enrolmentDeadline: ['Before the first session'],
    });
  if (input.spaceId === null) {
    if (input.place.trim() === '') throw new AppError('validation_failed', 'Give a place or choose a space', { place: ['Required'] });
    return { space: null, place: input.place.trim() };
  }
  const space = await getSpace(db, input.spaceId);
  if (!space) throw new AppError('validation_failed', 'No such space', { spaceId: ['No such space'] });
  if (input.maxEnrolment > space.capacity)
    throw new AppError('validation_failed', `${space.name} holds at most ${space.capacity} people`, {
      maxEnrolment: [`At most ${space.capacity}`],
    });
  for (const s of input.sessions) {
    checkBookingLength(s.startsAt, s.endsAt);
    if (!withinOpeningHours(space, s.startsAt, s.endsAt))
      throw new AppError('validation_failed', `${space.name} is open ${space.opensAt}–${space.closesAt}; a session falls outside`, {
        sessions: [`Within the opening hours ${space.opensAt}–${space.closesAt}`],
      });
  }
  return { space, place: space.name };
}

async function surplusRate(db: TenantDb) {
  const [profile] = await db.select({ rate: communityProfile.surplusRatePercent }).from(communityProfile);
  return profile?.rate ?? 8;
}

/**
 * A coordinator creates a course with its sessions. When it has a space, each session books it through the bookings
 * table in the same batch, so the no-overlap trigger refuses a clash and nothing is written (409 naming who holds it).
 */
export async function createCourse(db: TenantDb, createdBy: number, input: CourseInput) {
  const { space, place } = await checkCourse(db, input);
  const surplusRatePercent = await surplusRate(db);
  const feeFen = courseFee({ costFen: input.costFen, minEnrolment: input.minEnrolment, surplusRatePercent });
  const title = input.title.trim();
  const sessions = [...input.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  // Inside the batch (one transaction) the newest course is the one just inserted.
  const newest = sql`(SELECT MAX(id) FROM courses)`;
  const statements = [
    db.insert(courses).values({
      termId: input.termId,
      title,
      description: input.description,
      teacherMemberId: input.teacherMemberId,
      teacherName: input.teacherMemberId === null ? input.teacherName.trim() : '',
      teacherNote: input.teacherNote,
      ageMin: input.ageMin,
      ageMax: input.ageMax,
      spaceId: space?.id ?? null,
      place,
      costFen: input.costFen,
      surplusRatePercent,
      feeFen,
      minEnrolment: input.minEnrolment,
      maxEnrolment: input.maxEnrolment,
      enrolmentDeadline: new Date(input.enrolmentDeadline).toISOString(),
      createdBy,
    }),
    ...sessions.flatMap((s) => {
      const startsAt = new Date(s.startsAt).toISOString();
      const endsAt = new Date(s.endsAt).toISOString();
      if (!space) return [db.insert(courseSessions).select(sql`SELECT NULL, ${newest}, ${startsAt}, ${endsAt}, NULL`)];
      return [
        db.insert(bookings).values({
          spaceId: space.id,
          clubId: null,
          bookedBy: createdBy,
          startsAt,
          endsAt,
          purpose: `社区大学：${title}`,
          people: input.maxEnrolment,
          status: 'active',
        }),
        db.insert(courseSessions).select(sql`SELECT NULL, ${newest}, ${startsAt}, ${endsAt}, last_insert_rowid()`),
      ];
    }),
  ];
  try {
    await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  } catch (error) {
    if (!space || !isOverlap(error)) throw error;
    const clashes = await clashesWith(db, space.id, sessions);
    throw new AppError('conflict', `${space.name} is already booked for some sessions`, {
      clashes: clashes.map((c) => `${c.who} ${c.startsAt} – ${c.endsAt}${c.purpose ? ` ${c.purpose}` : ''}`),
    });
  }
  const [row] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.createdBy, createdBy), eq(courses.title, title)))
    .orderBy(sql`${courses.id} DESC`)
    .limit(1);
  if (!row) throw new Error('the course was not written');
  await courseAccount(db, { id: row.id, title });
  return row.id;
}

export interface CourseChanges {
  title?: string;
  description?: string;
  teacherMemberId?: number | null;
  teacherName?: string;
  teacherNote?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  minEnrolment?: number;
  maxEnrolment?: number;
  enrolmentDeadline?: string;
}

/** A coordinator edits a course while it is enrolling; its sessions, place and fee stay as created. */
export async function updateCourse(db: TenantDb, id: number, changes: CourseChanges) {
  const course = await getCourse(db, id);
  if (course.status !== 'enrolling') throw new AppError('conflict', 'Only a course still enrolling can be edited');
  const next = { ...course, ...changes };
  if (next.minEnrolment > next.maxEnrolment)
    throw new AppError('validation_failed', 'The minimum is at most the maximum', { minEnrolment: ['At most the maximum'] });
  if (next.ageMin !== null && next.ageMax !== null && next.ageMin > next.ageMax)
    throw new AppError('validation_failed', 'The youngest age is at most the oldest', { ageMin: ['At most the oldest age'] });
  if (next.teacherMemberId === null && next.teacherName.trim() === '')
    throw new AppError('validation_failed', 'Name the teacher', { teacherName: ['Required'] });
  const values = {
    ...changes,
    ...(changes.enrolmentDeadline ? { enrolmentDeadline: new Date(changes.enrolmentDeadline).toISOString() } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await db
    .update(courses)
    .set(values)
    .where(and(eq(courses.id, id), eq(courses.status, 'enrolling')));
}

/**
 * A course with its sessions and, for a signed-in member (`viewerUserId`), their own enrolments and places in the
 * queue, in one batch: the course's term and teacher, and the viewer's membership, are found by sub-selects.
 */
export async function courseDetail(db: TenantDb, id: number, viewerUserId: string | null) {
  const termOf = sql`(SELECT c.term_id FROM courses c WHERE c.id = ${id})`;
  const viewer = sql`(SELECT m.id FROM members m WHERE m.user_id = ${viewerUserId ?? ''} AND m.status = 'active')`;
  const [courseRows, term, teacher, sessions, counts, mine, queue, zone] = await db.batch([
    db.select().from(courses).where(eq(courses.id, id)),
    db.select().from(courseTerms).where(eq(courseTerms.id, termOf)),
    db
      .select({ name: members.displayName })
      .from(members)
      .where(eq(members.id, sql`(SELECT c.teacher_member_id FROM courses c WHERE c.id = ${id})`)),
    db.select().from(courseSessions).where(eq(courseSessions.courseId, id)).orderBy(asc(courseSessions.startsAt)),
    db
      .select({ status: courseEnrolments.status, n: sql<number>`COUNT(*)` })
      .from(courseEnrolments)
      .where(eq(courseEnrolments.courseId, id))
      .groupBy(courseEnrolments.status),
    db
      .select()
      .from(courseEnrolments)
      .where(and(eq(courseEnrolments.courseId, id), eq(courseEnrolments.memberId, viewer)))
      .orderBy(asc(courseEnrolments.id)),
    db
      .select({ id: courseEnrolments.id, createdAt: courseEnrolments.createdAt })
      .from(courseEnrolments)
      .where(and(eq(courseEnrolments.courseId, id), eq(courseEnrolments.status, 'waitlisted'))),
    timeZoneRead(db),
  ]);
  const found = courseRows[0];
  if (!found) throw new AppError('not_found', 'No such course');
  return courseView(found, term[0]?.name ?? '', teacher[0]?.name ?? null, sessions, counts, mine, queue, timeZoneFrom(zone));
}

function courseView(
  course: Course,
  termName: string,
  teacherName: string | null,
  sessions: (typeof courseSessions.$inferSelect)[],
  counts: { status: string; n: number }[],
  mine: (typeof courseEnrolments.$inferSelect)[],
  queue: { id: number; createdAt: string }[],
  timeZone: string,
) {
  const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    timeZone,
    id: course.id,
    termId: course.termId,
    termName,
    title: course.title,
    description: course.description,
    teacherMemberId: course.teacherMemberId,
    teacherName: teacherName ?? course.teacherName,
    teacherNote: course.teacherNote,
    ageMin: course.ageMin,
    ageMax: course.ageMax,
    spaceId: course.spaceId,
    place: course.place,
    costFen: course.costFen,
    surplusRatePercent: course.surplusRatePercent,
    feeFen: course.feeFen,
    minEnrolment: course.minEnrolment,
    maxEnrolment: course.maxEnrolment,
    enrolmentDeadline: course.enrolmentDeadline,
    status: course.status,
    decidedAt: course.decidedAt,
    enrolled: count('enrolled'),
    waitlisted: count('waitlisted'),
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })),
    mine: mine.map((e) => ({
      id: e.id,
      childName: e.childName,
      status: e.status,
      feeFen: e.feeFen,
      paid: e.paymentRef !== null && e.feeFen > 0,
      refunded: e.refundRef !== null,
      position: e.status === 'waitlisted' ? waitlistPosition(queue, e.id) : null,
    })),
  };
}

/** Cancels the bookings that held a course's rooms (in the caller's batch). */
export function releaseRoomsStatement(db: TenantDb, courseId: number, when: SQL) {
  return db
    .update(bookings)
    .set({ status: 'cancelled' })
    .where(
      and(
        inArray(bookings.id, db.select({ id: courseSessions.bookingId }).from(courseSessions).where(eq(courseSessions.courseId, courseId))),
        when,
      ),
    );
}
