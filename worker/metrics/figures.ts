import { z } from '@hono/zod-openapi';
import { type Figures, METRIC_KEYS, RULE_KEYS, RULES, type RuleResult } from './definitions';

/** An object with one entry per key. */
function byKey<K extends string, V>(keys: readonly K[], entry: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, entry(key)])) as Record<K, V>;
}

const checkKeys = new Map(RULES.map((rule) => [rule.key, rule.checks.map((check) => check.key)]));

/** A rule that was not defined when a month was computed reads as not met, like a month before the community began. */
const notMet = (keys: readonly string[]): RuleResult => ({ score: 0, checks: byKey(keys, () => false) });

/**
 * One month's figures as a snapshot stores them, checked against the definitions: every metric a number or
 * null, every rule a score in 0–1 with its checks. Only the last thirteen months are ever recomputed, so an
 * older month may predate a definition: a metric added since reads as null (not measured), a rule or check as
 * not met, and one since removed is dropped. Anything else that is not figures is an error, never a guess.
 */
export const storedFiguresSchema = z.object({
  values: z.object(byKey(METRIC_KEYS, () => z.number().nullable().default(null))),
  rules: z.object(
    byKey(RULE_KEYS, (key) => {
      const keys = checkKeys.get(key) ?? [];
      return z
        .object({ score: z.number().min(0).max(1), checks: z.object(byKey(keys, () => z.boolean().default(false))) })
        .default(() => notMet(keys));
    }),
  ),
});

/** Reads the figures a snapshot row holds (its JSON already decoded by the column). */
export function parseFigures(stored: unknown): Figures {
  return storedFiguresSchema.parse(stored);
}
