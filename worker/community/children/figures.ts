import { and, eq, inArray, sql } from 'drizzle-orm';
import { activities } from '../activities/schema';
import { clubs } from '../clubs/schema';
import type { TenantDb } from '../../db/client';
import { monthOf } from '../library/rules';
import type { ProgramFigure } from '../programs/rules';
import { figureReads, type ProgramFigureSource } from '../programs/figures';
import { architectStages, safetyChecks } from './schema';
import { headcountMismatch, readItems, safetyMissing } from './rules';

/** Activities credited to the program that took place, with their children and safety record. */
function heldActivities(db: TenantDb, programKey: string) {
  return db
    .select({
      startsAt: activities.startsAt,
      children: sql<number>`(SELECT COUNT(DISTINCT cs.child_id) FROM child_signups cs JOIN signups s ON s.id = cs.signup_id
        WHERE s.activity_id = ${activities.id} AND (s.status = 'confirmed' OR s.checked_in_at IS NOT NULL))`,
      checkedItems: safetyChecks.checkedItems,
      adultName: safetyChecks.adultName,
      headcountStart: safetyChecks.headcountStart,
      headcountEnd: safetyChecks.headcountEnd,
    })
    .from(activities)
    .leftJoin(clubs, eq(clubs.id, activities.clubId))
    .leftJoin(safetyChecks, and(eq(safetyChecks.targetKind, 'activity'), eq(safetyChecks.targetId, activities.id)))
    .where(
      and(
        sql`COALESCE(${activities.programKey}, ${clubs.programKey}) = ${programKey}`,
        inArray(activities.state, ['held', 'settled', 'reviewed']),
      ),
    );
}

type Held = Awaited<ReturnType<typeof heldActivities>>[number];

function activityFigures(rows: Held[], months: string[], timeZone: string): ProgramFigure[] {
  const sum = (pick: (r: Held) => number) => {
    const by = new Map<string, number>();
    for (const r of rows) by.set(monthOf(r.startsAt, timeZone), (by.get(monthOf(r.startsAt, timeZone)) ?? 0) + pick(r));
    return Object.fromEntries(months.map((m) => [m, by.get(m) ?? 0]));
  };
  const checked = (r: Held) =>
    r.checkedItems !== null && safetyMissing({ checkedItems: readItems(r.checkedItems), adultName: r.adultName ?? '' }).length === 0;
  return [
    { key: 'children', labelZh: '参加的儿童人次', labelEn: 'Children taking part', unit: 'count', values: sum((r) => Number(r.children)) },
    {
      key: 'safe-activities',
      labelZh: '完成安全检查的活动',
      labelEn: 'Activities held with the safety checklist done',
      unit: 'count',
      values: sum((r) => (checked(r) ? 1 : 0)),
    },
    {
      key: 'headcount-mismatches',
      labelZh: '清点人数不符',
      labelEn: 'Headcount mismatches',
      unit: 'count',
      values: sum((r) => (headcountMismatch(r.headcountStart, r.headcountEnd) ? 1 : 0)),
    },
  ];
}

/** 无敌少儿团: children taking part, activities held with the checklist done, headcount mismatches. */
export const kidsTroupeFigures: ProgramFigureSource = {
  programKey: 'kids-troupe',
  reads: (db, months, timeZone) => figureReads([heldActivities(db, 'kids-troupe')], ([rows]) => activityFigures(rows, months, timeZone)),
};

/** 小小建筑师: the same, and the project stages finished each month. */
export const littleArchitectsFigures: ProgramFigureSource = {
  programKey: 'little-architects',
  reads(db, months, timeZone) {
    return figureReads(
      [
        heldActivities(db, 'little-architects'),
        db.select({ at: architectStages.finishedAt }).from(architectStages).where(sql`${architectStages.finishedAt} IS NOT NULL`),
      ],
      ([rows, stages]) => {
        const by = new Map<string, number>();
        for (const s of stages) if (s.at) by.set(monthOf(s.at, timeZone), (by.get(monthOf(s.at, timeZone)) ?? 0) + 1);
        return [
          ...activityFigures(rows, months, timeZone),
          {
            key: 'stages-finished',
            labelZh: '完成的项目阶段',
            labelEn: 'Project stages finished',
            unit: 'count',
            values: Object.fromEntries(months.map((m) => [m, by.get(m) ?? 0])),
          },
        ];
      },
    );
  },
};
