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

export interface StatementLine {
  category: string;
  amountFen: number;
}

/** A fund's statement for a period: income and spending by category, and the surplus. */
export function summariseStatement(lines: StatementLine[], openingFen: number) {
  const income = new Map<string, number>();
  const spending = new Map<string, number>();
  for (const line of lines) {
    const target = line.amountFen >= 0 ? income : spending;
    target.set(line.category, (target.get(line.category) ?? 0) + Math.abs(line.amountFen));
  }
  const incomeFen = [...income.values()].reduce((a, b) => a + b, 0);
  const spendingFen = [...spending.values()].reduce((a, b) => a + b, 0);
  return {
    openingFen,
    income: [...income.entries()].map(([category, amountFen]) => ({ category, amountFen })),
    spending: [...spending.entries()].map(([category, amountFen]) => ({ category, amountFen })),
    incomeFen,
    spendingFen,
    surplusFen: incomeFen - spendingFen,
    closingFen: openingFen + incomeFen - spendingFen,
  };
}

/**
 * A fund's statement as a viewer may see it. The totals are public (the association's accounts are open); the
 * entries are for members, because a memo may name a donor or a payee.
 */
export function publicStatement<S extends { entries: readonly unknown[] }>(statement: S, viewer: { id: number } | null) {
  return viewer ? { ...statement, entriesForMembers: false } : { ...statement, entries: [], entriesForMembers: true };
}
