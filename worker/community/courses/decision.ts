import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type TenantDb, tenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { AppError } from '../../errors';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import { notifyRowsFrom } from '../notifications/emit';
import { communitySettings } from '../profile/service';
import { todayIn } from '../library/service';
import { refuseOpeningUnsafeCourse } from './children';
import { accountsOf, refundStatements } from './enrolment';
import { decide, refundedBy } from './rules';
import { courseEnrolments, courses } from './schema';
import { getCourse, releaseRoomsStatement } from './service';

const text = {
  cancel: {
    zh: (t: string) => `《${t}》报名人数未达到开班人数，本学期不开课；已交的学费已全额退回。`,
    en: (t: string) => `"${t}" did not reach its minimum enrolment and will not run this term; any fee paid has been refunded in full.`,
  },
  notAdmitted: {
    zh: (t: string) => `《${t}》已开课，名额已满，候补未能转正；已交的学费已全额退回。`,
    en: (t: string) => `"${t}" has opened and is full, so your waitlist place did not come up; any fee paid has been refunded in full.`,
  },
  open: {
    zh: (t: string) => `《${t}》报名截止，正式开课。到“我的课表”看上课时间。`,
    en: (t: string) => `"${t}" has closed enrolment and will run. See your timetable for the sessions.`,
  },
};

/**
 * Decides a course still enrolling: at its deadline (or now, when a coordinator asks) it opens with at least its
 * minimum enrolled, else it is cancelled. One batch: the course's state (claimed by a fresh decision ref, so two
 * deciders at once decide once), the enrolments' states, refunds through the ledger, the notifications and, for a
 * cancelled course, its rooms given back. Answers the decision, or 'wait'.
 */
export async function decideCourse(db: TenantDb, courseId: number, now: number, opts: { decidedBy: number | null; decideNow: boolean }) {
  const course = await getCourse(db, courseId);
  if (course.status !== 'enrolling') throw new AppError('conflict', 'This course has already been decided');
  const [counted] = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.status, 'enrolled')));
  const decision = decide({
    enrolled: Number(counted?.n ?? 0),
    minEnrolment: course.minEnrolment,
    deadline: course.enrolmentDeadline,
    now,
    decideNow: opts.decideNow,
  });
  if (decision === 'wait') return decision;
  // A course for children opens only once its safety checklist is complete; until then the daily pass leaves it
  // waiting past its deadline (enrolment stays closed) and a coordinator who decides now is told what is missing.
  if (decision === 'open') await refuseOpeningUnsafeCourse(db, course);
  const { timeZone } = await communitySettings(db);
  const today = todayIn(now, timeZone);
  const ref = crypto.randomUUID();
  const nowIso = new Date(now).toISOString();
  const decided = sql`(SELECT decision_ref FROM courses WHERE id = ${courseId}) = ${ref}`;
  const leaving = refundedBy(decision);
  const accounts = await accountsOf(db, course);
  const paid = await db
    .select()
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.courseId, courseId), inArray(courseEnrolments.status, [...leaving])));
  const newStatus = decision === 'cancel' ? 'course-cancelled' : 'not-admitted';
  const words = decision === 'cancel' ? text.cancel : text.notAdmitted;
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(courses)
      .set({ status: decision === 'cancel' ? 'cancelled' : 'open', decisionRef: ref, decidedAt: nowIso })
      .where(and(eq(courses.id, courseId), eq(courses.status, 'enrolling'))),
    notifyRowsFrom(
      db,
      'course.decided',
      sql`SELECT DISTINCT member_id, ${words.zh(course.title)} AS text_zh, ${words.en(course.title)} AS text_en
            FROM course_enrolments WHERE course_id = ${courseId} AND status IN (${sql.join(
              leaving.map((s) => sql`${s}`),
              sql`, `,
            )}) AND ${decided}`,
      `/courses/${courseId}`,
    ),
    ...(decision === 'open'
      ? [
          notifyRowsFrom(
            db,
            'course.decided',
            sql`SELECT DISTINCT member_id, ${text.open.zh(course.title)} AS text_zh, ${text.open.en(course.title)} AS text_en
                  FROM course_enrolments WHERE course_id = ${courseId} AND status = 'enrolled' AND ${decided}`,
            `/courses/${courseId}`,
          ),
        ]
      : [releaseRoomsStatement(db, courseId, decided)]),
    db
      .update(courseEnrolments)
      .set({ status: newStatus })
      .where(and(eq(courseEnrolments.courseId, courseId), inArray(courseEnrolments.status, [...leaving]), decided)),
    ...paid.flatMap((e) =>
      e.paymentRef !== null && e.feeFen > 0
        ? refundStatements(
            db,
            { id: e.id, feeFen: e.feeFen, paymentRef: e.paymentRef, memberId: e.memberId },
            course.title,
            accounts,
            today,
            opts.decidedBy ?? course.createdBy,
            decided,
          )
        : [],
    ),
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const after = await getCourse(db, courseId);
  if (after.decisionRef !== ref) throw new AppError('conflict', 'This course has already been decided');
  return decision;
}

/** The daily pass: every course whose enrolment deadline has passed is opened or cancelled. */
export async function runCoursesDay(db: TenantDb, now = Date.now()) {
  const due = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, 'enrolling'), lte(courses.enrolmentDeadline, new Date(now).toISOString())));
  const decided = { open: 0, cancel: 0 };
  for (const { id } of due) {
    try {
      const d = await decideCourse(db, id, now, { decidedBy: null, decideNow: false });
      if (d !== 'wait') decided[d]++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    }
  }
  return decided;
}

/** The daily pass for the community whose database is bound as `binding`. */
export async function runCoursesDayIn(env: Bindings, binding: string, now: Date) {
  const d1 = tenantDatabase(env, binding);
  await ensureTenantMigrated(binding, d1);
  return runCoursesDay(tenantDb(d1), now.getTime());
}
