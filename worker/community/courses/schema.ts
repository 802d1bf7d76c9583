import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { bookings } from '../bookings/schema';
import { members } from '../members/schema';
import { spaces } from '../spaces/schema';

/** enrolling: open for enrolment until the deadline; then open (it runs) or cancelled (it missed its minimum). */
export const courseStatuses = ['enrolling', 'open', 'cancelled'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

/**
 * enrolled: holds a place; waitlisted: queues for one; cancelled: left before the deadline (refunded);
 * not-admitted: still waiting when the course opened (refunded); course-cancelled: the course did not open (refunded).
 */
export const enrolmentStatuses = ['enrolled', 'waitlisted', 'cancelled', 'not-admitted', 'course-cancelled'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** A term of the community university, e.g. 2027 春季学期, with its first and last day on the community's calendar. */
export const courseTerms = sqliteTable(
  'course_terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('course_terms_name').on(t.name), check('course_terms_dates', sql`${t.startsOn} <= ${t.endsOn}`)],
);

/**
 * A course in a term. Its teacher is a member who volunteers (`teacherMemberId`) or someone from outside with no
 * account (`teacherName`, `teacherNote`). The fee is the AA share of the costs with the community's surplus, at the
 * minimum enrolment; places are held to the maximum by the enrolment's conditional insert.
 */
export const courses = sqliteTable(
  'courses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    termId: integer('term_id')
      .notNull()
      .references(() => courseTerms.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    teacherMemberId: integer('teacher_member_id').references(() => members.id),
    teacherName: text('teacher_name').notNull().default(''),
    teacherNote: text('teacher_note').notNull().default(''),
    /** The audience's ages; a course whose oldest age is under 18 is for children, enrolled by a guardian. */
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    spaceId: integer('space_id').references(() => spaces.id),
    place: text('place').notNull(),
    costFen: integer('cost_fen').notNull().default(0),
    surplusRatePercent: integer('surplus_rate_percent').notNull(),
    feeFen: integer('fee_fen').notNull().default(0),
    minEnrolment: integer('min_enrolment').notNull(),
    maxEnrolment: integer('max_enrolment').notNull(),
    /** The instant enrolment closes (UTC), read and shown on the community's wall clock. */
    enrolmentDeadline: text('enrolment_deadline').notNull(),
    status: text('status', { enum: courseStatuses }).notNull().default('enrolling'),
    /** Set by the one decision that opened or cancelled the course; the rest of that batch follows it. */
    decisionRef: text('decision_ref'),
    decidedAt: text('decided_at'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('courses_term').on(t.termId),
    index('courses_deadline').on(t.status, t.enrolmentDeadline),
    check('courses_enrolment_range', sql`${t.minEnrolment} >= 1 AND ${t.minEnrolment} <= ${t.maxEnrolment}`),
  ],
);

/** A session of a course; when the course has a space, `bookingId` is the booking that holds the room. */
export const courseSessions = sqliteTable(
  'course_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    bookingId: integer('booking_id').references(() => bookings.id),
  },
  (t) => [index('course_sessions_course').on(t.courseId, t.startsAt)],
);

/**
 * A place on a course, for the member themself (childName '') or for a child they are the guardian of.
 * `childId` will name a child record once guardians' records exist; it carries no foreign key yet.
 * `paymentRef` and `refundRef` are the ledger refs of the fee paid and of its refund, claimed in the batch that writes them.
 */
export const courseEnrolments = sqliteTable(
  'course_enrolments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    childName: text('child_name').notNull().default(''),
    childId: integer('child_id'),
    status: text('status', { enum: enrolmentStatuses }).notNull(),
    feeFen: integer('fee_fen').notNull().default(0),
    paymentRef: text('payment_ref'),
    refundRef: text('refund_ref'),
    createdAt: text('created_at').notNull().default(now),
    cancelledAt: text('cancelled_at'),
  },
  (t) => [
    uniqueIndex('course_enrolments_once').on(t.courseId, t.memberId, t.childName),
    index('course_enrolments_status').on(t.courseId, t.status),
    index('course_enrolments_member').on(t.memberId),
  ],
);

/** Who came to a session, marked by the teacher or a coordinator. */
export const courseAttendance = sqliteTable(
  'course_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => courseSessions.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => courseEnrolments.id),
    present: integer('present', { mode: 'boolean' }).notNull(),
    markedBy: integer('marked_by')
      .notNull()
      .references(() => members.id),
    markedAt: text('marked_at').notNull().default(now),
  },
  // Each place's attendance is counted for the program's completion figure.
  (t) => [primaryKey({ columns: [t.sessionId, t.enrolmentId] }), index('course_attendance_enrolment').on(t.enrolmentId, t.present)],
);
