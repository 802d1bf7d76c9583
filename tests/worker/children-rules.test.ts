import { describe, expect, it } from 'vitest';
import {
  ageOn,
  childRecordProblem,
  consentsForThemself,
  detailsUntil,
  detailsVisible,
  headcountMismatch,
  isForChildren,
  safetyItems,
  safetyMissing,
} from '../../worker/community/children/rules';
import { findTemplate } from '../../worker/templates/registry';

const SH = 'Asia/Shanghai';

describe('how long a child’s emergency contact and notes are kept', () => {
  it('keeps them through the 30th day after the day the activity ends on the community’s calendar', () => {
    expect(detailsUntil('2030-07-15T08:00:00.000Z', SH)).toBe('2030-08-14');
    // 17:00 UTC on 31 January is already 1 February in Shanghai: the count starts there.
    expect(detailsUntil('2027-01-31T17:00:00.000Z', SH)).toBe('2027-03-03');
    expect(detailsUntil('2027-01-31T17:00:00.000Z', 'UTC')).toBe('2027-03-02');
    // A leap year's February has 29 days.
    expect(detailsUntil('2028-01-31T04:00:00.000Z', SH)).toBe('2028-03-01');
    expect(detailsUntil('2027-01-31T04:00:00.000Z', SH)).toBe('2027-03-02');
    // Across the year end.
    expect(detailsUntil('2030-12-20T04:00:00.000Z', SH)).toBe('2031-01-19');
  });

  it('shows them to organisers and the guardian only, and only until that day', () => {
    const until = '2030-08-14';
    expect(detailsVisible({ organiser: true, guardian: false }, until, '2030-08-14')).toBe(true);
    expect(detailsVisible({ organiser: false, guardian: true }, until, '2030-08-01')).toBe(true);
    expect(detailsVisible({ organiser: true, guardian: false }, until, '2030-08-15')).toBe(false);
    expect(detailsVisible({ organiser: false, guardian: false }, until, '2030-07-01')).toBe(false);
  });
});

describe('the safety gate', () => {
  it('names every unticked item and the missing adult in charge', () => {
    expect(safetyMissing(null)).toEqual([...safetyItems.map((i) => i.key), 'adult-in-charge']);
    expect(safetyMissing({ checkedItems: safetyItems.map((i) => i.key), adultName: '  ' })).toEqual(['adult-in-charge']);
    expect(safetyMissing({ checkedItems: ['exits', 'weather'], adultName: '王妈妈' })).toEqual([
      'floor',
      'no-works',
      'ratio',
      'guardians',
      'first-aid',
      'phones',
    ]);
    expect(safetyMissing({ checkedItems: safetyItems.map((i) => i.key), adultName: '王妈妈' })).toEqual([]);
  });

  it('applies to activities marked for children or credited to a children’s program', () => {
    expect(isForChildren({ audience: 'children', programKey: null })).toBe(true);
    expect(isForChildren({ audience: 'residents', programKey: 'kids-troupe' })).toBe(true);
    expect(isForChildren({ audience: 'members', programKey: 'little-architects' })).toBe(true);
    expect(isForChildren({ audience: 'residents', programKey: 'salon' })).toBe(false);
  });

  it('asks what the template’s safety checklist asks, item by item', () => {
    const form = findTemplate('cuizhuyuan@2')
      ?.handbooks.flatMap((h) => h.chapters)
      .find((c) => c.key === 'form-safety-checklist');
    expect(form).toBeDefined();
    for (const item of safetyItems) {
      expect(form!.body.zh.replace('{{party.property-company}}', '物业')).toContain(item.zh);
      expect(form!.body.en.replace('{{party.property-company}}', 'the property company')).toContain(item.en);
    }
    expect(
      findTemplate('cuizhuyuan@1')
        ?.handbooks.flatMap((h) => h.chapters)
        .some((c) => c.key === 'form-safety-checklist'),
    ).toBe(false);
  });
});

describe('headcounts and ages', () => {
  it('flags a mismatch only when both counts are in and differ', () => {
    expect(headcountMismatch(12, 12)).toBe(false);
    expect(headcountMismatch(12, 11)).toBe(true);
    expect(headcountMismatch(12, null)).toBe(false);
    expect(headcountMismatch(null, null)).toBe(false);
    expect(headcountMismatch(0, 1)).toBe(true);
  });

  it('counts whole years from the birth month', () => {
    expect(ageOn('2017-02', '2026-02-01')).toBe(9);
    expect(ageOn('2017-03', '2026-02-28')).toBe(8);
    expect(ageOn('2016-02', '2024-02-29')).toBe(8);
  });
});

describe('who may be recorded as a child', () => {
  it('is someone already born and under 18; from 14 they could consent for themself', () => {
    expect(childRecordProblem('2031-07', '2031-06-15')).toBe('future');
    expect(childRecordProblem('2031-06', '2031-06-15')).toBeNull();
    expect(childRecordProblem('2013-06', '2031-06-15')).toBe('adult');
    expect(childRecordProblem('2013-07', '2031-06-15')).toBeNull();
    expect(consentsForThemself('2017-06', '2031-06-15')).toBe(true);
    expect(consentsForThemself('2017-07', '2031-06-15')).toBe(false);
  });
});
