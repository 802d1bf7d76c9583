/** The three kinds of year by name, and which one each demo community tells. */
import { growing } from './growing-year';
import { mature } from './mature-year';
import type { HistoryPlan } from './plan';
import { young } from './young-year';

/** The three kinds of year, by name (the benchmark gives them to generated communities in turn). */
export const historyPlans = { mature, growing, young } as const;

/** Which history each demo community tells. */
export const demoHistoryPlans: Record<string, HistoryPlan> = { cuizhuyuan: mature, pingzhi: growing, dafang: young };
