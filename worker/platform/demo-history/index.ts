/**
 * Twelve months of invented history for each demo community, so that a consultant comparing pilot sites sees
 * different trajectories on first look. Everything is generated from a seeded sequence with dates relative to
 * the current month, written straight into the tenant tables in one D1 batch (one transaction), and ends before
 * the current month begins, so this week's pages and tests see only the demo's present life. This index keeps
 * the module's exports; the plans, the generator's steps and the writer are the files beside it.
 */
export { buildHistory } from './build';
export type { HistoryPlan } from './plan';
export { demoHistoryPlans, historyPlans } from './plans';
export { seedDemoHistory, seedHistory } from './seed';
