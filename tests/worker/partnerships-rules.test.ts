import { describe, expect, it } from 'vitest';
import { partnershipFiguresFrom } from '../../worker/community/partnerships/figures';
import {
  actionsOpen,
  activeInMonth,
  isCalendarDay,
  nextState,
  pairKey,
  reportYears,
  visibleTo,
  yearTotals,
} from '../../worker/community/partnerships/rules';

describe('the consent of two Huzhu communities', () => {
  it('goes proposed → active when the community asked accepts, or declined', () => {
    expect(nextState('huzhu', 'proposed', 'accept', 'partner')).toEqual({ ok: true, state: 'active' });
    expect(nextState('huzhu', 'proposed', 'decline', 'partner')).toEqual({ ok: true, state: 'declined' });
    expect(nextState('huzhu', 'proposed', 'accept', 'proposer').ok).toBe(false);
    expect(nextState('huzhu', 'proposed', 'decline', 'proposer').ok).toBe(false);
  });

  it('lets only the proposer withdraw, and only while nobody has answered', () => {
    expect(nextState('huzhu', 'proposed', 'withdraw', 'proposer')).toEqual({ ok: true, state: 'withdrawn' });
    expect(nextState('huzhu', 'proposed', 'withdraw', 'partner').ok).toBe(false);
    expect(nextState('huzhu', 'active', 'withdraw', 'proposer').ok).toBe(false);
  });

  it('lets either side end an active partnership, and nothing follows an end, a decline or a withdrawal', () => {
    expect(nextState('huzhu', 'active', 'end', 'proposer')).toEqual({ ok: true, state: 'ended' });
    expect(nextState('huzhu', 'active', 'end', 'partner')).toEqual({ ok: true, state: 'ended' });
    for (const state of ['ended', 'declined', 'withdrawn'] as const)
      expect(actionsOpen('huzhu', state, 'proposer').concat(actionsOpen('huzhu', state, 'partner'))).toEqual([]);
    expect(nextState('huzhu', 'proposed', 'end', 'partner').ok).toBe(false);
  });

  it('offers each side its own buttons', () => {
    expect(actionsOpen('huzhu', 'proposed', 'partner')).toEqual(['accept', 'decline']);
    expect(actionsOpen('huzhu', 'proposed', 'proposer')).toEqual(['withdraw']);
    expect(actionsOpen('huzhu', 'active', 'partner')).toEqual(['end']);
  });

  it('an outside partnership has no consent to give: it can only be ended', () => {
    expect(actionsOpen('outside', 'active', 'proposer')).toEqual(['end']);
    expect(nextState('outside', 'active', 'accept', 'partner').ok).toBe(false);
    expect(actionsOpen('outside', 'ended', 'proposer')).toEqual([]);
  });

  it('gives the same pair key whoever proposes', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(pairKey('a', 'b')).not.toBe(pairKey('a', 'c'));
  });

  it('shows residents only partnerships that were formed', () => {
    expect(visibleTo('active', { admin: false })).toBe(true);
    expect(visibleTo('ended', { admin: false })).toBe(true);
    for (const state of ['proposed', 'declined', 'withdrawn'] as const) {
      expect(visibleTo(state, { admin: false })).toBe(false);
      expect(visibleTo(state, { admin: true })).toBe(true);
    }
  });
});

describe('days, months and years of a partnership', () => {
  it('knows calendar days, leap years included', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2100-02-29')).toBe(false);
    expect(isCalendarDay('2000-02-29')).toBe(true);
    expect(isCalendarDay('2026-04-31')).toBe(false);
    expect(isCalendarDay('2026-12-31')).toBe(true);
    expect(isCalendarDay('2026-1-5')).toBe(false);
  });

  it('counts a partnership in the months from its start to its end, both included', () => {
    const p = { startedOn: '2026-01-31', endedOn: '2026-03-01' };
    expect(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04'].map((m) => activeInMonth(p, m))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(activeInMonth({ startedOn: null, endedOn: null }, '2026-01')).toBe(false);
    expect(activeInMonth({ startedOn: '2024-02-29', endedOn: null }, '2030-12')).toBe(true);
  });

  it('offers a report for every year from the start to today, newest first', () => {
    expect(reportYears('2024-12-31', '2026-01-01')).toEqual([2026, 2025, 2024]);
    expect(reportYears(null, '2026-06-01')).toEqual([2026]);
    expect(reportYears('2027-01-01', '2026-12-31')).toEqual([2026]);
  });

  it("totals a year's visits, residents and donations by the day each happened", () => {
    const e = (kind: 'visit' | 'donation', occurredOn: string, extra: Partial<Parameters<typeof yearTotals>[0][number]> = {}) => ({
      kind,
      ours: true,
      occurredOn,
      residents: 0,
      donationKind: null,
      amountFen: 0,
      ...extra,
    });
    const entries = [
      e('visit', '2025-12-31', { residents: 9 }),
      e('visit', '2026-01-01', { residents: 12 }),
      e('visit', '2026-12-31', { residents: 3, ours: false }),
      e('donation', '2026-06-01', { donationKind: 'money', amountFen: 500_00 }),
      e('donation', '2026-06-02', { donationKind: 'money', amountFen: 80_00, ours: false }),
      e('donation', '2026-06-03', { donationKind: 'goods', amountFen: 1000_00 }),
    ];
    expect(yearTotals(entries, 2026)).toEqual({
      visits: 2,
      residentsInvolved: 15,
      moneyGivenFen: 500_00,
      moneyReceivedFen: 80_00,
      goodsGiven: 1,
      goodsReceived: 0,
    });
    expect(yearTotals(entries, 2025).residentsInvolved).toBe(9);
  });

  it('gives the program page partner communities, money and goods given, visits and residents per month', () => {
    const figures = partnershipFiguresFrom(['2026-01', '2026-02'], {
      partnerships: [
        { startedOn: '2025-05-01', endedOn: null, status: 'active' },
        { startedOn: '2026-02-28', endedOn: null, status: 'active' },
        { startedOn: null, endedOn: null, status: 'proposed' },
      ],
      entries: [
        { kind: 'visit', ours: true, occurredOn: '2026-01-31', residents: 10, donationKind: null, amountFen: 0 },
        { kind: 'visit', ours: false, occurredOn: '2026-02-01', residents: 7, donationKind: null, amountFen: 0 },
        { kind: 'donation', ours: true, occurredOn: '2026-02-01', residents: 0, donationKind: 'money', amountFen: 300_00 },
        { kind: 'donation', ours: false, occurredOn: '2026-02-01', residents: 0, donationKind: 'money', amountFen: 50_00 },
        { kind: 'donation', ours: true, occurredOn: '2026-02-10', residents: 0, donationKind: 'goods', amountFen: 0 },
        { kind: 'visit', ours: true, occurredOn: '2026-03-01', residents: 99, donationKind: null, amountFen: 0 },
      ],
    });
    const by = Object.fromEntries(figures.map((f) => [f.key, f.values]));
    expect(by['partnerships-active']).toEqual({ '2026-01': 1, '2026-02': 2 });
    expect(by['partnerships-money-given']).toEqual({ '2026-01': 0, '2026-02': 300_00 });
    expect(by['partnerships-goods-given']).toEqual({ '2026-01': 0, '2026-02': 1 });
    expect(by['partnerships-visits']).toEqual({ '2026-01': 1, '2026-02': 1 });
    expect(by['partnerships-residents']).toEqual({ '2026-01': 10, '2026-02': 0 });
  });
});
