import { describe, expect, it } from 'vitest';
import { approvalProblem, computeBudget, formatYuan, roundUpTo } from '../../worker/community/activities/budget';
import { checkPostings, reversalOf, settlementPostings, summariseStatement } from '../../worker/community/ledger/rules';

describe('computeBudget (AA with a small surplus)', () => {
  it('derives the handbook example: ¥962 of costs, 8%, 24 people → ¥44 each', () => {
    const budget = computeBudget({
      lines: [
        { label: '场地 4 片 × 3 小时 × 60 元', amountFen: 72000 },
        { label: '羽毛球', amountFen: 17000 },
        { label: '饮用水', amountFen: 7200 },
      ],
      expectedParticipants: 24,
      surplusRatePercent: 8,
    });
    expect(budget.costFen).toBe(96200);
    expect(budget.targetFen).toBe(103896);
    expect(budget.surplusTargetFen).toBe(7696);
    expect(budget.exactFeeFen).toBeCloseTo(4329, 0);
    expect(budget.feeFen).toBe(4400);
    expect(budget.incomeFen).toBe(105600);
    expect(budget.surplusFen).toBe(9400);
    expect(budget.coversCostsAndSurplus).toBe(true);
    expect(budget.breakEvenParticipants).toBe(22);
  });

  it('rounds up, never down, to the unit; an exact fee stays as it is', () => {
    expect(computeBudget({ lines: [{ label: 'x', amountFen: 10000 }], expectedParticipants: 3, surplusRatePercent: 0 }).feeFen).toBe(3400);
    expect(computeBudget({ lines: [{ label: 'x', amountFen: 9000 }], expectedParticipants: 3, surplusRatePercent: 0 }).feeFen).toBe(3000);
    expect(
      computeBudget({ lines: [{ label: 'x', amountFen: 10000 }], expectedParticipants: 3, surplusRatePercent: 0, feeUnitFen: 50 }).feeFen,
    ).toBe(3350);
    expect(roundUpTo(3301, 100)).toBe(3400);
    expect(roundUpTo(3300, 100)).toBe(3300);
  });

  it('keeps the surplus target in whole fen, rounding up', () => {
    const budget = computeBudget({ lines: [{ label: 'x', amountFen: 999 }], expectedParticipants: 1, surplusRatePercent: 5 });
    expect(budget.targetFen).toBe(1049);
    expect(budget.feeFen).toBe(1100);
  });

  it('gives no fee when nobody is expected, and says costs are not covered', () => {
    const budget = computeBudget({ lines: [{ label: 'x', amountFen: 5000 }], expectedParticipants: 0, surplusRatePercent: 8 });
    expect(budget.feeFen).toBeNull();
    expect(budget.coversCostsAndSurplus).toBe(false);
    expect(approvalProblem(budget, 0, 0, null)).toBe('no-participants');
  });

  it('a costless activity is free and fine', () => {
    const budget = computeBudget({ lines: [], expectedParticipants: 20, surplusRatePercent: 8 });
    expect(budget.feeFen).toBe(0);
    expect(budget.coversCostsAndSurplus).toBe(true);
    expect(approvalProblem(budget, 0, 20, null)).toBeNull();
  });

  it('refuses a fee that does not cover costs plus surplus, unless an exception is recorded', () => {
    const budget = computeBudget({ lines: [{ label: '茶点', amountFen: 36100 }], expectedParticipants: 30, surplusRatePercent: 8 });
    expect(approvalProblem(budget, budget.feeFen!, 30, null)).toBeNull();
    // A free open day paid from the club fund.
    expect(approvalProblem(budget, 0, 30, null)).toBe('does-not-cover');
    expect(approvalProblem(budget, 0, 30, '开放日，由社团基金支付')).toBeNull();
    expect(approvalProblem(budget, 0, 30, '   ')).toBe('does-not-cover');
    // A fee that covers costs but not the surplus is not enough either.
    expect(approvalProblem(budget, 1220, 30, null)).toBe('does-not-cover');
  });

  it('rejects amounts that are not whole fen, and impossible inputs', () => {
    expect(() => computeBudget({ lines: [{ label: 'x', amountFen: 10.5 }], expectedParticipants: 1, surplusRatePercent: 8 })).toThrow(
      RangeError,
    );
    expect(() => computeBudget({ lines: [{ label: 'x', amountFen: -1 }], expectedParticipants: 1, surplusRatePercent: 8 })).toThrow(
      RangeError,
    );
    expect(() => computeBudget({ lines: [], expectedParticipants: -1, surplusRatePercent: 8 })).toThrow(RangeError);
    expect(() => computeBudget({ lines: [], expectedParticipants: 1, surplusRatePercent: 8.5 })).toThrow(RangeError);
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(4329)).toBe('43.29');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-12600)).toBe('-126.00');
  });
});

describe('double-entry rules', () => {
  it('accepts balanced postings and refuses unbalanced, single, zero or fractional ones', () => {
    expect(
      checkPostings([
        { accountId: 1, amountFen: 500 },
        { accountId: 2, amountFen: -500 },
      ]),
    ).toBeNull();
    expect(
      checkPostings([
        { accountId: 1, amountFen: 500 },
        { accountId: 2, amountFen: -400 },
      ]),
    ).toMatch(/sum to zero/);
    expect(
      checkPostings([
        { accountId: 1, amountFen: 0 },
        { accountId: 2, amountFen: 0 },
      ]),
    ).toMatch(/zero/);
    expect(checkPostings([{ accountId: 1, amountFen: 500 }])).toMatch(/two postings/);
    expect(
      checkPostings([
        { accountId: 1, amountFen: 0.5 },
        { accountId: 2, amountFen: -0.5 },
      ]),
    ).toMatch(/whole fen/);
  });

  it('reverses a transaction exactly', () => {
    const postings = [
      { accountId: 1, amountFen: 72000 },
      { accountId: 2, amountFen: -72000 },
    ];
    const reversal = reversalOf(postings);
    expect(checkPostings(reversal)).toBeNull();
    expect(postings.map((p, i) => p.amountFen + reversal[i]!.amountFen)).toEqual([0, 0]);
  });

  it('settles an activity into the fund: the net change is the surplus', () => {
    const { income, costs } = settlementPostings(10, 99, 105600, 96200);
    expect(checkPostings(income)).toBeNull();
    expect(checkPostings(costs)).toBeNull();
    const fund = [...income, ...costs].filter((p) => p.accountId === 10).reduce((s, p) => s + p.amountFen, 0);
    expect(fund).toBe(9400);
    expect(settlementPostings(10, 99, 0, 0)).toEqual({ income: [], costs: [] });
  });

  it('summarises a statement by category with opening and closing balances', () => {
    const statement = summariseStatement(
      [
        { category: 'activity-fees', amountFen: 105600 },
        { category: 'activity-costs', amountFen: -96200 },
        { category: 'donation', amountFen: 5000 },
        { category: 'activity-fees', amountFen: 128000 },
      ],
      137400,
    );
    expect(statement.income).toEqual([
      { category: 'activity-fees', amountFen: 233600 },
      { category: 'donation', amountFen: 5000 },
    ]);
    expect(statement.spendingFen).toBe(96200);
    expect(statement.surplusFen).toBe(142400);
    expect(statement.closingFen).toBe(279800);
  });
});
