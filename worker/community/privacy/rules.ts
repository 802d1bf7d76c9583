/** Pure rules of the privacy notice and consent (PIPL: notice and consent, separate consent for sensitive items). */

/**
 * The sensitive personal information (敏感个人信息) a member agrees to separately from the notice, each on its own:
 * their children's details, care records about them, and their own phone number.
 */
export const sensitiveItems = ['children', 'care', 'phone'] as const;
export type SensitiveItem = (typeof sensitiveItems)[number];

/** The version in force: the highest published, or 1 (the default text) when none is. */
export function currentVersion(published: readonly number[]): number {
  return Math.max(0, ...published) || 1;
}

/** Whether a member must be asked to agree: never agreed, or agreed to a version older than the current one. */
export function needsAgreement(current: number, agreed: number | null): boolean {
  return agreed === null || agreed < current;
}

/** Why a join's consent is not enough (a message for the field), or null when it names the current version. */
export function joinConsentProblem(current: number, given: number | undefined): string | null {
  if (given === undefined) return 'Read the privacy notice and agree to it to join';
  if (given !== current) return `Agree to the current privacy notice, version ${current}`;
  return null;
}

/** What someone is about to do that stores sensitive information about them. */
export type SensitiveAction =
  | { kind: 'add-child' }
  | { kind: 'register-care'; registeredAs: 'self' | 'family' | 'building-contact'; phone?: string | null }
  | { kind: 'store-own-phone' };

/**
 * The sensitive items the acting member must have agreed to for an action. Registering oneself for care needs the
 * care consent (and the phone consent if a phone is given); registering another person rests on that person's
 * consent, which the registration itself records (how and when they agreed), so it needs nothing of the registrant.
 */
export function itemsRequired(action: SensitiveAction): SensitiveItem[] {
  switch (action.kind) {
    case 'add-child':
      return ['children'];
    case 'register-care':
      if (action.registeredAs !== 'self') return [];
      return action.phone?.trim() ? ['care', 'phone'] : ['care'];
    case 'store-own-phone':
      return ['phone'];
  }
}

/** The required items not in force, in the order of `sensitiveItems`. */
export function missingItems(required: readonly SensitiveItem[], inForce: readonly SensitiveItem[]): SensitiveItem[] {
  return sensitiveItems.filter((item) => required.includes(item) && !inForce.includes(item));
}

/** Fills the notice's placeholders with the community's name and contact. */
export function fillNotice(text: string, values: { community: string; contact: string }): string {
  return text.replaceAll('{{community}}', values.community).replaceAll('{{contact}}', values.contact);
}

/** The versions after `agreed` up to `current`, newest first (what a member is asked to read). */
export function versionsSince<T extends { version: number }>(versions: readonly T[], agreed: number | null): T[] {
  return versions.filter((v) => agreed === null || v.version > agreed).sort((a, b) => b.version - a.version);
}
