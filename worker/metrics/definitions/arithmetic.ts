/** The arithmetic the figures share: a ratio and a rate per hundred that are empty rather than zero, and a median. */

/** A ratio, or null when there is nothing to divide by (a figure that does not apply, not a zero). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function per100(count: number, households: number): number | null {
  return households > 0 ? (count / households) * 100 : null;
}

/** The middle value (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
