import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { ledgerTransactions } from '../../db/tenant-schema';
import { now } from '../../db/columns';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { baseAccounts, transactionStatements } from '../ledger/service';
import { enrolmentOpen, isForChildren } from './rules';
import { type Course, courseAccount, getCourse } from './service';
import { courseEnrolments, courseSessions } from './schema';
import { consentStatements } from '../children/consent';
import { detailsUntil } from '../children/rules';
import { children } from '../children/schema';

export interface EnrolmentInput {
  /** Ignored when `childId` names a child: the place is in the name the guardian keeps on 我的孩子. */
  childName?: string;
  /** The child on the guardian's page; a child's place needs it, with the guardian's consent and an emergency contact. */
  childId?: number | null;
  consent?: boolean;
  emergencyName?: string;
  emergencyPhone?: string;
  needsNote?: string;
}

const PHONE = /^[0-9+\-\s]{5,20}$/;

/**
 * What a child's enrolment still lacks, per field (the children's consent rules): the child from the guardian's
 * page, the guardian's consent and an emergency contact with a phone number. Empty when it may go ahead.
 */
export function childEnrolmentProblems(input: EnrolmentInput): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!input.childId) problems.childId = ['Choose the child on your page (我的孩子)'];
  if (input.consent !== true) problems.consent = ["The guardian's consent is required"];
  if ((input.emergencyName ?? '').trim() === '') problems.emergencyName = ['Name an emergency contact'];
  if (!PHONE.test((input.emergencyPhone ?? '').trim())) problems.emergencyPhone = ['A phone number'];
  return problems;
}

interface Accounts {
  course: number;
  external: number;
}

async function accountsOf(db: TenantDb, course: Course): Promise<Accounts> {
  const [account, { external }] = await Promise.all([courseAccount(db, course), baseAccounts(db)]);
  return { course: account.id, external: external.id };
}

/** A ledger transaction whose row is written only while `guard` selects a row; its postings follow it by ref. */
function guardedTransaction(
  db: TenantDb,
  tx: { ref: string; occurredOn: string; category: string; memo: string; recordedBy: number; reverses: string | null },
  postings: { accountId: number; amountFen: number }[],
  guard: ReturnType<typeof sql>,
): BatchItem<'sqlite'>[] {
  const [, ...postingStatements] = transactionStatements(db, { ...tx, postings });
  const reverses = tx.reverses === null ? sql`NULL` : sql`(SELECT id FROM ledger_transactions WHERE ref = ${tx.reverses})`;
  return [
    db
      .insert(ledgerTransactions)
      .select(
        sql`SELECT NULL, ${tx.ref}, ${tx.occurredOn}, ${tx.category}, ${tx.memo}, ${tx.recordedBy}, ${reverses}, NULL, ${now} WHERE ${guard}`,
      ),
    ...postingStatements,
  ];
}

/**
 * The statements that enrol someone, to run in one batch (a guardian's consent can join the same batch later).
 * One INSERT…SELECT takes a place while fewer than the maximum are enrolled, else a place on the waitlist, so two
 * residents taking the last place at once give one enrolled and one waitlisted. Someone who left may enrol again
 * (the row comes back at the end of the queue). The fee is paid into the course's account in the same batch,
 * written only if this enrolment (its fresh `ref`) was.
 */
export function enrolStatements(
  db: TenantDb,
  course: Pick<Course, 'id' | 'title' | 'feeFen'>,
  memberId: number,
  input: { childName: string; childId: number | null },
  ref: string,
  nowIso: string,
  today: string,
  accounts: Accounts,
): BatchItem<'sqlite'>[] {
  const enrolled = sql`(SELECT COUNT(*) FROM course_enrolments x WHERE x.course_id = c.id AND x.status = 'enrolled')`;
  const take = db.insert(courseEnrolments).select(
    sql`SELECT NULL, c.id, ${memberId}, ${input.childName}, ${input.childId},
               CASE WHEN ${enrolled} < c.max_enrolment THEN 'enrolled' ELSE 'waitlisted' END,
               c.fee_fen, ${ref}, NULL, ${nowIso}, NULL
          FROM courses c WHERE c.id = ${course.id} AND c.status = 'enrolling' AND c.enrolment_deadline > ${nowIso}
        ON CONFLICT (course_id, member_id, child_name) DO UPDATE SET
           status = excluded.status, fee_fen = excluded.fee_fen, payment_ref = excluded.payment_ref, refund_ref = NULL,
           child_id = excluded.child_id, created_at = excluded.created_at, cancelled_at = NULL
         WHERE course_enrolments.status = 'cancelled'`,
  );
  if (course.feeFen === 0) return [take];
  // The ledger is read by members: a child's place is marked as such, never named.
  const who = input.childName ? '（儿童）' : '';
  return [
    take,
    ...guardedTransaction(
      db,
      {
        ref,
        occurredOn: today,
        category: 'activity-fees',
        memo: `社区大学《${course.title}》学费${who}`,
        recordedBy: memberId,
        reverses: null,
      },
      [
        { accountId: accounts.course, amountFen: course.feeFen },
        { accountId: accounts.external, amountFen: -course.feeFen },
      ],
      sql`EXISTS (SELECT 1 FROM course_enrolments WHERE payment_ref = ${ref})`,
    ),
  ];
}

/**
 * The statements that refund one enrolment's fee, append-only: the enrolment claims a fresh refund ref (only if it
 * paid and was not refunded), and a reversing transaction of the payment is written only under that claim, so a
 * decision or a cancellation run twice refunds once. `claimWhere` adds the caller's condition (e.g. its decision).
 */
export function refundStatements(
  db: TenantDb,
  e: { id: number; feeFen: number; paymentRef: string; memberId: number },
  courseTitle: string,
  accounts: Accounts,
  today: string,
  recordedBy: number,
  claimWhere: ReturnType<typeof sql>,
): BatchItem<'sqlite'>[] {
  const refundRef = crypto.randomUUID();
  return [
    db
      .update(courseEnrolments)
      .set({ refundRef })
      .where(
        and(
          eq(courseEnrolments.id, e.id),
          sql`${courseEnrolments.refundRef} IS NULL AND ${courseEnrolments.paymentRef} = ${e.paymentRef} AND ${claimWhere}`,
        ),
      ),
    ...guardedTransaction(
      db,
      {
        ref: refundRef,
        occurredOn: today,
        category: 'correction',
        memo: `社区大学《${courseTitle}》退费`,
        recordedBy,
        reverses: e.paymentRef,
      },
      [
        { accountId: accounts.course, amountFen: -e.feeFen },
        { accountId: accounts.external, amountFen: e.feeFen },
      ],
      sql`EXISTS (SELECT 1 FROM course_enrolments WHERE id = ${e.id} AND refund_ref = ${refundRef})
          AND EXISTS (SELECT 1 FROM ledger_transactions WHERE ref = ${e.paymentRef})`,
    ),
  ];
}

export { accountsOf };

/**
 * A resident enrols themself, or a guardian one of their children. A child's enrolment (any course for children,
 * or a child named on another) goes through the children's consent rules: the child from the guardian's page, their
 * consent, an emergency contact and any needs, recorded as a consent for the course in the same batch as the place
 * (and only if the place was taken). The details are kept until 30 days after the last session.
 */
export async function enrol(db: TenantDb, courseId: number, member: MemberContext, input: EnrolmentInput, today: string, timeZone: string) {
  const course = await getCourse(db, courseId);
  if (course.status !== 'enrolling' || !enrolmentOpen(course.enrolmentDeadline, Date.now()))
    throw new AppError('conflict', 'Enrolment for this course has closed');
  const forChild = isForChildren(course.ageMax) || (input.childId ?? null) !== null || (input.childName?.trim() ?? '') !== '';
  const ref = crypto.randomUUID();
  const nowIso = new Date().toISOString();
  const accounts = await accountsOf(db, course);
  let childName = '';
  let statements: BatchItem<'sqlite'>[];
  if (forChild) {
    const problems = childEnrolmentProblems(input);
    const childId = input.childId ?? null;
    if (childId === null || Object.keys(problems).length > 0)
      throw new AppError('validation_failed', "A child is enrolled with a guardian's consent and an emergency contact", problems);
    const [[child], [last]] = await db.batch([
      db
        .select()
        .from(children)
        .where(and(eq(children.id, childId), eq(children.guardianMemberId, member.id))),
      db
        .select({ endsAt: sql<string | null>`MAX(${courseSessions.endsAt})` })
        .from(courseSessions)
        .where(eq(courseSessions.courseId, courseId)),
    ]);
    if (!child) throw new AppError('validation_failed', 'No such child on your page', { childId: ['Not a child on your page'] });
    childName = child.name;
    statements = [
      ...enrolStatements(db, course, member.id, { childName, childId }, ref, nowIso, today, accounts),
      ...consentStatements(
        db,
        {
          targetKind: 'course',
          targetId: courseId,
          childId,
          givenBy: member.id,
          purpose: course.title,
          emergencyName: (input.emergencyName ?? '').trim(),
          emergencyPhone: (input.emergencyPhone ?? '').trim(),
          needsNote: (input.needsNote ?? '').trim(),
          detailsUntil: detailsUntil(last?.endsAt ?? course.enrolmentDeadline, timeZone),
        },
        sql`EXISTS (SELECT 1 FROM course_enrolments WHERE payment_ref = ${ref})`,
      ),
    ];
  } else {
    statements = enrolStatements(db, course, member.id, { childName, childId: null }, ref, nowIso, today, accounts);
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const [row] = await db
    .select()
    .from(courseEnrolments)
    .where(
      and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.memberId, member.id), eq(courseEnrolments.childName, childName)),
    );
  if (!row) throw new AppError('conflict', 'Enrolment for this course has closed');
  return { enrolment: row, created: row.paymentRef === ref };
}

/**
 * Leaves a course before its deadline: the place is given up and refunded, and the first on the waitlist moves up,
 * all in one batch.
 */
export async function cancelEnrolment(db: TenantDb, courseId: number, enrolmentId: number, by: MemberContext, today: string) {
  const course = await getCourse(db, courseId);
  const [row] = await db
    .select()
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.id, enrolmentId), eq(courseEnrolments.courseId, courseId)));
  if (!row) throw new AppError('not_found', 'No such enrolment');
  if (!['enrolled', 'waitlisted'].includes(row.status)) return;
  if (course.status !== 'enrolling') throw new AppError('conflict', 'Enrolment has closed; ask the coordinator');
  const accounts = await accountsOf(db, course);
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(courseEnrolments)
      .set({ status: 'cancelled', cancelledAt: new Date().toISOString() })
      .where(
        and(
          eq(courseEnrolments.id, enrolmentId),
          inArray(courseEnrolments.status, ['enrolled', 'waitlisted']),
          sql`${courseEnrolments.paymentRef} IS ${row.paymentRef}`,
          sql`(SELECT status FROM courses WHERE id = ${courseId}) = 'enrolling'`,
        ),
      ),
    ...(row.paymentRef !== null && row.feeFen > 0
      ? refundStatements(
          db,
          { id: row.id, feeFen: row.feeFen, paymentRef: row.paymentRef, memberId: row.memberId },
          course.title,
          accounts,
          today,
          by.id,
          sql`${courseEnrolments.status} = 'cancelled'`,
        )
      : []),
    db
      .update(courseEnrolments)
      .set({ status: 'enrolled' })
      .where(
        sql`${courseEnrolments.id} = (SELECT id FROM course_enrolments WHERE course_id = ${courseId} AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1)
            AND (SELECT COUNT(*) FROM course_enrolments WHERE course_id = ${courseId} AND status = 'enrolled') < (SELECT max_enrolment FROM courses WHERE id = ${courseId})`,
      ),
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
