/**
 * The model's own measures of how far a community has come, defined once: what each figure means (shown next
 * to it in the UI), and how it is computed from a month's facts. Pure functions: no I/O, no imports from the
 * rest of the project, so they can be tested on small hand-built data. This index exports what the rest of the
 * project uses; the files beside it hold the vocabulary, each family of figures, the operating rules and the arithmetic.
 */
export { median, per100, ratio } from './arithmetic';
export { METRICS } from './catalogue';
export { emptyMonth, type MonthFacts, monthsUpTo } from './month-facts';
export { figuresFor, figuresForSeries } from './month-figures';
export { operatingRules, RULES } from './operating-rules';
export { type Figures, METRIC_KEYS, RULE_KEYS, type RuleResult } from './types';
