import { describe, expect, it } from 'vitest';
import { addMonths, cutoffs, erasedParticipant, isErasedParticipant, startOfDay } from '../../worker/community/retention/rules';

describe('retention rules', () => {
  it('adds months on the calendar, clamping to the last day of a shorter month', () => {
    expect(addMonths('2031-06-15', -12)).toBe('2030-06-15');
    expect(addMonths('2031-03-31', -1)).toBe('2031-02-28');
    expect(addMonths('2032-03-31', -1)).toBe('2032-02-29');
    expect(addMonths('2031-01-15', -6)).toBe('2030-07-15');
    expect(addMonths('2030-11-30', 3)).toBe('2031-02-28');
  });

  it("finds the instant a day begins in the community's zone, across a change of offset", () => {
    expect(startOfDay('2031-06-15', 'Asia/Shanghai')).toBe('2031-06-14T16:00:00.000Z');
    expect(startOfDay('2031-06-15', 'UTC')).toBe('2031-06-15T00:00:00.000Z');
    // Paris: UTC+1 in winter, UTC+2 from the last Sunday of March (30 March 2031).
    expect(startOfDay('2031-03-30', 'Europe/Paris')).toBe('2031-03-29T23:00:00.000Z');
    expect(startOfDay('2031-03-31', 'Europe/Paris')).toBe('2031-03-30T22:00:00.000Z');
  });

  it('gives the cut-offs of a pass: 30 days for children, the set months for care, the library and assisted phones', () => {
    const due = cutoffs('2031-06-15', 'Asia/Shanghai', { careMonths: 12, libraryMonths: 6 });
    expect(due).toEqual({
      consentDetailsBefore: '2031-06-15',
      childActivitiesEndedBefore: '2031-05-15T16:00:00.000Z',
      careEndedBefore: '2030-06-14T16:00:00.000Z',
      libraryClosedBefore: '2030-12-14T16:00:00.000Z',
      assistedIdleSince: '2030-06-14T16:00:00.000Z',
      assistedIdleSinceDay: '2030-06-15',
    });
    // An activity ending at 01:00 on 16 May in Shanghai (17:00 UTC on the 15th) ended on the 16th there: kept.
    expect('2031-05-15T17:00:00Z' < due.childActivitiesEndedBefore).toBe(false);
    expect('2031-05-15T10:00:00Z' < due.childActivitiesEndedBefore).toBe(true);
  });

  it("marks an erased child's place with a placeholder unique to the place", () => {
    expect(erasedParticipant(42)).toBe('#42');
    expect(isErasedParticipant('#42')).toBe(true);
    expect(isErasedParticipant('小雨')).toBe(false);
    expect(isErasedParticipant('#小雨')).toBe(false);
  });
});
