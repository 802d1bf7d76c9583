import { describe, expect, it } from 'vitest';
import {
  currentVersion,
  fillNotice,
  itemsRequired,
  joinConsentProblem,
  missingItems,
  needsAgreement,
  versionsSince,
} from '../../worker/community/privacy/rules';

describe('privacy rules', () => {
  it('takes the highest published version as current, and version 1 when none is', () => {
    expect(currentVersion([])).toBe(1);
    expect(currentVersion([1, 3, 2])).toBe(3);
  });

  it('asks a member to agree when they never did or agreed to an older version', () => {
    expect(needsAgreement(1, null)).toBe(true);
    expect(needsAgreement(2, 1)).toBe(true);
    expect(needsAgreement(2, 2)).toBe(false);
  });

  it('accepts a join only with the current version', () => {
    expect(joinConsentProblem(2, undefined)).toMatch(/agree/);
    expect(joinConsentProblem(2, 1)).toBe('Agree to the current privacy notice, version 2');
    expect(joinConsentProblem(2, 2)).toBeNull();
  });

  it('names the sensitive items an action needs of the one acting', () => {
    expect(itemsRequired({ kind: 'add-child' })).toEqual(['children']);
    expect(itemsRequired({ kind: 'register-care', registeredAs: 'self' })).toEqual(['care']);
    expect(itemsRequired({ kind: 'register-care', registeredAs: 'self', phone: '139' })).toEqual(['care', 'phone']);
    expect(itemsRequired({ kind: 'register-care', registeredAs: 'self', phone: '  ' })).toEqual(['care']);
    // Registering someone else rests on that person's consent, recorded with the registration.
    expect(itemsRequired({ kind: 'register-care', registeredAs: 'family', phone: '139' })).toEqual([]);
    expect(itemsRequired({ kind: 'register-care', registeredAs: 'building-contact' })).toEqual([]);
    expect(itemsRequired({ kind: 'store-own-phone' })).toEqual(['phone']);
  });

  it('lists what is missing in a fixed order', () => {
    expect(missingItems(['phone', 'care'], [])).toEqual(['care', 'phone']);
    expect(missingItems(['phone', 'care'], ['care'])).toEqual(['phone']);
    expect(missingItems(['children'], ['children', 'phone'])).toEqual([]);
  });

  it('fills every placeholder and leaves the rest of the text alone', () => {
    expect(fillNotice('# {{community}}\n联系：{{contact}}；{{community}}', { community: '翠竹园', contact: '周会长' })).toBe(
      '# 翠竹园\n联系：周会长；翠竹园',
    );
  });

  it('lists the versions since the one agreed to, newest first', () => {
    const versions = [{ version: 1 }, { version: 3 }, { version: 2 }];
    expect(versionsSince(versions, 1).map((v) => v.version)).toEqual([3, 2]);
    expect(versionsSince(versions, 3)).toEqual([]);
    expect(versionsSince(versions, null).map((v) => v.version)).toEqual([3, 2, 1]);
  });
});
