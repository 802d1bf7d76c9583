import { api, request } from '../../../lib/api';
import { type ActivityState, type ActivityStep, checkInStates, happenedStates } from '../../../lib/budget';
import { loadActivity } from './load-activity';

export { loadActivity };
export type Activity = Awaited<ReturnType<typeof loadActivity>>;

/** The path an activity takes, in order (cancelling leaves it). */
export const PROCESS: ActivityState[] = ['draft', 'budget-submitted', 'approved', 'open', 'closed', 'held', 'settled', 'reviewed'];
/** The steps taken with a button; settling, reviewing and cancelling have forms of their own. */
export const STEPS: Exclude<ActivityStep, 'settle' | 'review' | 'cancel'>[] = ['submit', 'approve', 'return', 'open', 'close', 'hold'];
export type ButtonStep = (typeof STEPS)[number];
/** States in which participants check in. */
export const CHECK_IN_STATES = checkInStates;
/** States after the activity took place. */
export const HAPPENED = happenedStates;

/** Moves the activity one step along its path; a cancellation carries its reason. */
export const takeStep = (id: string, step: ButtonStep | 'cancel', reason = '') =>
  request(
    api.api.activities[':id'].steps.$post({
      param: { id },
      json: step === 'cancel' ? { step, reason: reason.trim() } : { step },
    }),
  );
