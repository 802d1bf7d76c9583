/** The `owner` role: whether the record the route names is the member's own (or addressed to them). */
import { and, eq } from 'drizzle-orm';
import { signups } from '../community/activities/schema';
import { bookings } from '../community/bookings/schema';
import { careRecipients } from '../community/care/schema';
import { architectProjects } from '../community/children/schema';
import { clubHandovers } from '../community/clubs/schema';
import { consentObjections, consentWindows } from '../community/consent/schema';
import { courseEnrolments } from '../community/courses/schema';
import { libraryDutyClaims, libraryLoans, libraryReservations } from '../community/library/schema';
import { partyAppointments } from '../community/parties/schema';
import { volunteerHours } from '../community/volunteers/schema';
import type { TenantDb } from '../db/client';
import type { MemberContext } from '../http/context';
import { positiveInt, routeId, type Scope } from './role-catalogue';
import type { RoleObjects } from './role-objects';

/** Whether the route's `{objectionId}`, raised about the route's club or activity, is the member's. */
async function ownsObjection(
  db: TenantDb,
  m: MemberContext,
  scope: Scope,
  subject: 'club' | 'activity',
  id: number | null,
): Promise<boolean> {
  const objectionId = positiveInt(scope.params.objectionId);
  if (id === null || objectionId === null) return false;
  const [row] = await db
    .select({ by: consentObjections.objectorMemberId })
    .from(consentObjections)
    .innerJoin(consentWindows, eq(consentWindows.id, consentObjections.windowId))
    .where(and(eq(consentObjections.id, objectionId), eq(consentWindows.subject, subject), eq(consentWindows.subjectId, id)));
  return row?.by === m.id;
}

/** Whether the record the route names is the member's own; a need is read through the request's `objects`. */
export async function ownsRouteRecord(db: TenantDb, m: MemberContext, scope: Scope, objects: RoleObjects): Promise<boolean> {
  const id = routeId(scope);
  switch (scope.subject) {
    case 'booking': {
      if (id === null) return false;
      const [row] = await db.select({ by: bookings.bookedBy }).from(bookings).where(eq(bookings.id, id));
      return row?.by === m.id;
    }
    case 'library-loan': {
      if (id === null) return false;
      const [row] = await db.select({ memberId: libraryLoans.memberId }).from(libraryLoans).where(eq(libraryLoans.id, id));
      return row?.memberId === m.id;
    }
    case 'library-reservation': {
      if (id === null) return false;
      const [row] = await db
        .select({ memberId: libraryReservations.memberId })
        .from(libraryReservations)
        .where(eq(libraryReservations.id, id));
      return row?.memberId === m.id;
    }
    case 'library-duty-claim': {
      if (id === null) return false;
      const [row] = await db.select({ memberId: libraryDutyClaims.memberId }).from(libraryDutyClaims).where(eq(libraryDutyClaims.id, id));
      return row?.memberId === m.id;
    }
    case 'course': {
      const enrolmentId = positiveInt(scope.params.enrolmentId);
      if (id === null || enrolmentId === null) return false;
      const [row] = await db
        .select({ memberId: courseEnrolments.memberId })
        .from(courseEnrolments)
        .where(and(eq(courseEnrolments.id, enrolmentId), eq(courseEnrolments.courseId, id)));
      return row?.memberId === m.id;
    }
    case 'architect-project': {
      if (id === null) return false;
      const [row] = await db.select({ lead: architectProjects.leadMemberId }).from(architectProjects).where(eq(architectProjects.id, id));
      return row?.lead === m.id;
    }
    case 'care-recipient': {
      if (id === null) return false;
      const [row] = await db.select({ by: careRecipients.registeredBy }).from(careRecipients).where(eq(careRecipients.id, id));
      return row?.by === m.id;
    }
    case 'volunteer-hours': {
      if (id === null) return false;
      const [row] = await db.select({ memberId: volunteerHours.memberId }).from(volunteerHours).where(eq(volunteerHours.id, id));
      return row?.memberId === m.id;
    }
    case 'activity': {
      if (scope.params.objectionId !== undefined) return ownsObjection(db, m, scope, 'activity', id);
      const signupId = positiveInt(scope.params.signupId);
      if (id === null || signupId === null) return false;
      const [row] = await db
        .select({ memberId: signups.memberId })
        .from(signups)
        .where(and(eq(signups.id, signupId), eq(signups.activityId, id)));
      return row?.memberId === m.id;
    }
    case 'club': {
      if (scope.params.objectionId !== undefined) return ownsObjection(db, m, scope, 'club', id);
      const handoverId = positiveInt(scope.params.handoverId);
      if (id === null || handoverId === null) return false;
      const [row] = await db
        .select({ to: clubHandovers.toMemberId })
        .from(clubHandovers)
        .where(and(eq(clubHandovers.id, handoverId), eq(clubHandovers.clubId, id)));
      return row?.to === m.id;
    }
    case 'need': {
      const need = await objects.need(id);
      return need?.postedBy === m.id;
    }
    case 'party': {
      const appointmentId = positiveInt(scope.params.appointmentId);
      if (appointmentId === null) return false;
      const [row] = await db
        .select({ memberId: partyAppointments.memberId, partyKey: partyAppointments.partyKey })
        .from(partyAppointments)
        .where(eq(partyAppointments.id, appointmentId));
      return row?.memberId === m.id && row.partyKey === scope.params.key;
    }
    default:
      return false;
  }
}
