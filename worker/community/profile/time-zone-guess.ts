import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { DEFAULT_TIME_ZONE } from './rules';
import { settingsFrom, settingsRead } from './service';

/**
 * The time zone each community last had in this isolate. A page whose reads depend on the community's calendar
 * (its months, its today) builds them from this guess and reads the profile in the same batch; it reads again only
 * when the profile says otherwise (after a change of zone), so the guess saves a round trip and never decides a result.
 */
const lastSeen = new Map<string, string>();

export function guessTimeZone(communityId: string): string {
  return lastSeen.get(communityId) ?? DEFAULT_TIME_ZONE;
}

export function rememberTimeZone(communityId: string, timeZone: string): void {
  lastSeen.set(communityId, timeZone);
}

/**
 * Runs the reads `reads` builds for a time zone in one batch with the community's settings, for the zone guessed;
 * a community whose zone is not the guess has them run again for its own zone. The rows are always those of the
 * reads built for `settings.timeZone`.
 */
export async function readInTimeZone<T extends readonly BatchItem<'sqlite'>[]>(
  db: TenantDb,
  communityId: string,
  reads: (timeZone: string) => T,
): Promise<{ settings: ReturnType<typeof settingsFrom<Awaited<ReturnType<typeof settingsRead>>[number]>>; rows: BatchResponse<T> }> {
  const guess = guessTimeZone(communityId);
  const [settingsRows, ...guessed] = (await db.batch([settingsRead(db), ...reads(guess)])) as unknown[];
  const settings = settingsFrom(settingsRows as Awaited<ReturnType<typeof settingsRead>>);
  rememberTimeZone(communityId, settings.timeZone);
  if (settings.timeZone === guess) return { settings, rows: guessed as BatchResponse<T> };
  const [first, ...rest] = reads(settings.timeZone);
  return { settings, rows: (first ? await db.batch([first, ...rest]) : []) as BatchResponse<T> };
}
