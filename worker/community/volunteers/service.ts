import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { hasHappened } from '../activities/rules';
import { activities, signups } from '../activities/schema';
import { members } from '../members/schema';
import { notifyMembers } from '../notifications/emit';
import { programs } from '../programs/schema';
import { confirmationOverdue, hoursProblem, ownHoursProblem } from './rules';
import { volunteerHours } from './schema';

export interface HoursInput {
  memberId: number;
  activityId: number;
  programKey?: string;
  servedOn: string;
  minutes: number;
  note?: string;
}

/** Records someone's volunteer hours on an activity, waiting for their confirmation; who may record is declared on the route. */
export async function recordHours(db: TenantDb, recorderId: number, input: HoursInput): Promise<number> {
  const [[volunteer], activityRows, places] = await db.batch([
    db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, input.memberId), eq(members.status, 'active'))),
    db
      .select({ state: activities.state, responsible: activities.responsibleMemberId, title: activities.title })
      .from(activities)
      .where(eq(activities.id, input.activityId)),
    db
      .select({ id: signups.id })
      .from(signups)
      .where(and(eq(signups.activityId, input.activityId), eq(signups.memberId, input.memberId), eq(signups.status, 'confirmed'))),
  ]);
  if (!volunteer) throw new AppError('not_found', 'No such member');
  const activity = activityRows[0];
  if (!activity) throw new AppError('not_found', 'No such activity');
  const problem = hoursProblem({
    volunteerId: input.memberId,
    recorderId,
    activity: { happened: hasHappened(activity.state), tookPart: places.length > 0 || activity.responsible === input.memberId },
  });
  if (problem) throw new AppError(problem.code, problem.message, { [problem.field]: [problem.message] });
  const [recorder] = await db.select({ name: members.displayName }).from(members).where(eq(members.id, recorderId));
  const [inserted] = await db.batch([
    db
      .insert(volunteerHours)
      .values({
        memberId: input.memberId,
        activityId: input.activityId,
        programKey: input.programKey ?? null,
        servedOn: input.servedOn,
        minutes: input.minutes,
        note: input.note ?? '',
        recordedBy: recorderId,
      })
      .returning({ id: volunteerHours.id }),
    // The volunteer confirms what someone else recorded for them (hoursProblem refuses recording one's own here).
    ...notifyMembers(db, input.memberId === recorderId ? [] : [input.memberId], {
      kind: 'hours.to-confirm',
      params: { hours: Math.round((input.minutes / 60) * 10) / 10, what: activity.title, by: recorder?.name ?? '' },
      link: '/volunteering',
    }),
  ]);
  return inserted[0]!.id;
}

export interface OwnHoursInput {
  programKey: string;
  servedOn: string;
  minutes: number;
  note?: string;
}

/**
 * A volunteer logs their own service outside an activity, for one of the community's programs, within a week of
 * the day served (`today` is the community's date); an association admin confirms it.
 */
export async function logOwnHours(db: TenantDb, memberId: number, input: OwnHoursInput, today: string): Promise<number> {
  const [program] = await db
    .select({ key: programs.key })
    .from(programs)
    .where(and(eq(programs.key, input.programKey), eq(programs.enabled, true)));
  if (!program) throw new AppError('validation_failed', 'No such program', { programKey: ['No such program'] });
  const problem = ownHoursProblem(input.servedOn, today);
  if (problem) throw new AppError('validation_failed', problem, { servedOn: [problem] });
  const [row] = await db
    .insert(volunteerHours)
    .values({
      memberId,
      programKey: input.programKey,
      servedOn: input.servedOn,
      minutes: input.minutes,
      note: input.note ?? '',
      recordedBy: memberId,
    })
    .returning({ id: volunteerHours.id });
  return row!.id;
}

/** An association admin confirms hours a volunteer logged themself; never their own, and only once. */
export async function approveOwnHours(db: TenantDb, approverId: number, id: number): Promise<void> {
  const [row] = await db
    .select({ memberId: volunteerHours.memberId, recordedBy: volunteerHours.recordedBy, confirmedAt: volunteerHours.confirmedAt })
    .from(volunteerHours)
    .where(eq(volunteerHours.id, id));
  if (!row) throw new AppError('not_found', 'No such hours');
  if (row.recordedBy !== row.memberId) throw new AppError('conflict', 'Hours an organiser recorded are confirmed by the volunteer');
  if (row.memberId === approverId) throw new AppError('forbidden', 'Another administrator confirms your own hours');
  if (row.confirmedAt) throw new AppError('conflict', 'These hours are already confirmed');
  await db
    .update(volunteerHours)
    .set({ confirmedAt: new Date().toISOString() })
    .where(and(eq(volunteerHours.id, id), isNull(volunteerHours.confirmedAt)));
}

/** Hours volunteers logged themselves that wait for an administrator, oldest first, flagged once past the week. */
export async function hoursWaitingForAdmins(db: TenantDb, now: number) {
  const rows = await db
    .select({
      id: volunteerHours.id,
      memberId: volunteerHours.memberId,
      volunteerName: members.displayName,
      programKey: volunteerHours.programKey,
      servedOn: volunteerHours.servedOn,
      minutes: volunteerHours.minutes,
      note: volunteerHours.note,
      loggedAt: volunteerHours.createdAt,
    })
    .from(volunteerHours)
    .innerJoin(members, eq(members.id, volunteerHours.memberId))
    .where(
      and(isNull(volunteerHours.confirmedAt), isNull(volunteerHours.activityId), eq(volunteerHours.recordedBy, volunteerHours.memberId)),
    )
    .orderBy(asc(volunteerHours.createdAt), asc(volunteerHours.id));
  return rows.map((r) => ({ ...r, overdue: confirmationOverdue(r.loggedAt, null, now) }));
}
