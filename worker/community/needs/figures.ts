import { and, gte, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { figureReads, noFigureReads } from '../programs/figure-reads';
import type { ProgramFigure, ProgramFigureSource } from '../programs/figures';
import { median, monthIn } from './rules';
import { needEvents, needs } from './schema';

/** Pure: the register's monthly figures from its rows, in the community's time zone. */
export function needsFiguresFrom(
  months: readonly string[],
  timeZone: string,
  rows: {
    posted: { createdAt: string }[];
    steps: { toState: string; at: string }[];
    claims: { createdAt: string; claimedAt: string }[];
  },
): ProgramFigure[] {
  const zeros = () => Object.fromEntries(months.map((m) => [m, 0])) as Record<string, number>;
  const count = (instants: string[]) => {
    const values = zeros();
    for (const at of instants) {
      const m = monthIn(at, timeZone);
      if (m in values) values[m]! += 1;
    }
    return values;
  };
  const stepsTo = (state: string) => rows.steps.filter((s) => s.toState === state).map((s) => s.at);
  const waits = new Map<string, number[]>();
  for (const c of rows.claims) {
    const m = monthIn(c.claimedAt, timeZone);
    if (!months.includes(m)) continue;
    waits.set(m, [...(waits.get(m) ?? []), (Date.parse(c.claimedAt) - Date.parse(c.createdAt)) / 3600_000]);
  }
  const medianHours: Record<string, number> = {};
  for (const [m, hours] of waits) medianHours[m] = Math.round(median(hours)! * 10) / 10;
  return [
    {
      key: 'needs-posted',
      labelZh: '登记的需求',
      labelEn: 'Needs posted',
      unit: 'count',
      values: count(rows.posted.map((p) => p.createdAt)),
    },
    { key: 'needs-claimed', labelZh: '被认领的需求', labelEn: 'Needs claimed', unit: 'count', values: count(stepsTo('claimed')) },
    {
      key: 'needs-became-activities',
      labelZh: '变成活动、社团或项目任务的需求',
      labelEn: 'Needs turned into activities, clubs or program tasks',
      unit: 'count',
      values: count(stepsTo('became-activity')),
    },
    { key: 'needs-solved', labelZh: '已解决的需求', labelEn: 'Needs solved', unit: 'count', values: count(stepsTo('solved')) },
    {
      key: 'needs-median-hours-to-claim',
      labelZh: '从登记到认领的时间（中位数，小时）',
      labelEn: 'Median time from posting to claim (hours)',
      unit: 'hours',
      values: medianHours,
    },
  ];
}

/**
 * The needs register's figures for the program pages: needs posted, claimed, turned into activities, solved, and the
 * median time to claim, per month. Counts only; nothing personal is read.
 */
export const needsFigures: ProgramFigureSource = {
  programKey: 'community-helps-community',
  reads(db: TenantDb, months: string[], timeZone: string) {
    if (months.length === 0) return noFigureReads;
    // From a day before the first month in UTC, so every time zone's month start is covered.
    const from = new Date(Date.parse(`${[...months].sort()[0]}-01T00:00:00Z`) - 86400_000).toISOString();
    const statements = [
      db.select({ createdAt: needs.createdAt }).from(needs).where(gte(needs.createdAt, from)),
      db
        .select({ toState: needEvents.toState, at: needEvents.at })
        .from(needEvents)
        .where(and(gte(needEvents.at, from), inArray(needEvents.toState, ['claimed', 'became-activity', 'solved']))),
      db.select({ createdAt: needs.createdAt, claimedAt: needs.claimedAt }).from(needs).where(gte(needs.claimedAt, from)),
    ] as const;
    return figureReads([...statements], ([posted, steps, claims]) =>
      needsFiguresFrom(months, timeZone, {
        posted,
        steps,
        claims: claims.flatMap((c) => (c.claimedAt ? [{ createdAt: c.createdAt, claimedAt: c.claimedAt }] : [])),
      }),
    );
  },
};
