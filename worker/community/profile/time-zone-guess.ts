import { DEFAULT_TIME_ZONE } from './rules';

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
