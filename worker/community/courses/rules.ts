/**
 * The community university's rules, pure: the fee (AA with the community's surplus), the audience, the enrolment
 * deadline on the community's wall clock, the decision at the deadline, refunds, completion and the sessions' fit
 * within the term. The web imports them too.
 */
import { computeBudget } from '../activities/budget';
import { wallClock } from '../profile/rules';

/** A course whose oldest age is under 18 is for children: a guardian enrols each child by name. */
export function isForChildren(ageMax: number | null): boolean {
  return ageMax !== null && ageMax < 18;
}

/**
 * The fee per person: the course's costs plus the community's surplus, shared among the minimum enrolment, rounded
 * up to the yuan (公益不是免费). At the minimum the course covers its costs and surplus; every extra place adds to it.
 */
export function courseFee(input: { costFen: number; minEnrolment: number; surplusRatePercent: number }): number {
  if (input.costFen === 0) return 0;
  const budget = computeBudget({
    lines: [{ label: 'course', amountFen: input.costFen }],
    expectedParticipants: input.minEnrolment,
    surplusRatePercent: input.surplusRatePercent,
  });
  return budget.feeFen ?? 0;
}

/**
 * The instant (UTC, ISO) at which the wall clock of `timeZone` shows `date` `time`. "24:00" is the end of the
 * day, i.e. midnight at the start of the next one. A wall time skipped by a clock change resolves forwards.
 */
export function instantAt(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  // Two corrections settle any offset, including one that changes between the guess and the answer.
  for (let i = 0; i < 3; i++) {
    const seen = wallClock(guess, timeZone);
    const [sy, sm, sd] = seen.date.split('-').map(Number) as [number, number, number];
    const shown = Date.UTC(sy, sm - 1, sd) + seen.minutes * 60_000;
    if (shown === wanted) break;
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}

/** Whether enrolment is still open at `now` (ms): strictly before the deadline. */
export function enrolmentOpen(deadline: string, now: number): boolean {
  return now < Date.parse(deadline);
}

export type CourseDecision = 'wait' | 'open' | 'cancel';

/**
 * What happens to a course still enrolling: before its deadline it waits, unless a coordinator decides now; then it
 * opens with at least its minimum enrolled, and is cancelled below it.
 */
export function decide(input: {
  enrolled: number;
  minEnrolment: number;
  deadline: string;
  now: number;
  decideNow?: boolean;
}): CourseDecision {
  if (enrolmentOpen(input.deadline, input.now) && !input.decideNow) return 'wait';
  return input.enrolled >= input.minEnrolment ? 'open' : 'cancel';
}

/** The enrolments a decision refunds: everyone holding or awaiting a place when it is cancelled, those still waiting when it opens. */
export function refundedBy(decision: CourseDecision): readonly ('enrolled' | 'waitlisted')[] {
  if (decision === 'cancel') return ['enrolled', 'waitlisted'];
  if (decision === 'open') return ['waitlisted'];
  return [];
}

/** A refund is owed for an enrolment that paid a fee and has not been refunded. */
export function refundOwed(e: { feeFen: number; paymentRef: string | null; refundRef: string | null }): boolean {
  return e.feeFen > 0 && e.paymentRef !== null && e.refundRef === null;
}

/** Completion: attended at least 75 % of the course's sessions. */
export function completed(attended: number, sessions: number): boolean {
  return sessions > 0 && attended * 4 >= sessions * 3;
}

export interface SessionInput {
  startsAt: string;
  endsAt: string;
}

/**
 * Why a schedule does not fit its term, per session index, or an empty list: each session ends after it starts,
 * within one day, and falls on days of the term on the community's calendar.
 */
export function scheduleProblems(
  sessions: readonly SessionInput[],
  term: { startsOn: string; endsOn: string },
  timeZone: string,
): { index: number; problem: 'order' | 'too-long' | 'outside-term' }[] {
  const problems: { index: number; problem: 'order' | 'too-long' | 'outside-term' }[] = [];
  sessions.forEach((s, index) => {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (!(end > start)) problems.push({ index, problem: 'order' });
    else if (end - start > 12 * 3600_000) problems.push({ index, problem: 'too-long' });
    else if (wallClock(start, timeZone).date < term.startsOn || wallClock(end - 1, timeZone).date > term.endsOn)
      problems.push({ index, problem: 'outside-term' });
  });
  return problems;
}

/** A member's place in the queue: 1 for the first waiting, by when they enrolled (then by id). */
export function waitlistPosition(queue: readonly { id: number; createdAt: string }[], id: number): number | null {
  const sorted = [...queue].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const i = sorted.findIndex((e) => e.id === id);
  return i < 0 ? null : i + 1;
}
