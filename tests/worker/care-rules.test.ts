import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  daysWithoutVisit,
  giftProblem,
  hoursOf,
  needsOf,
  recipientVisible,
  registrationProblem,
  underFiftyShare,
  visitDayProblem,
  visitOverdue,
  withdrawalProblem,
} from '../../worker/community/care/rules';

describe('the time bank', () => {
  it('sums entries into a balance in minutes, and shows hours, never money', () => {
    expect(balanceOf([])).toBe(0);
    expect(balanceOf([{ minutes: 90 }, { minutes: -30 }, { minutes: 15 }])).toBe(75);
    expect(hoursOf(75)).toBe(1.25);
    expect(hoursOf(20)).toBe(0.33);
  });
  it('never lets a gift or a use take a balance below zero', () => {
    expect(withdrawalProblem(60, 60)).toBeNull();
    expect(withdrawalProblem(60, 75)).toMatch(/Not enough/);
    expect(withdrawalProblem(0, 15)).toMatch(/Not enough/);
    expect(withdrawalProblem(60, 0)).toMatch(/positive/);
    expect(withdrawalProblem(60, -15)).toMatch(/positive/);
    expect(withdrawalProblem(60, 20)).toMatch(/quarter/);
    expect(withdrawalProblem(60, 1.5)).toMatch(/positive/);
  });
  it('gives hours to someone else only', () => {
    expect(giftProblem(3, 3)).not.toBeNull();
    expect(giftProblem(3, 4)).toBeNull();
  });
});

describe('the no-visit flag', () => {
  it('counts days on the calendar, across month ends and leap days', () => {
    expect(visitOverdue('2024-02-15', '2024-01-01T00:00:00Z', '2024-02-29', 14, 'Asia/Shanghai')).toBe(true);
    expect(visitOverdue('2024-02-16', '2024-01-01T00:00:00Z', '2024-02-29', 14, 'Asia/Shanghai')).toBe(false);
    expect(daysWithoutVisit('2023-02-28', '2023-01-01T00:00:00Z', '2023-03-01', 'Asia/Shanghai')).toBe(1);
    expect(daysWithoutVisit('2024-02-28', '2024-01-01T00:00:00Z', '2024-03-01', 'Asia/Shanghai')).toBe(2);
    expect(daysWithoutVisit('2025-12-31', '2025-01-01T00:00:00Z', '2026-01-14', 'UTC')).toBe(14);
  });
  it('counts a recipient never visited from the day they were registered in the community’s time zone', () => {
    // 20:00 UTC on 31 March is already 1 April in Shanghai, but still 31 March in New York.
    expect(daysWithoutVisit(null, '2026-03-31T20:00:00Z', '2026-04-15', 'Asia/Shanghai')).toBe(14);
    expect(daysWithoutVisit(null, '2026-03-31T20:00:00Z', '2026-04-15', 'America/New_York')).toBe(15);
    expect(visitOverdue(null, '2026-03-31T20:00:00Z', '2026-04-14', 14, 'Asia/Shanghai')).toBe(false);
    expect(visitOverdue(null, '2026-03-31T20:00:00Z', '2026-04-14', 14, 'America/New_York')).toBe(true);
  });
  it('refuses visits in the future or long past', () => {
    expect(visitDayProblem('2026-01-02', '2026-01-01')).not.toBeNull();
    expect(visitDayProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(visitDayProblem('2025-11-01', '2026-01-01')).not.toBeNull();
  });
});

describe('the share of volunteers under fifty', () => {
  it('counts those who declared a band, and says nothing when none did', () => {
    expect(underFiftyShare([])).toBeNull();
    expect(underFiftyShare([null, null])).toBeNull();
    expect(underFiftyShare(['under-30', '30-49', '50-64', null])).toBe(66.7);
    expect(underFiftyShare(['65-plus'])).toBe(0);
    expect(underFiftyShare(['30-49'])).toBe(100);
  });
});

describe('who sees a care record, and how consent is recorded', () => {
  const record = { id: 7, registeredBy: 3 };
  it('shows it to coordinators, the paired volunteers and whoever registered them', () => {
    expect(recipientVisible({ memberId: 1, coordinator: true, pairedWith: [] }, record)).toBe(true);
    expect(recipientVisible({ memberId: 2, coordinator: false, pairedWith: [7] }, record)).toBe(true);
    expect(recipientVisible({ memberId: 3, coordinator: false, pairedWith: [] }, record)).toBe(true);
    expect(recipientVisible({ memberId: 4, coordinator: false, pairedWith: [8] }, record)).toBe(false);
  });
  it('keeps self-registration and consent on behalf apart', () => {
    expect(registrationProblem({ registeredAs: 'self', consentHow: 'self' })).toBeNull();
    expect(registrationProblem({ registeredAs: 'self', consentHow: 'phone' })?.field).toBe('consentHow');
    expect(registrationProblem({ registeredAs: 'family', consentHow: 'self' })?.field).toBe('consentHow');
    expect(registrationProblem({ registeredAs: 'building-contact', consentHow: 'written' })).toBeNull();
  });
  it('reads stored needs in the list’s order, dropping unknown words', () => {
    expect(needsOf('clinic-escort,companionship,flying')).toEqual(['companionship', 'clinic-escort']);
    expect(needsOf('')).toEqual([]);
  });
});
