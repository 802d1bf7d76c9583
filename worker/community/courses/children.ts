/** A course's children (guardians' consents, details kept for the organisers) and its safety step before it opens. */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { detailsKept, detailsVisible } from '../children/rules';
import { childConsents, children } from '../children/schema';
import { hasSafetyStep, safetyGate } from '../children/safety';
import { members } from '../members/schema';
import { isForChildren } from './rules';
import { type Course, getCourse } from './service';
import { courseEnrolments } from './schema';

/**
 * The children enrolled on a course with their guardian's consent and, until 30 days after the last session, the
 * emergency contact and any allergies or needs. For the course's teacher and coordinators only (the route says so).
 */
export async function childrenOfCourse(db: TenantDb, courseId: number, today: string) {
  await getCourse(db, courseId);
  const rows = await db
    .select({
      enrolmentId: courseEnrolments.id,
      status: courseEnrolments.status,
      childName: children.name,
      birthMonth: children.birthMonth,
      guardianName: members.displayName,
      givenAt: childConsents.givenAt,
      purpose: childConsents.purpose,
      emergencyName: childConsents.emergencyName,
      emergencyPhone: childConsents.emergencyPhone,
      needsNote: childConsents.needsNote,
      detailsUntil: childConsents.detailsUntil,
    })
    .from(courseEnrolments)
    .innerJoin(children, eq(children.id, courseEnrolments.childId))
    .innerJoin(members, eq(members.id, courseEnrolments.memberId))
    .leftJoin(
      childConsents,
      and(eq(childConsents.targetKind, 'course'), eq(childConsents.targetId, courseId), eq(childConsents.childId, children.id)),
    )
    .where(eq(courseEnrolments.courseId, courseId))
    .orderBy(asc(courseEnrolments.id));
  // Past its keeping time the place no longer names the child, even to the teacher (retention/rules.ts).
  return rows.map((r) =>
    detailsVisible({ organiser: true, guardian: false }, r.detailsUntil ?? '', today)
      ? r
      : {
          ...r,
          emergencyName: null,
          emergencyPhone: null,
          needsNote: null,
          ...(detailsKept(r.detailsUntil ?? '', today) ? {} : { childName: `#${r.enrolmentId}`, birthMonth: '' }),
        },
  );
}

/** Whether this course must pass the safety step before it opens: for children, in a community on a model with the step. */
export async function courseNeedsSafety(db: TenantDb, course: Pick<Course, 'ageMax'>) {
  return isForChildren(course.ageMax) && (await hasSafetyStep(db));
}

/** Refuses (409, naming what is missing) to open a course for children whose safety checklist is not complete. */
export async function refuseOpeningUnsafeCourse(db: TenantDb, course: Pick<Course, 'id' | 'ageMax'>) {
  if (!(await courseNeedsSafety(db, course))) return;
  const gate = await safetyGate(db, 'course', course.id);
  if (!gate.ok)
    throw new AppError('conflict', `Complete the safety checklist before the course opens; missing: ${gate.missing.join(', ')}`, {
      safety: gate.missing,
    });
}
