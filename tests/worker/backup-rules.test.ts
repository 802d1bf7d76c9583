import { describe, expect, it } from 'vitest';
import { backupKey, backupsToDelete, dayOfKey, utcDay } from '../../worker/platform/backups/rules';

/** Every day from `from` to `to` inclusive, YYYY-MM-DD. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let at = new Date(`${from}T00:00:00Z`); utcDay(at) <= to; at.setUTCDate(at.getUTCDate() + 1)) out.push(utcDay(at));
  return out;
}

describe('backup retention', () => {
  it('keeps every backup of the last 30 days, today included, and nothing older than that without a reason', () => {
    const days = daysBetween('2026-11-01', '2026-12-03');
    const deleted = backupsToDelete(days, '2026-12-03');
    // 11-04 … 12-03 are the last 30 days; 11-01 is November's first backup, so only 11-02 and 11-03 go.
    expect(deleted).toEqual(['2026-11-02', '2026-11-03']);
  });

  it('keeps the first backup of each of the last 12 months, and deletes the rest of those months', () => {
    const days = daysBetween('2025-10-01', '2026-12-03');
    const kept = days.filter((d) => !backupsToDelete(days, '2026-12-03').includes(d));
    const monthly = kept.filter((d) => d < '2026-11-04');
    expect(monthly).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
    ]);
    // December is the twelfth month: its first backup is also a daily one.
    expect(kept).toContain('2026-12-01');
    expect(kept.filter((d) => d >= '2026-11-04')).toHaveLength(30);
    // October and November 2025, and December 2025, are older than 12 months.
    expect(kept.some((d) => d < '2026-01-01')).toBe(false);
  });

  it("counts a month's first backup even when it was not taken on the 1st", () => {
    const days = ['2026-03-05', '2026-03-09', '2026-04-17', '2026-04-20', '2026-12-02'];
    expect(backupsToDelete(days, '2026-12-03')).toEqual(['2026-03-09', '2026-04-20']);
  });

  it('never deletes the newest backup, even when backups stopped long ago', () => {
    expect(backupsToDelete(['2024-01-05', '2024-01-06'], '2026-12-03')).toEqual(['2024-01-05']);
  });

  it('keeps backups dated after today and ignores keys that are not days', () => {
    expect(backupsToDelete(['2026-12-04', 'not-a-day', '2026-12-03'], '2026-12-03')).toEqual([]);
    expect(backupsToDelete([], '2026-12-03')).toEqual([]);
  });

  it('names archives after the community and the day, and reads the day back', () => {
    const key = backupKey('c-1', '2026-12-03');
    expect(key).toBe('backups/c-1/2026-12-03.zip');
    expect(dayOfKey(key)).toBe('2026-12-03');
    expect(dayOfKey('backups/c-1/notes.txt')).toBeNull();
  });
});
