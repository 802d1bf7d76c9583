/** Rules of the double-entry ledger, as pure functions. */

export interface Posting {
  accountId: number;
  amountFen: number;
}

/** A transaction is valid when it has at least two postings, all whole fen, summing to zero. */
export function checkPostings(postings: Posting[]): string | null {
  if (postings.length < 2) return 'a transaction needs at least two postings';
  if (postings.some((p) => !Number.isInteger(p.amountFen))) return 'amounts must be whole fen';
  if (postings.some((p) => p.amountFen === 0)) return 'a posting cannot be zero';
  const sum = postings.reduce((s, p) => s + p.amountFen, 0);
  if (sum !== 0) return `postings must sum to zero (they sum to ${sum})`;
  return null;
}

/** The postings of a reversal: the same accounts, opposite amounts. */
export function reversalOf(postings: Posting[]): Posting[] {
  return postings.map((p) => ({ accountId: p.accountId, amountFen: -p.amountFen }));
}

/**
 * Postings for an activity's settlement: fees come into the fund from participants, costs go out to
 * suppliers. The fund's net change is the surplus (or deficit).
 */
export function settlementPostings(fundAccountId: number, externalAccountId: number, incomeFen: number, costFen: number) {
  const income: Posting[] =
    incomeFen > 0
      ? [
          { accountId: fundAccountId, amountFen: incomeFen },
          { accountId: externalAccountId, amountFen: -incomeFen },
        ]
      : [];
  const costs: Posting[] =
    costFen > 0
      ? [
          { accountId: fundAccountId, amountFen: -costFen },
          { accountId: externalAccountId, amountFen: costFen },
        ]
      : [];
  return { income, costs };
}

/** One balanced ledger entry, before its date and recorder are known. */
export interface LedgerEntry {
  ref: string;
  category: 'activity-fees' | 'activity-costs';
  memo: string;
  activityId: number;
  postings: Posting[];
}

/**
 * The ledger entries of an activity's settlement, as the settle screen writes them: the fees into the fund and the
 * costs out of it, each under a ref fixed by the activity, so an activity is settled into the ledger once.
 */
export function settlementEntries(s: {
  activityId: number;
  title: string;
  fundAccountId: number;
  externalAccountId: number;
  incomeFen: number;
  costFen: number;
}): LedgerEntry[] {
  const { income, costs } = settlementPostings(s.fundAccountId, s.externalAccountId, s.incomeFen, s.costFen);
  const entries: LedgerEntry[] = [];
  if (income.length > 0) {
    entries.push({
      ref: `settle-income:${s.activityId}`,
      category: 'activity-fees',
      memo: `${s.title}：活动费收入`,
      activityId: s.activityId,
      postings: income,
    });
  }
  if (costs.length > 0) {
    entries.push({
      ref: `settle-costs:${s.activityId}`,
      category: 'activity-costs',
      memo: `${s.title}：活动支出`,
      activityId: s.activityId,
      postings: costs,
    });
  }
  return entries;
}

export interface StatementLine {
  category: string;
  amountFen: number;
}

/**
 * Categories that move money into or between funds without earning or spending it. An opening balance is money
 * the fund already had before the ledger started; an advance is cash the hub lends a club (the hub keeps the claim,
 * the club the debt), and a repayment hands it back. Counting them as income or spending would show a club
 * "earning" a loan and the hub "spending" one, so a statement lists them apart as movements, and the surplus is
 * income less spending only: closing = opening + income − spending + movements.
 */
export const MOVEMENT_CATEGORIES: readonly string[] = ['opening-balance', 'advance', 'advance-repayment'];

/** A fund's statement for a period: income and spending by category, movements apart, and the surplus. */
export function summariseStatement(lines: StatementLine[], openingFen: number) {
  const income = new Map<string, number>();
  const spending = new Map<string, number>();
  const movements = new Map<string, number>();
  for (const line of lines) {
    if (MOVEMENT_CATEGORIES.includes(line.category)) {
      movements.set(line.category, (movements.get(line.category) ?? 0) + line.amountFen);
      continue;
    }
    const target = line.amountFen >= 0 ? income : spending;
    target.set(line.category, (target.get(line.category) ?? 0) + Math.abs(line.amountFen));
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const list = (m: Map<string, number>) => [...m.entries()].map(([category, amountFen]) => ({ category, amountFen }));
  const incomeFen = sum(income);
  const spendingFen = sum(spending);
  const movementsFen = sum(movements);
  return {
    openingFen,
    income: list(income),
    spending: list(spending),
    /** Signed: into the fund positive, out of it negative. */
    movements: list(movements),
    incomeFen,
    spendingFen,
    movementsFen,
    surplusFen: incomeFen - spendingFen,
    closingFen: openingFen + incomeFen - spendingFen + movementsFen,
  };
}

/** Money that comes into a fund from outside, as the "record money" screen offers it. */
export type IncomingMoney =
  | { kind: 'seed-fund'; source: string; note?: string }
  | { kind: 'donation'; donor: { anonymous: true } | { anonymous: false; name: string }; note?: string }
  | { kind: 'grant'; grantor: string; note?: string }
  | { kind: 'opening-balance'; note?: string };

/**
 * The memo of money coming in. An anonymous donation's memo is built without any name: the donor's name is never
 * asked for, so it cannot leak into the entry. A named donor appears in the entry, which only members see.
 */
export function incomingMemo(money: IncomingMoney): string {
  const note = money.note ? `（${money.note}）` : '';
  switch (money.kind) {
    case 'seed-fund':
      return `启动资金：${money.source}${note}`;
    case 'donation':
      return money.donor.anonymous ? `匿名捐赠${note}` : `捐赠：${money.donor.name}${note}`;
    case 'grant':
      return `资助：${money.grantor}${note}`;
    case 'opening-balance':
      return `期初余额${note}`;
  }
}

/**
 * The entry of money coming into a fund from outside, as the "record money" screen writes it: the fund up by the
 * amount, the outside world down, under the money's kind and a memo built from the form.
 */
export function incomingEntry(money: IncomingMoney, fundAccountId: number, externalAccountId: number, amountFen: number) {
  return {
    category: money.kind,
    memo: incomingMemo(money),
    postings: [
      { accountId: fundAccountId, amountFen },
      { accountId: externalAccountId, amountFen: -amountFen },
    ],
  };
}

/** The accounts an advance touches: the hub's cash, the club's cash, the hub's claim and the club's debt. */
export interface AdvanceAccounts {
  hub: number;
  club: number;
  receivable: number;
  payable: number;
}

/**
 * An advance of `amountFen` from the hub to a club (positive), or a repayment of it (negative): cash moves
 * between the two funds, and the claim and the debt grow or shrink by the same amount. Balanced by construction.
 */
export function advancePostings(a: AdvanceAccounts, amountFen: number): Posting[] {
  return [
    { accountId: a.hub, amountFen: -amountFen },
    { accountId: a.club, amountFen },
    { accountId: a.receivable, amountFen },
    { accountId: a.payable, amountFen: -amountFen },
  ];
}

/**
 * A fund's statement as a viewer may see it. The totals are public (the association's accounts are open); the
 * entries are for members, because a memo may name a donor or a payee.
 */
export function publicStatement<S extends { entries: readonly unknown[] }>(statement: S, viewer: { id: number } | null) {
  return viewer ? { ...statement, entriesForMembers: false } : { ...statement, entries: [], entriesForMembers: true };
}
