import { and, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { figureReads, noFigureReads } from '../programs/figure-reads';
import type { ProgramFigureSource } from '../programs/figures';
import { volunteerHours } from '../volunteers/schema';
import { monthOf, onTimeRate } from './rules';
import { libraryBorrowerMonths, libraryLoans, libraryTitles } from './schema';

const byMonth = (rows: { m: string; n: number }[]) => new Map(rows.map((r) => [r.m, Number(r.n)]));

/**
 * 明志书屋's figures: loans per month, active borrowers, titles in the catalogue at the month's end, the share of
 * returns made by the due day, and librarians' confirmed volunteer hours. Loans carry their days on the community's
 * calendar (lent, due, returned), so months are counted there; erased loans keep counting, and their month keeps
 * its number of borrowers.
 */
export const libraryFigures: ProgramFigureSource = {
  programKey: 'library',
  reads(db, months, timeZone) {
    if (months.length === 0) return noFigureReads;
    const first = `${[...months].sort()[0]}-01`;
    // Titles catalogued from a day before the first month in UTC are sorted into months; older ones are counted.
    const since = new Date(Date.parse(`${first}T00:00:00Z`) - 86400_000).toISOString();
    const statements = [
      db
        .select({
          m: sql<string>`substr(${libraryLoans.lentOn}, 1, 7)`,
          n: sql<number>`COUNT(*)`,
          borrowers: sql<number>`COUNT(DISTINCT ${libraryLoans.memberId})`,
        })
        .from(libraryLoans)
        .where(gte(libraryLoans.lentOn, first))
        .groupBy(sql`1`),
      db.select({ m: libraryBorrowerMonths.month, n: libraryBorrowerMonths.borrowers }).from(libraryBorrowerMonths),
      db
        .select({
          m: sql<string>`substr(${libraryLoans.returnedOn}, 1, 7)`,
          n: sql<number>`COUNT(*)`,
          onTime: sql<number>`SUM(CASE WHEN ${libraryLoans.returnedOn} <= ${libraryLoans.dueOn} THEN 1 ELSE 0 END)`,
        })
        .from(libraryLoans)
        .where(and(isNotNull(libraryLoans.returnedOn), gte(libraryLoans.returnedOn, first)))
        .groupBy(sql`1`),
      db
        .select({ m: sql<string>`substr(${volunteerHours.servedOn}, 1, 7)`, n: sql<number>`SUM(${volunteerHours.minutes})` })
        .from(volunteerHours)
        .where(
          sql`${volunteerHours.programKey} = 'library' AND ${volunteerHours.confirmedAt} IS NOT NULL AND ${volunteerHours.servedOn} >= ${first}`,
        )
        .groupBy(sql`1`),
      db.select({ at: libraryTitles.createdAt }).from(libraryTitles).where(gte(libraryTitles.createdAt, since)),
      db.select({ n: sql<number>`COUNT(*)` }).from(libraryTitles).where(lt(libraryTitles.createdAt, since)),
    ] as const;
    return figureReads([...statements], ([lent, kept, returns, hours, titles, older]) => {
      const lentBy = byMonth(lent);
      const borrowersBy = byMonth(lent.map((r) => ({ m: r.m, n: r.borrowers })));
      const keptBy = byMonth(kept);
      const returnsBy = new Map(returns.map((r) => [r.m, { n: Number(r.n), onTime: Number(r.onTime) }]));
      const minutesBy = byMonth(hours);
      const addedBy = new Map<string, number>();
      for (const t of titles) {
        const m = monthOf(t.at, timeZone);
        addedBy.set(m, (addedBy.get(m) ?? 0) + 1);
      }
      const before = Number(older[0]?.n ?? 0);
      const catalogueAt = (month: string) => [...addedBy].filter(([m]) => m <= month).reduce((n, [, c]) => n + c, before);
      const each = (value: (m: string) => number | null) =>
        Object.fromEntries(
          months.flatMap((m) => {
            const v = value(m);
            return v === null ? [] : [[m, v]];
          }),
        );
      return [
        { key: 'loans', labelZh: '借出册次', labelEn: 'Books lent', unit: 'count', values: each((m) => lentBy.get(m) ?? 0) },
        {
          key: 'borrowers',
          labelZh: '借阅人数',
          labelEn: 'Active borrowers',
          unit: 'count',
          values: each((m) => Math.max(keptBy.get(m) ?? 0, borrowersBy.get(m) ?? 0)),
        },
        { key: 'titles', labelZh: '馆藏书目', labelEn: 'Titles', unit: 'count', values: each(catalogueAt) },
        {
          key: 'on-time',
          labelZh: '按时归还率',
          labelEn: 'Returned on time',
          unit: 'percent',
          values: each((m) => onTimeRate(returnsBy.get(m)?.n ?? 0, returnsBy.get(m)?.onTime ?? 0)),
        },
        {
          key: 'volunteer-hours',
          labelZh: '馆员志愿服务时长',
          labelEn: 'Librarians’ volunteer hours',
          unit: 'hours',
          values: each((m) => Math.round(((minutesBy.get(m) ?? 0) / 60) * 10) / 10),
        },
      ];
    });
  },
};
