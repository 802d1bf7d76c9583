import { afterEach, describe, expect, it } from 'vitest';
import {
  communityTimeZone,
  dayOf,
  deviceClockDiffers,
  formatDate,
  formatDateTime,
  formatRange,
  formatTime,
  formatWhen,
  isoToLocalInput,
  localInputToIso,
  setCommunityTimeZone,
  today,
} from '../../web/src/lib/format';

const NY = 'America/New_York';

afterEach(() => setCommunityTimeZone('Asia/Shanghai'));

describe("times are the community's, whatever the device's zone", () => {
  // 01:00 UTC: 09:00 in Shanghai, 21:00 the evening before in New York (summer time), 01:00 on a device set to UTC.
  const nineInShanghai = '2026-06-06T01:00:00.000Z';

  it('shows an instant on the community clock, Asia/Shanghai until the site says otherwise', () => {
    expect(communityTimeZone()).toBe('Asia/Shanghai');
    expect(formatTime(nineInShanghai, 'zh-CN')).toBe('09:00');
    expect(formatWhen(nineInShanghai, 'en')).toBe('Sat, Jun 6, 09:00');
    expect(formatDate(nineInShanghai, 'en')).toBe('Jun 6, 2026');
    expect(dayOf(nineInShanghai)).toBe('2026-06-06');

    setCommunityTimeZone(NY);
    expect(formatTime(nineInShanghai, 'zh-CN')).toBe('21:00');
    expect(formatWhen(nineInShanghai, 'en')).toBe('Fri, Jun 5, 21:00');
    expect(formatDateTime(nineInShanghai, 'en')).toBe('Jun 5, 2026, 21:00');
    expect(dayOf(nineInShanghai)).toBe('2026-06-05');
    // An explicit zone wins over the community's.
    expect(formatTime(nineInShanghai, 'en', 'UTC')).toBe('01:00');
  });

  it('falls back to Asia/Shanghai for a zone it does not know', () => {
    setCommunityTimeZone('Mars/Olympus_Mons');
    expect(communityTimeZone()).toBe('Asia/Shanghai');
    setCommunityTimeZone(null);
    expect(communityTimeZone()).toBe('Asia/Shanghai');
  });

  it("leaves out the end's date only when both fall on the same day of the community's calendar", () => {
    // 23:00 to 01:00 UTC: 07:00–09:00 on one Shanghai day, but it crosses midnight UTC.
    expect(formatRange('2026-06-05T23:00:00Z', '2026-06-06T01:00:00Z', 'en')).toBe('Sat, Jun 6, 07:00 – 09:00');
    // 15:00 to 17:00 UTC: one UTC day, but 23:00 to 01:00 the next day in Shanghai.
    expect(formatRange('2026-06-05T15:00:00Z', '2026-06-05T17:00:00Z', 'en')).toBe('Fri, Jun 5, 23:00 – Sat, Jun 6, 01:00');
  });

  it('shows a calendar date as it is in every zone', () => {
    setCommunityTimeZone(NY);
    expect(formatDate('2026-06-06', 'en')).toBe('Jun 6, 2026');
    expect(formatDate('2026-06-06', 'zh-CN')).toBe('2026年6月6日');
  });

  it("gives today's date on the community calendar", () => {
    // 20:00 UTC on 5 June is already 6 June in Shanghai, still 5 June in New York.
    const now = Date.parse('2026-06-05T20:00:00Z');
    expect(today('Asia/Shanghai', now)).toBe('2026-06-06');
    expect(today(NY, now)).toBe('2026-06-05');
  });
});

describe('date and time inputs are read on the community wall clock', () => {
  it('reads 19:00 as 19:00 in Shanghai (+08:00) and round-trips it', () => {
    const iso = localInputToIso('2026-06-06T19:00');
    expect(iso).toBe('2026-06-06T19:00:00+08:00');
    expect(new Date(iso!).toISOString()).toBe('2026-06-06T11:00:00.000Z');
    expect(isoToLocalInput('2026-06-06T11:00:00.000Z')).toBe('2026-06-06T19:00');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-06-06T25:00')).toBeNull();
  });

  it('uses the offset New York has at that instant, either side of a change of clocks', () => {
    setCommunityTimeZone(NY);
    expect(localInputToIso('2026-03-07T19:00')).toBe('2026-03-07T19:00:00-05:00');
    expect(localInputToIso('2026-03-09T19:00')).toBe('2026-03-09T19:00:00-04:00');
    expect(isoToLocalInput('2026-03-08T00:00:00Z')).toBe('2026-03-07T19:00');
    expect(isoToLocalInput('2026-03-09T23:00:00Z')).toBe('2026-03-09T19:00');
  });

  it('reads a time the clocks skip as the same time after the jump, and a time they pass twice as its first occurrence', () => {
    setCommunityTimeZone(NY);
    // 2026-03-08: 02:00 → 03:00, so 02:30 does not exist; it is read as 03:30 summer time.
    expect(localInputToIso('2026-03-08T02:30')).toBe('2026-03-08T03:30:00-04:00');
    // 2026-11-01: 02:00 → 01:00, so 01:30 happens twice; the first (summer time, −04:00) is meant.
    const ambiguous = localInputToIso('2026-11-01T01:30');
    expect(ambiguous).toBe('2026-11-01T01:30:00-04:00');
    expect(new Date(ambiguous!).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Both 01:30s show as 01:30.
    expect(formatTime('2026-11-01T05:30:00Z', 'en')).toBe('01:30');
    expect(formatTime('2026-11-01T06:30:00Z', 'en')).toBe('01:30');
  });
});

describe('whether the device clock reads differently', () => {
  const june = Date.parse('2026-06-06T00:00:00Z');
  it('is false for the same zone or one with the same offsets all year, true otherwise', () => {
    expect(deviceClockDiffers('Asia/Shanghai', 'Asia/Shanghai', june)).toBe(false);
    expect(deviceClockDiffers('Asia/Shanghai', 'Asia/Hong_Kong', june)).toBe(false);
    expect(deviceClockDiffers('Asia/Shanghai', 'UTC', june)).toBe(true);
    expect(deviceClockDiffers(NY, 'America/Toronto', june)).toBe(false);
    // Caracas keeps −04:00 all year: the same as New York in June, an hour apart in winter.
    expect(deviceClockDiffers(NY, 'America/Caracas', june)).toBe(true);
  });
});
