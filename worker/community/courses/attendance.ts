import { and, asc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { courseAttendance, courseEnrolments, courseSessions } from './schema';
import { getCourse } from './service';
import { settingsFrom, settingsRead } from '../profile/service';

/** The teacher's sheet: everyone enrolled, each session, and who was marked present. */
export async function attendanceSheet(db: TenantDb, courseId: number) {
  const course = await getCourse(db, courseId);
  const [people, sessions, marks] = await db.batch([
    db
      .select({ id: courseEnrolments.id, memberName: members.displayName, childName: courseEnrolments.childName })
      .from(courseEnrolments)
      .innerJoin(members, eq(members.id, courseEnrolments.memberId))
      .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.status, 'enrolled')))
      .orderBy(asc(courseEnrolments.id)),
    db.select().from(courseSessions).where(eq(courseSessions.courseId, courseId)).orderBy(asc(courseSessions.startsAt)),
    db
      .select({ sessionId: courseAttendance.sessionId, enrolmentId: courseAttendance.enrolmentId, present: courseAttendance.present })
      .from(courseAttendance)
      .innerJoin(courseSessions, eq(courseSessions.id, courseAttendance.sessionId))
      .where(eq(courseSessions.courseId, courseId)),
  ]);
  return {
    course: { id: course.id, title: course.title, status: course.status },
    enrolments: people.map((p) => ({ id: p.id, name: p.childName || p.memberName, guardian: p.childName ? p.memberName : null })),
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      marked: marks.some((m) => m.sessionId === s.id),
      present: marks.filter((m) => m.sessionId === s.id && m.present).map((m) => m.enrolmentId),
    })),
  };
}

/**
 * Marks a session's attendance: everyone enrolled is present or absent, written in one batch (a second marking
 * replaces the first). Only an open course is taught.
 */
export async function markAttendance(db: TenantDb, courseId: number, sessionId: number, present: number[], by: number) {
  const course = await getCourse(db, courseId);
  const [session] = await db
    .select({ id: courseSessions.id })
    .from(courseSessions)
    .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, courseId)));
  if (!session) throw new AppError('not_found', 'No such session');
  if (course.status !== 'open') throw new AppError('conflict', 'Attendance is kept once the course has opened');
  const enrolled = await db
    .select({ id: courseEnrolments.id })
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.status, 'enrolled')));
  const ids = new Set(enrolled.map((e) => e.id));
  const strangers = present.filter((id) => !ids.has(id));
  if (strangers.length > 0)
    throw new AppError('validation_failed', 'Mark only people enrolled on the course', { present: strangers.map(String) });
  if (enrolled.length === 0) return 0;
  const statements = [
    db.delete(courseAttendance).where(eq(courseAttendance.sessionId, sessionId)),
    // D1 binds at most 100 values per statement: 20 rows of four each.
    ...Array.from({ length: Math.ceil(enrolled.length / 20) }, (_, k) =>
      db
        .insert(courseAttendance)
        .values(
          enrolled.slice(k * 20, k * 20 + 20).map((e) => ({ sessionId, enrolmentId: e.id, present: present.includes(e.id), markedBy: by })),
        ),
    ),
  ];
  await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return present.length;
}

/** A member's timetable: every session of the courses they (or a child of theirs) hold a place on, and their enrolments. */
export async function timetable(db: TenantDb, memberId: number) {
  const [settings, enrolments, sessions] = await db.batch([
    settingsRead(db),
    db
      .select({
        id: courseEnrolments.id,
        courseId: courseEnrolments.courseId,
        title: sql<string>`(SELECT title FROM courses WHERE id = ${courseEnrolments.courseId})`,
        courseStatus: sql<string>`(SELECT status FROM courses WHERE id = ${courseEnrolments.courseId})`,
        childName: courseEnrolments.childName,
        status: courseEnrolments.status,
        feeFen: courseEnrolments.feeFen,
        paid: sql<number>`${courseEnrolments.paymentRef} IS NOT NULL AND ${courseEnrolments.feeFen} > 0`,
        refunded: sql<number>`${courseEnrolments.refundRef} IS NOT NULL`,
      })
      .from(courseEnrolments)
      .where(eq(courseEnrolments.memberId, memberId))
      .orderBy(asc(courseEnrolments.id)),
    db
      .select({
        id: courseSessions.id,
        courseId: courseSessions.courseId,
        title: sql<string>`(SELECT title FROM courses WHERE id = ${courseSessions.courseId})`,
        place: sql<string>`(SELECT place FROM courses WHERE id = ${courseSessions.courseId})`,
        startsAt: courseSessions.startsAt,
        endsAt: courseSessions.endsAt,
      })
      .from(courseSessions)
      .where(
        sql`${courseSessions.courseId} IN (SELECT course_id FROM course_enrolments WHERE member_id = ${memberId} AND status = 'enrolled')
            AND (SELECT status FROM courses WHERE id = ${courseSessions.courseId}) != 'cancelled'`,
      )
      .orderBy(asc(courseSessions.startsAt)),
  ]);
  return {
    timeZone: settingsFrom(settings).timeZone,
    enrolments: enrolments.map((e) => ({ ...e, paid: Boolean(e.paid), refunded: Boolean(e.refunded) })),
    sessions,
  };
}
