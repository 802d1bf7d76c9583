import { describe, expect, it } from 'vitest';
import {
  completed,
  courseFee,
  decide,
  enrolmentOpen,
  instantAt,
  isForChildren,
  refundedBy,
  refundOwed,
  scheduleProblems,
  waitlistPosition,
} from '../../worker/community/courses/rules';

describe('the fee is the AA share with the surplus', () => {
  it('shares costs plus the surplus among the minimum enrolment, rounded up to the yuan', () => {
    // 600 yuan of ink and paper, 8 % surplus, at least 8 people: 648 / 8 = 81 yuan.
    expect(courseFee({ costFen: 60_000, minEnrolment: 8, surplusRatePercent: 8 })).toBe(8_100);
    // 100 yuan, 10 %, 3 people: 36.67 → 37 yuan.
    expect(courseFee({ costFen: 10_000, minEnrolment: 3, surplusRatePercent: 10 })).toBe(3_700);
  });
  it('is free when there are no costs', () => {
    expect(courseFee({ costFen: 0, minEnrolment: 5, surplusRatePercent: 8 })).toBe(0);
  });
});

describe('the audience', () => {
  it('is children when the oldest age is under 18', () => {
    expect(isForChildren(12)).toBe(true);
    expect(isForChildren(17)).toBe(true);
    expect(isForChildren(18)).toBe(false);
    expect(isForChildren(null)).toBe(false);
  });
});

describe('the deadline on the community’s wall clock', () => {
  it('reads midnight in Shanghai as 16:00 UTC the day before', () => {
    expect(instantAt('2027-03-01', '00:00', 'Asia/Shanghai')).toBe('2027-02-28T16:00:00.000Z');
  });
  it('takes 24:00 as the end of the day, across a month end', () => {
    expect(instantAt('2027-02-28', '24:00', 'Asia/Shanghai')).toBe('2027-02-28T16:00:00.000Z');
  });
  it('knows the leap day', () => {
    expect(instantAt('2028-02-29', '24:00', 'Asia/Shanghai')).toBe('2028-02-29T16:00:00.000Z');
    expect(instantAt('2028-02-29', '09:30', 'Asia/Shanghai')).toBe('2028-02-29T01:30:00.000Z');
  });
  it('follows summer time in a zone that has it', () => {
    expect(instantAt('2027-07-01', '00:00', 'Europe/Berlin')).toBe('2027-06-30T22:00:00.000Z');
    expect(instantAt('2027-01-01', '00:00', 'Europe/Berlin')).toBe('2026-12-31T23:00:00.000Z');
  });
  it('closes enrolment at the deadline itself, not a moment later', () => {
    const deadline = instantAt('2027-03-01', '00:00', 'Asia/Shanghai');
    expect(enrolmentOpen(deadline, Date.parse(deadline) - 1)).toBe(true);
    expect(enrolmentOpen(deadline, Date.parse(deadline))).toBe(false);
  });
});

describe('the decision at the deadline', () => {
  const deadline = '2027-03-01T00:00:00.000Z';
  const at = Date.parse(deadline);
  it('waits before the deadline unless a coordinator decides now', () => {
    expect(decide({ enrolled: 1, minEnrolment: 5, deadline, now: at - 1 })).toBe('wait');
    expect(decide({ enrolled: 1, minEnrolment: 5, deadline, now: at - 1, decideNow: true })).toBe('cancel');
  });
  it('opens at the minimum and cancels below it', () => {
    expect(decide({ enrolled: 5, minEnrolment: 5, deadline, now: at })).toBe('open');
    expect(decide({ enrolled: 4, minEnrolment: 5, deadline, now: at })).toBe('cancel');
    expect(decide({ enrolled: 0, minEnrolment: 1, deadline, now: at + 86400_000 })).toBe('cancel');
  });
  it('refunds everyone when cancelled, and those still waiting when it opens', () => {
    expect(refundedBy('cancel')).toEqual(['enrolled', 'waitlisted']);
    expect(refundedBy('open')).toEqual(['waitlisted']);
    expect(refundedBy('wait')).toEqual([]);
  });
  it('owes a refund once, and only for a fee paid', () => {
    expect(refundOwed({ feeFen: 8_100, paymentRef: 'p', refundRef: null })).toBe(true);
    expect(refundOwed({ feeFen: 8_100, paymentRef: 'p', refundRef: 'r' })).toBe(false);
    expect(refundOwed({ feeFen: 0, paymentRef: 'p', refundRef: null })).toBe(false);
    expect(refundOwed({ feeFen: 8_100, paymentRef: null, refundRef: null })).toBe(false);
  });
});

describe('completion', () => {
  it('needs at least 75 % of the sessions', () => {
    expect(completed(6, 8)).toBe(true);
    expect(completed(5, 8)).toBe(false);
    expect(completed(3, 4)).toBe(true);
    expect(completed(2, 3)).toBe(false);
    expect(completed(0, 0)).toBe(false);
  });
});

describe('the schedule within the term', () => {
  const term = { startsOn: '2028-02-26', endsOn: '2028-02-29' };
  it('accepts sessions on the term’s days on the community’s calendar, including the leap day', () => {
    expect(
      scheduleProblems(
        [
          { startsAt: '2028-02-26T01:00:00Z', endsAt: '2028-02-26T02:30:00Z' },
          { startsAt: '2028-02-29T14:00:00Z', endsAt: '2028-02-29T15:30:00Z' },
        ],
        term,
        'Asia/Shanghai',
      ),
    ).toEqual([]);
  });
  it('refuses a session that is already the next day in the community’s zone', () => {
    // 16:30 UTC on the 29th is 00:30 on 1 March in Shanghai.
    expect(scheduleProblems([{ startsAt: '2028-02-29T16:30:00Z', endsAt: '2028-02-29T17:30:00Z' }], term, 'Asia/Shanghai')).toEqual([
      { index: 0, problem: 'outside-term' },
    ]);
    // 23:00 UTC on the 25th is already the 26th in Shanghai.
    expect(scheduleProblems([{ startsAt: '2028-02-25T23:00:00Z', endsAt: '2028-02-26T00:30:00Z' }], term, 'Asia/Shanghai')).toEqual([]);
  });
  it('refuses sessions that end before they start or run past 12 hours', () => {
    expect(
      scheduleProblems(
        [
          { startsAt: '2028-02-27T02:00:00Z', endsAt: '2028-02-27T01:00:00Z' },
          { startsAt: '2028-02-27T00:00:00Z', endsAt: '2028-02-27T13:00:00Z' },
        ],
        term,
        'Asia/Shanghai',
      ).map((p) => p.problem),
    ).toEqual(['order', 'too-long']);
  });
});

describe('the waitlist', () => {
  it('numbers places by when they were taken, then by id', () => {
    const queue = [
      { id: 7, createdAt: '2027-02-01T10:00:00Z' },
      { id: 3, createdAt: '2027-02-01T09:00:00Z' },
      { id: 5, createdAt: '2027-02-01T10:00:00Z' },
    ];
    expect(waitlistPosition(queue, 3)).toBe(1);
    expect(waitlistPosition(queue, 5)).toBe(2);
    expect(waitlistPosition(queue, 7)).toBe(3);
    expect(waitlistPosition(queue, 9)).toBeNull();
  });
});
