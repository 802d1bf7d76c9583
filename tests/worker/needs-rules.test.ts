import { describe, expect, it } from 'vitest';
import { needsFiguresFrom } from '../../worker/community/needs/figures';
import {
  canMoveNeed,
  forMonthlyReview,
  lastMonths,
  median,
  monthIn,
  needMoveExists,
  needView,
  nextNeedStates,
  noteRequired,
} from '../../worker/community/needs/rules';

describe('the need lifecycle', () => {
  it('is claimed only by a steward, and only while unclaimed', () => {
    expect(canMoveNeed('unclaimed', 'claimed', ['steward'])).toBe(true);
    expect(canMoveNeed('unclaimed', 'claimed', ['poster'])).toBe(false);
    expect(canMoveNeed('claimed', 'claimed', ['steward', 'coordinator'])).toBe(false);
    expect(needMoveExists('claimed', 'claimed')).toBe(false);
  });

  it('is carried on by the claimant or a coordinator: into an activity, solved, declined or released', () => {
    expect(nextNeedStates('claimed', ['claimant'])).toEqual(['unclaimed', 'became-activity', 'solved', 'wont-do']);
    expect(canMoveNeed('claimed', 'became-activity', ['coordinator'])).toBe(true);
    expect(canMoveNeed('claimed', 'became-activity', ['steward'])).toBe(false);
    expect(canMoveNeed('claimed', 'wont-do', ['poster'])).toBe(false);
  });

  it('lets the poster say it solved itself, and a coordinator decline it unclaimed', () => {
    expect(canMoveNeed('unclaimed', 'solved', ['poster'])).toBe(true);
    expect(canMoveNeed('claimed', 'solved', ['poster'])).toBe(true);
    expect(canMoveNeed('unclaimed', 'wont-do', ['coordinator'])).toBe(true);
    expect(canMoveNeed('unclaimed', 'wont-do', ['poster', 'steward'])).toBe(false);
  });

  it('ends at became-activity, solved and wont-do', () => {
    for (const end of ['became-activity', 'solved', 'wont-do'] as const) {
      expect(nextNeedStates(end, ['claimant', 'coordinator', 'poster', 'steward'])).toEqual([]);
    }
  });

  it('asks for a reason to decline or release, not to solve', () => {
    expect(noteRequired('wont-do')).toBe(true);
    expect(noteRequired('unclaimed')).toBe(true);
    expect(noteRequired('solved')).toBe(false);
  });
});

describe('the monthly review', () => {
  const now = new Date('2027-03-20T00:00:00Z');
  it('takes up needs unclaimed for more than the community days', () => {
    expect(forMonthlyReview('unclaimed', '2027-03-05T00:00:00Z', now, 14)).toBe(true);
    expect(forMonthlyReview('unclaimed', '2027-03-06T00:00:00Z', now, 14)).toBe(false);
    expect(forMonthlyReview('unclaimed', '2027-03-10T00:00:00Z', now, 7)).toBe(true);
    expect(forMonthlyReview('claimed', '2026-01-01T00:00:00Z', now, 14)).toBe(false);
  });
});

describe('who sees what of a need', () => {
  it('hides every name from visitors, and the neighbour from members other than the poster and coordinators', () => {
    expect(needView(null, { postedBy: 1 })).toEqual({ names: false, neighbour: false });
    expect(needView({ memberId: 2, coordinator: false }, { postedBy: 1 })).toEqual({ names: true, neighbour: false });
    expect(needView({ memberId: 1, coordinator: false }, { postedBy: 1 })).toEqual({ names: true, neighbour: true });
    expect(needView({ memberId: 3, coordinator: true }, { postedBy: 1 })).toEqual({ names: true, neighbour: true });
  });
});

describe('the register figures', () => {
  it('counts by month on the community wall clock', () => {
    // 2027-01-31T17:00Z is already 1 February in Shanghai.
    expect(monthIn('2027-01-31T17:00:00Z', 'Asia/Shanghai')).toBe('2027-02');
    expect(monthIn('2027-01-31T17:00:00Z', 'UTC')).toBe('2027-01');
    expect(lastMonths(new Date('2027-01-31T17:00:00Z'), 'Asia/Shanghai', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('gives posted, claimed, turned-into, solved and the median hours to claim per month', () => {
    const figures = needsFiguresFrom(['2027-01', '2027-02'], 'Asia/Shanghai', {
      posted: [{ createdAt: '2027-01-10T02:00:00Z' }, { createdAt: '2027-01-31T17:00:00Z' }],
      steps: [
        { toState: 'claimed', at: '2027-02-02T02:00:00Z' },
        { toState: 'became-activity', at: '2027-02-03T02:00:00Z' },
        { toState: 'solved', at: '2026-12-03T02:00:00Z' },
      ],
      claims: [
        { createdAt: '2027-01-31T17:00:00Z', claimedAt: '2027-02-02T02:00:00Z' },
        { createdAt: '2027-02-01T00:00:00Z', claimedAt: '2027-02-01T10:00:00Z' },
      ],
    });
    const by = Object.fromEntries(figures.map((f) => [f.key, f.values]));
    expect(by['needs-posted']).toEqual({ '2027-01': 1, '2027-02': 1 });
    expect(by['needs-claimed']).toEqual({ '2027-01': 0, '2027-02': 1 });
    expect(by['needs-became-activities']).toEqual({ '2027-01': 0, '2027-02': 1 });
    expect(by['needs-solved']).toEqual({ '2027-01': 0, '2027-02': 0 });
    expect(by['needs-median-hours-to-claim']).toEqual({ '2027-02': 21.5 });
  });
});
