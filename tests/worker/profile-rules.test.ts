import { describe, expect, it } from 'vitest';
import { wallClock } from '../../worker/community/profile/rules';

/** The wall clock as Intl reads it, instant by instant: what `wallClock` must agree with. */
function intlClock(ms: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

describe('wallClock: the community clock at an instant', () => {
  it.each([
    ['Asia/Shanghai', '2026-12-31T15:59:00Z'],
    ['Europe/Berlin', '2025-03-30T00:00:00Z'],
    ['Europe/Berlin', '2025-10-26T00:00:00Z'],
    ['America/New_York', '2025-03-09T05:00:00Z'],
    ['America/New_York', '2025-11-02T04:00:00Z'],
    ['Australia/Lord_Howe', '2025-04-05T14:00:00Z'],
    ['Asia/Kathmandu', '2025-06-30T18:00:00Z'],
  ])('agrees with Intl minute by minute around %s %s, a change of offset included', (timeZone, around) => {
    const centre = Date.parse(around);
    for (let ms = centre - 36 * 3600_000; ms <= centre + 36 * 3600_000; ms += 7 * 60_000 + 13_000) {
      expect(wallClock(ms, timeZone), new Date(ms).toISOString()).toEqual(intlClock(ms, timeZone));
    }
  });

  it('reads an ISO time with any offset as the one instant it names', () => {
    expect(wallClock('2026-01-01T07:30:00+08:00', 'Asia/Shanghai')).toEqual({ date: '2026-01-01', minutes: 450 });
    expect(wallClock('2025-12-31T23:30:00Z', 'Asia/Shanghai')).toEqual({ date: '2026-01-01', minutes: 450 });
  });
});
