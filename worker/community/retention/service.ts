/** The daily retention pass over one community, its settings and the record of its runs (see rules.ts). */
import { and, desc, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { type TenantDb, tenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import { careRecipients, careVisits } from '../care/schema';
import { childConsents } from '../children/schema';
import { courseEnrolments } from '../courses/schema';
import { oldLoanStatements } from '../library/daily';
import { librarySettings } from '../library/schema';
import { libraryRules } from '../library/service';
import { members } from '../members/schema';
import { communitySettings } from '../profile/service';
import { signups } from '../activities/schema';
import { wallClock } from '../profile/rules';
import { type ErasureCounts, type RetentionPeriods, DEFAULT_CARE_MONTHS, RUNS_KEPT, cutoffs } from './rules';
import { retentionRuns, retentionSettings } from './schema';

/** The community's periods: care from its own row, the library's from the library's settings. */
export async function retentionPeriods(db: TenantDb): Promise<RetentionPeriods> {
  const [[row], library] = await Promise.all([db.select().from(retentionSettings).limit(1), libraryRules(db)]);
  return { careMonths: row?.careMonths ?? DEFAULT_CARE_MONTHS, libraryMonths: library.eraseAfterMonths };
}

/** Saves both periods in one batch; the library's other settings keep their values (or defaults). */
export async function saveRetentionPeriods(db: TenantDb, periods: RetentionPeriods): Promise<RetentionPeriods> {
  await db.batch([
    db
      .insert(retentionSettings)
      .values({ id: 1, careMonths: periods.careMonths })
      .onConflictDoUpdate({
        target: retentionSettings.id,
        set: { careMonths: periods.careMonths, updatedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')` },
      }),
    db
      .insert(librarySettings)
      .values({ id: 1, eraseAfterMonths: periods.libraryMonths })
      .onConflictDoUpdate({ target: librarySettings.id, set: { eraseAfterMonths: periods.libraryMonths } }),
  ]);
  return retentionPeriods(db);
}

/** The statements of one pass; each returns the ids it erased, so the batch's results count them. */
function erasureStatements(db: TenantDb, today: string, timeZone: string, periods: RetentionPeriods, nowIso: string) {
  const due = cutoffs(today, timeZone, periods);
  const [keepMonths, loans, reservations] = oldLoanStatements(db, due.libraryClosedBefore);
  return {
    childDetails: db
      .update(childConsents)
      .set({ emergencyName: null, emergencyPhone: null, needsNote: null, erasedAt: nowIso })
      .where(and(lt(childConsents.detailsUntil, due.consentDetailsBefore), isNull(childConsents.erasedAt)))
      .returning({ id: childConsents.id }),
    // A child's place keeps counting; its name gives way to a placeholder unique to the place (rules.ts).
    childNames: db
      .update(signups)
      .set({ participant: sql`'#' || ${signups.id}` })
      .where(
        sql`(${signups.isChild} = 1 OR ${signups.id} IN (SELECT signup_id FROM child_signups))
          AND ${signups.participant} <> '' AND ${signups.participant} NOT GLOB '#[0-9]*'
          AND ${signups.activityId} IN (SELECT id FROM activities WHERE ends_at < ${due.childActivitiesEndedBefore})`,
      )
      .returning({ id: signups.id }),
    // The same for a course's places: its end is its last session (the enrolment deadline when it had none).
    courseChildNames: db
      .update(courseEnrolments)
      .set({ childName: sql`'#' || ${courseEnrolments.id}` })
      .where(
        sql`${courseEnrolments.childName} <> '' AND ${courseEnrolments.childName} NOT GLOB '#[0-9]*'
          AND ${courseEnrolments.courseId} IN (SELECT c.id FROM courses c
                WHERE COALESCE((SELECT MAX(s.ends_at) FROM course_sessions s WHERE s.course_id = c.id), c.enrolment_deadline)
                      < ${due.childActivitiesEndedBefore})`,
      )
      .returning({ id: courseEnrolments.id }),
    careRecipients: db
      .update(careRecipients)
      .set({
        name: '',
        household: '',
        phone: '',
        needs: '',
        needsNote: '',
        preferredTimes: '',
        emergencyName: '',
        emergencyPhone: '',
        erasedAt: nowIso,
      })
      .where(and(isNotNull(careRecipients.endedAt), lt(careRecipients.endedAt, due.careEndedBefore), isNull(careRecipients.erasedAt)))
      .returning({ id: careRecipients.id }),
    // After the recipients in the same batch: the visits of every erased recipient lose what their notes said.
    careVisits: db
      .update(careVisits)
      .set({ done: '', observations: '', followUp: null })
      .where(
        sql`${careVisits.recipientId} IN (SELECT id FROM care_recipients WHERE erased_at IS NOT NULL)
          AND (${careVisits.done} <> '' OR ${careVisits.observations} <> '' OR ${careVisits.followUp} IS NOT NULL)`,
      )
      .returning({ id: careVisits.id }),
    keepMonths,
    libraryLoans: loans,
    reservations,
    assistedPhones: db
      .update(members)
      .set({ phone: null })
      .where(
        sql`${members.assistedBy} IS NOT NULL AND ${members.claimedAt} IS NULL AND ${members.phone} IS NOT NULL
          AND ${members.joinedAt} < ${due.assistedIdleSince}
          AND NOT EXISTS (SELECT 1 FROM signups s WHERE s.member_id = ${members.id}
                AND (s.created_at >= ${due.assistedIdleSince} OR s.checked_in_at >= ${due.assistedIdleSince}))
          AND NOT EXISTS (SELECT 1 FROM care_recipients r JOIN care_visits v ON v.recipient_id = r.id
                WHERE r.member_id = ${members.id} AND v.visited_on >= ${due.assistedIdleSinceDay})`,
      )
      .returning({ id: members.id }),
  };
}

/**
 * One community's pass on the day of `now` in its time zone: everything due is erased in one batch, then the run is
 * recorded (counts only) and run records beyond the last `RUNS_KEPT` dropped. Idempotent: every statement skips
 * what is already erased, so a second pass the same day erases nothing and records zeros.
 */
export async function runRetention(db: TenantDb, now = Date.now()) {
  const [{ timeZone }, periods] = await Promise.all([communitySettings(db), retentionPeriods(db)]);
  const today = wallClock(now, timeZone).date;
  const nowIso = new Date(now).toISOString();
  const s = erasureStatements(db, today, timeZone, periods, nowIso);
  const [childDetails, childNames, courseChildNames, recipients, visits, , loans, , phones] = await db.batch([
    s.childDetails,
    s.childNames,
    s.courseChildNames,
    s.careRecipients,
    s.careVisits,
    s.keepMonths,
    s.libraryLoans,
    s.reservations,
    s.assistedPhones,
  ]);
  const counts: ErasureCounts = {
    childDetails: childDetails.length,
    childNames: childNames.length + courseChildNames.length,
    careRecipients: recipients.length,
    careVisits: visits.length,
    libraryLoans: loans.length,
    assistedPhones: phones.length,
  };
  const kept = db
    .select({ id: retentionRuns.id })
    .from(retentionRuns)
    .orderBy(desc(retentionRuns.ranAt), desc(retentionRuns.id))
    .limit(RUNS_KEPT);
  await db.batch([
    db.insert(retentionRuns).values({ ranAt: nowIso, day: today, ...counts }),
    db.delete(retentionRuns).where(notInArray(retentionRuns.id, kept)),
  ]);
  return { day: today, counts };
}

/** The last runs, newest first, for the admin's page. */
export function lastRuns(db: TenantDb, limit = 10) {
  return db.select().from(retentionRuns).orderBy(desc(retentionRuns.ranAt), desc(retentionRuns.id)).limit(limit);
}

/** The pass for the community whose database is bound as `binding` (the daily run calls it for each one). */
export async function runRetentionIn(env: Bindings, binding: string, now: Date) {
  const d1 = tenantDatabase(env, binding);
  await ensureTenantMigrated(binding, d1);
  return runRetention(tenantDb(d1), now.getTime());
}
