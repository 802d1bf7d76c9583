import { describe, expect, it } from 'vitest';
import { wallClock } from '../../worker/community/profile/rules';
import {
  managesSeries,
  nextOccurrences,
  occurrenceAt,
  occurrenceDate,
  weekdayOfMonth,
  withinEnd,
  zonedInstant,
} from '../../worker/community/series/rules';

const local = (iso: string, tz: string) => {
  const w = wallClock(iso, tz);
  return `${w.date} ${String(Math.floor(w.minutes / 60)).padStart(2, '0')}:${String(w.minutes % 60).padStart(2, '0')}`;
};

describe('zonedInstant: a wall-clock time in a zone as an instant', () => {
  it('reads Shanghai (no summer time) at +08:00 all year', () => {
    expect(new Date(zonedInstant('2025-01-15', 9 * 60, 'Asia/Shanghai')).toISOString()).toBe('2025-01-15T01:00:00.000Z');
    expect(new Date(zonedInstant('2025-07-15', 9 * 60, 'Asia/Shanghai')).toISOString()).toBe('2025-07-15T01:00:00.000Z');
  });

  it('follows Berlin across its changes, reading a skipped time after the jump and a repeated one at its first occurrence', () => {
    expect(new Date(zonedInstant('2025-03-29', 10 * 60, 'Europe/Berlin')).toISOString()).toBe('2025-03-29T09:00:00.000Z');
    expect(new Date(zonedInstant('2025-03-30', 10 * 60, 'Europe/Berlin')).toISOString()).toBe('2025-03-30T08:00:00.000Z');
    // 02:30 does not exist on 30 March 2025 in Berlin: it is read as 03:30 CEST.
    expect(new Date(zonedInstant('2025-03-30', 150, 'Europe/Berlin')).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 26 October 2025: the first time, still in summer time.
    expect(new Date(zonedInstant('2025-10-26', 150, 'Europe/Berlin')).toISOString()).toBe('2025-10-26T00:30:00.000Z');
  });

  it('follows New York across its changes', () => {
    expect(new Date(zonedInstant('2025-03-08', 19 * 60, 'America/New_York')).toISOString()).toBe('2025-03-09T00:00:00.000Z');
    expect(new Date(zonedInstant('2025-03-09', 19 * 60, 'America/New_York')).toISOString()).toBe('2025-03-09T23:00:00.000Z');
    expect(new Date(zonedInstant('2025-11-02', 60 + 30, 'America/New_York')).toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });
});

describe('occurrenceDate: which day each occurrence falls on', () => {
  it('steps weeks across month and year ends', () => {
    expect(occurrenceDate('2025-12-20', { every: 2, unit: 'week' }, 1)).toBe('2026-01-03');
    expect(occurrenceDate('2025-12-20', { every: 1, unit: 'week' }, 10)).toBe('2026-02-28');
  });

  it('keeps the day of the month, clamping to the month’s last day (leap years included)', () => {
    const rule = { every: 1, unit: 'month', by: 'day-of-month' } as const;
    expect([0, 1, 2, 3, 4].map((i) => occurrenceDate('2024-01-31', rule, i))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
    expect(occurrenceDate('2025-01-31', rule, 1)).toBe('2025-02-28');
    expect(occurrenceDate('2024-02-29', { every: 12, unit: 'month', by: 'day-of-month' }, 1)).toBe('2025-02-28');
    expect(occurrenceDate('2024-02-29', { every: 12, unit: 'month', by: 'day-of-month' }, 4)).toBe('2028-02-29');
  });

  it('every two months across the year end', () => {
    const rule = { every: 2, unit: 'month', by: 'day-of-month' } as const;
    expect([1, 2, 3].map((i) => occurrenceDate('2025-10-15', rule, i))).toEqual(['2025-12-15', '2026-02-15', '2026-04-15']);
  });

  it('keeps the weekday of the month: the 2nd Saturday, and a fifth one becomes the last', () => {
    expect(weekdayOfMonth('2025-03-08')).toEqual({ weekday: 6, n: 2 });
    expect(weekdayOfMonth('2025-03-29')).toEqual({ weekday: 6, n: 'last' });
    const second = { every: 2, unit: 'month', by: 'weekday-of-month' } as const;
    expect([0, 1, 2, 3].map((i) => occurrenceDate('2025-03-08', second, i))).toEqual([
      '2025-03-08',
      '2025-05-10',
      '2025-07-12',
      '2025-09-13',
    ]);
    const last = { every: 1, unit: 'month', by: 'weekday-of-month' } as const;
    expect([1, 2].map((i) => occurrenceDate('2025-03-29', last, i))).toEqual(['2025-04-26', '2025-05-31']);
  });
});

describe('occurrenceAt: the same wall-clock time whatever the clocks do', () => {
  it('keeps 10:00 in Berlin across the March change (the UTC time moves by an hour)', () => {
    const weekly = { every: 1, unit: 'week' } as const;
    const first = occurrenceAt('2025-03-22T09:00:00Z', '2025-03-22T11:00:00Z', weekly, 'Europe/Berlin', 0);
    const second = occurrenceAt('2025-03-22T09:00:00Z', '2025-03-22T11:00:00Z', weekly, 'Europe/Berlin', 1);
    expect(local(first.startsAt, 'Europe/Berlin')).toBe('2025-03-22 10:00');
    expect(local(second.startsAt, 'Europe/Berlin')).toBe('2025-03-29 10:00');
    const third = occurrenceAt('2025-03-22T09:00:00Z', '2025-03-22T11:00:00Z', weekly, 'Europe/Berlin', 2);
    expect(third.startsAt).toBe('2025-04-05T08:00:00.000Z');
    expect(local(third.endsAt, 'Europe/Berlin')).toBe('2025-04-05 12:00');
  });

  it('keeps 19:00 in New York across the November change', () => {
    const monthly = { every: 1, unit: 'month', by: 'weekday-of-month' } as const;
    const occurrences = [0, 1].map((i) => occurrenceAt('2025-10-04T23:00:00Z', '2025-10-05T01:00:00Z', monthly, 'America/New_York', i));
    expect(occurrences.map((o) => local(o.startsAt, 'America/New_York'))).toEqual(['2025-10-04 19:00', '2025-11-01 19:00']);
    // An evening that ends after midnight keeps ending after midnight.
    expect(local(occurrences[1]!.endsAt, 'America/New_York')).toBe('2025-11-01 21:00');
  });

  it('keeps Shanghai at the same UTC time, every two months on the second Saturday', () => {
    const rule = { every: 2, unit: 'month', by: 'weekday-of-month' } as const;
    const list = nextOccurrences(
      { startsAt: '2025-03-08T01:00:00Z', endsAt: '2025-03-08T04:00:00Z', rule, timeZone: 'Asia/Shanghai', end: {} },
      0,
      3,
    );
    expect(list.map((o) => o.startsAt)).toEqual(['2025-05-10T01:00:00.000Z', '2025-07-12T01:00:00.000Z', '2025-09-13T01:00:00.000Z']);
  });
});

describe('the end of a series', () => {
  it('stops at a count (the first occurrence included) or after a date', () => {
    expect(withinEnd(2, '2025-05-01', { count: 3 })).toBe(true);
    expect(withinEnd(3, '2025-05-01', { count: 3 })).toBe(false);
    expect(withinEnd(1, '2025-06-30', { until: '2025-06-30' })).toBe(true);
    expect(withinEnd(1, '2025-07-01', { until: '2025-06-30' })).toBe(false);
    const series = {
      startsAt: '2025-01-04T01:00:00Z',
      endsAt: '2025-01-04T03:00:00Z',
      rule: { every: 1, unit: 'week' as const },
      timeZone: 'Asia/Shanghai',
    };
    expect(nextOccurrences({ ...series, end: { count: 3 } }, 0, 10)).toHaveLength(2);
    expect(nextOccurrences({ ...series, end: { until: '2025-01-20' } }, 0, 10).map((o) => o.position)).toEqual([1, 2]);
    expect(nextOccurrences({ ...series, end: { count: 3 } }, 2, 1)).toEqual([]);
  });
});

describe('who manages a series', () => {
  it('is an administrator, or the responsible person of its club; a visitor never', () => {
    expect(managesSeries(null, { clubId: 1 })).toBe(false);
    expect(managesSeries({ id: 2, admin: true, responsibleFor: [] }, { clubId: null })).toBe(true);
    expect(managesSeries({ id: 2, admin: false, responsibleFor: [1] }, { clubId: 1 })).toBe(true);
    expect(managesSeries({ id: 2, admin: false, responsibleFor: [1] }, { clubId: null })).toBe(false);
    expect(managesSeries({ id: 2, admin: false, responsibleFor: [3] }, { clubId: 1 })).toBe(false);
  });
});
