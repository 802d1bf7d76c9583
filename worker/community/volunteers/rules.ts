/**
 * Why volunteer hours may not be recorded, or null. Hours are for someone else (the volunteer confirms them), and
 * hours on an activity are for someone who took part in it once it has happened.
 */
export function hoursProblem(c: {
  volunteerId: number;
  recorderId: number;
  activity: { happened: boolean; tookPart: boolean } | null;
}): { code: 'forbidden' | 'validation_failed'; field: string; message: string } | null {
  if (c.volunteerId === c.recorderId)
    return { code: 'forbidden', field: 'memberId', message: 'Someone else records your hours; you confirm them' };
  if (c.activity && !c.activity.happened)
    return { code: 'validation_failed', field: 'activityId', message: 'Record hours once the activity has happened' };
  if (c.activity && !c.activity.tookPart)
    return { code: 'validation_failed', field: 'memberId', message: 'Only people who took part in the activity' };
  return null;
}

/** How long a volunteer has to log service outside an activity, and how long the confirmer has to confirm it. */
export const HOURS_WINDOW_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Why a volunteer may not log their own service outside an activity on `servedOn`, or null: it is logged within
 * a week of the day served (in the community's calendar), never ahead of it.
 */
export function ownHoursProblem(servedOn: string, today: string): string | null {
  if (servedOn > today) return 'Log service once it has happened';
  const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${servedOn}T00:00:00Z`)) / DAY;
  if (age > HOURS_WINDOW_DAYS) return `Log service within ${HOURS_WINDOW_DAYS} days of the day served`;
  return null;
}

/** Whether hours a volunteer logged are still waiting for confirmation after the week the confirmer has. */
export function confirmationOverdue(loggedAt: string, confirmedAt: string | null, now: number): boolean {
  return confirmedAt === null && now - Date.parse(loggedAt) > HOURS_WINDOW_DAYS * DAY;
}
