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
import { courseEnrolments } from './schema';

export interface EnrolmentInput {
  /** The child's name, for a course for children; '' (or absent) for the member themself. */
  childName?: string;
  /** The child's record, once guardians' records exist. */
  childId?: number | null;
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
  const who = input.childName ? `（${input.childName}）` : '';
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

/** A resident enrols themself, or a child for a course for children. */
export async function enrol(db: TenantDb, courseId: number, member: MemberContext, input: EnrolmentInput, today: string) {
  const course = await getCourse(db, courseId);
  const childName = input.childName?.trim() ?? '';
  if (course.status !== 'enrolling' || !enrolmentOpen(course.enrolmentDeadline, Date.now()))
    throw new AppError('conflict', 'Enrolment for this course has closed');
  if (isForChildren(course.ageMax) && childName === '')
    throw new AppError('validation_failed', "This course is for children: give the child's name", { childName: ['Required'] });
  const ref = crypto.randomUUID();
  const statements = enrolStatements(
    db,
    course,
    member.id,
    { childName, childId: input.childId ?? null },
    ref,
    new Date().toISOString(),
    today,
    await accountsOf(db, course),
  );
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
