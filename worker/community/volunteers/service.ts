import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { hasHappened } from '../activities/rules';
import { activities, signups } from '../activities/schema';
import { members } from '../members/schema';
import { hoursProblem } from './rules';
import { volunteerHours } from './schema';

export interface HoursInput {
  memberId: number;
  activityId?: number;
  programKey?: string;
  servedOn: string;
  minutes: number;
  note?: string;
}

/** Records someone's volunteer hours, waiting for their confirmation; who may record is declared on the route. */
export async function recordHours(db: TenantDb, recorderId: number, input: HoursInput): Promise<number> {
  const [[volunteer], activityRows, places] = await db.batch([
    db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, input.memberId), eq(members.status, 'active'))),
    db
      .select({ state: activities.state, responsible: activities.responsibleMemberId })
      .from(activities)
      .where(eq(activities.id, input.activityId ?? -1)),
    db
      .select({ id: signups.id })
      .from(signups)
      .where(and(eq(signups.activityId, input.activityId ?? -1), eq(signups.memberId, input.memberId), eq(signups.status, 'confirmed'))),
  ]);
  if (!volunteer) throw new AppError('not_found', 'No such member');
  const activity = activityRows[0];
  if (input.activityId !== undefined && !activity) throw new AppError('not_found', 'No such activity');
  const problem = hoursProblem({
    volunteerId: input.memberId,
    recorderId,
    activity: activity
      ? { happened: hasHappened(activity.state), tookPart: places.length > 0 || activity.responsible === input.memberId }
      : null,
  });
  if (problem) throw new AppError(problem.code, problem.message, { [problem.field]: [problem.message] });
  const [row] = await db
    .insert(volunteerHours)
    .values({
      memberId: input.memberId,
      activityId: input.activityId ?? null,
      programKey: input.programKey ?? null,
      servedOn: input.servedOn,
      minutes: input.minutes,
      note: input.note ?? '',
      recordedBy: recorderId,
    })
    .returning({ id: volunteerHours.id });
  return row!.id;
}
