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
