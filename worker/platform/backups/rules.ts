/** Daily backups kept: every backup of the last this many days, today included. */
export const KEEP_DAILY_DAYS = 30;
/** Monthly backups kept: the first backup of each of the last this many calendar months, this month included. */
export const KEEP_MONTHLY_MONTHS = 12;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of an instant, YYYY-MM-DD: a run's archives are named after the day it started. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Where a community's backup of `day` lives in the BACKUPS bucket. */
export function backupKey(communityId: string, day: string): string {
  return `backups/${communityId}/${day}.zip`;
}

/** Every archive of one community starts with this. */
export function backupPrefix(communityId: string): string {
  return `backups/${communityId}/`;
}

/** The day a backup key names, or null for anything else under the prefix. */
export function dayOfKey(key: string): string | null {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const day = name.endsWith('.zip') ? name.slice(0, -4) : '';
  return DAY.test(day) ? day : null;
}

/** Where a backup's chunks are written while it runs (the archive pipeline adds `/part-…`); assembling deletes them. */
export function chunkPrefix(backupId: string): string {
  return `backup-chunks/${backupId}`;
}

function daysBefore(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return utcDay(at);
}

function monthsBefore(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Which backups to delete, given the days a community has backups for and today (both YYYY-MM-DD). Kept: every
 * backup of the last 30 days; the first backup of each of the last 12 calendar months; anything dated after today
 * (a clock ahead of ours is not a reason to delete); and always the newest, so a community never ends with none.
 * Everything else is returned, oldest first.
 */
export function backupsToDelete(days: readonly string[], today: string): string[] {
  const unique = [...new Set(days.filter((d) => DAY.test(d)))].sort();
  if (unique.length === 0) return [];
  const keep = new Set<string>([unique[unique.length - 1]!]);
  const dailyFrom = daysBefore(today, KEEP_DAILY_DAYS - 1);
  const monthlyFrom = monthsBefore(today, KEEP_MONTHLY_MONTHS - 1);
  const firstOfMonth = new Map<string, string>();
  for (const day of unique) {
    if (day >= dailyFrom) keep.add(day);
    const month = day.slice(0, 7);
    if (!firstOfMonth.has(month)) firstOfMonth.set(month, day);
  }
  for (const [month, day] of firstOfMonth) if (month >= monthlyFrom) keep.add(day);
  return unique.filter((day) => !keep.has(day));
}
