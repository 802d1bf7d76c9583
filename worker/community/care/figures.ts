import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { figureReads, noFigureReads, type ProgramFigureSource } from '../programs/figures';
import { monthsDays } from '../programs/rules';
import { volunteers } from '../volunteers/schema';
import { underFiftyShare } from './rules';
import { careVisits } from './schema';

/**
 * 居家养老's figures by month of the visit day (on the community's calendar): recipients visited, visits, hours
 * confirmed, the share of visiting volunteers under fifty (of those who gave an age band), concerns raised and how
 * many of them were followed up.
 */
export const careFigures: ProgramFigureSource = {
  programKey: 'elder-care',
  reads(db, months) {
    if (months.length === 0) return noFigureReads;
    const month = sql<string>`substr(${careVisits.visitedOn}, 1, 7)`;
    // Only the months shown: visit days are on the community's calendar already.
    const days = monthsDays(months);
    const inMonths = and(gte(careVisits.visitedOn, days.from), lt(careVisits.visitedOn, days.until));
    return figureReads(
      [
        db
          .select({
            m: month,
            served: sql<number>`COUNT(DISTINCT ${careVisits.recipientId})`,
            visits: sql<number>`COUNT(*)`,
            minutes: sql<number>`COALESCE(SUM(CASE WHEN ${careVisits.confirmedAt} IS NOT NULL THEN ${careVisits.minutes} END), 0)`,
            concerns: sql<number>`SUM(CASE WHEN ${careVisits.concern} = 1 THEN 1 ELSE 0 END)`,
            followed: sql<number>`SUM(CASE WHEN ${careVisits.concern} = 1 AND ${careVisits.followedUpAt} IS NOT NULL THEN 1 ELSE 0 END)`,
          })
          .from(careVisits)
          .where(inMonths)
          .groupBy(sql`1`),
        db
          .selectDistinct({ m: month, volunteerId: careVisits.volunteerId, band: volunteers.ageBand })
          .from(careVisits)
          .leftJoin(volunteers, eq(volunteers.memberId, careVisits.volunteerId))
          .where(inMonths),
      ],
      ([counts, bands]) => {
        const by = new Map(counts.map((r) => [r.m, r]));
        const value = (m: string, key: 'served' | 'visits' | 'concerns' | 'followed') => Number(by.get(m)?.[key] ?? 0);
        const each = (f: (m: string) => number | null) =>
          Object.fromEntries(
            months.flatMap((m) => {
              const v = f(m);
              return v === null ? [] : [[m, v]];
            }),
          );
        return [
          {
            key: 'recipients-served',
            labelZh: '服务老人',
            labelEn: 'Elders visited',
            unit: 'count',
            values: each((m) => value(m, 'served')),
          },
          { key: 'visits', labelZh: '探访次数', labelEn: 'Visits', unit: 'count', values: each((m) => value(m, 'visits')) },
          {
            key: 'care-hours',
            labelZh: '确认的服务时长',
            labelEn: 'Hours confirmed',
            unit: 'hours',
            values: each((m) => Math.round((Number(by.get(m)?.minutes ?? 0) / 60) * 10) / 10),
          },
          {
            key: 'under-fifty',
            labelZh: '50 岁以下志愿者占比',
            labelEn: 'Volunteers under 50',
            unit: 'percent',
            values: each((m) => underFiftyShare(bands.filter((b) => b.m === m).map((b) => b.band))),
          },
          { key: 'concerns', labelZh: '提出的关注', labelEn: 'Concerns raised', unit: 'count', values: each((m) => value(m, 'concerns')) },
          {
            key: 'concerns-followed',
            labelZh: '已跟进的关注',
            labelEn: 'Concerns followed up',
            unit: 'count',
            values: each((m) => value(m, 'followed')),
          },
        ];
      },
    );
  },
};
