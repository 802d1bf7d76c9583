/**
 * Assisted members (代为登记): residents who do not use the internet, registered by a building contact or an
 * administrator, who act for them until the resident claims the record with a one-time code. Pure rules; the web
 * app imports them.
 */

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper (no 0/O, 1/I/L). */
export const CLAIM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CLAIM_CODE_LENGTH = 8;
/** Days a claim code works after it is made. */
export const CLAIM_CODE_DAYS = 14;
/** Wrong codes one account may enter in an hour before it must wait. */
export const CLAIM_FAILURES_PER_HOUR = 5;

/** A fresh code from `random` bytes (crypto.getRandomValues); rejection sampling keeps every letter equally likely. */
export function claimCodeFrom(random: (n: number) => Uint8Array): string {
  const size = CLAIM_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < CLAIM_CODE_LENGTH) {
    for (const byte of random(CLAIM_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < CLAIM_CODE_LENGTH) code += CLAIM_CODE_ALPHABET[byte % size];
    }
  }
  return code;
}

/**
 * The code as typed by a person: case, spaces and dashes do not matter.
 *
 * @example
 * normaliseClaimCode(' hz7k-3m9q ') // "HZ7K3M9Q"
 */
export function normaliseClaimCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a typed code could be one at all (so an impossible one is refused before any read). */
export const isClaimCodeShaped = (code: string) =>
  code.length === CLAIM_CODE_LENGTH && [...code].every((ch) => CLAIM_CODE_ALPHABET.includes(ch));

/** The code shown to a contact, in two groups of four so it is easy to read out: "HZ7K 3M9Q". */
export const groupedClaimCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** Which assisted residents a member sees: an administrator all, a building contact those of their buildings. */
export function assistedScope(roles: readonly { role: string; buildingId: number | null }[]): 'all' | number[] {
  if (roles.some((r) => r.role === 'association-admin')) return 'all';
  return roles.flatMap((r) => (r.role === 'building-contact' && r.buildingId !== null ? [r.buildingId] : []));
}

/** Whether a member may see an assisted resident's phone: only those who act for them (the same scope). */
export function seesAssistedPhone(scope: 'all' | number[], buildingId: number | null): boolean {
  return scope === 'all' || (buildingId !== null && scope.includes(buildingId));
}
