/** Trailing windows over a series of months (only months the community existed in), and sums over them. */
import type { MonthFacts } from './month-facts';

/** Months before and including index `i`, at most `n` of them, of those in which the community existed. */
export function lastMonths(series: readonly MonthFacts[], i: number, n: number): MonthFacts[] {
  return series.slice(Math.max(0, i - n + 1), i + 1).filter((f) => f.existed);
}

export const sum = (facts: readonly MonthFacts[], pick: (f: MonthFacts) => number) => facts.reduce((total, f) => total + pick(f), 0);
