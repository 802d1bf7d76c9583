import { sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { monthOf } from '../library/rules';
import type { ProgramFigure } from '../programs/rules';
import type { ProgramFigureSource } from '../programs/figures';
import { architectStages } from './schema';
import { headcountMismatch, readItems, safetyMissing } from './rules';

/** Activities credited to the program that took place, with their children and safety record. */
function heldActivities(db: TenantDb, programKey: string) {
  return db.all<{
    startsAt: string;
    children: number;
    checkedItems: string | null;
    adultName: string | null;
    headcountStart: number | null;
    headcountEnd: number | null;
  }>(sql`
    SELECT a.starts_at AS startsAt,
           (SELECT COUNT(DISTINCT cs.child_id) FROM child_signups cs JOIN signups s ON s.id = cs.signup_id
             WHERE s.activity_id = a.id AND (s.status = 'confirmed' OR s.checked_in_at IS NOT NULL)) AS children,
           k.checked_items AS checkedItems, k.adult_name AS adultName, k.headcount_start AS headcountStart, k.headcount_end AS headcountEnd
      FROM activities a LEFT JOIN clubs c ON c.id = a.club_id
      LEFT JOIN safety_checks k ON k.target_kind = 'activity' AND k.target_id = a.id
     WHERE COALESCE(a.program_key, c.program_key) = ${programKey} AND a.state IN ('held', 'settled', 'reviewed')`);
}

async function activityFigures(db: TenantDb, programKey: string, months: string[], timeZone: string): Promise<ProgramFigure[]> {
  const rows = await heldActivities(db, programKey);
  const sum = (pick: (r: (typeof rows)[number]) => number) => {
    const by = new Map<string, number>();
    for (const r of rows) by.set(monthOf(r.startsAt, timeZone), (by.get(monthOf(r.startsAt, timeZone)) ?? 0) + pick(r));
    return Object.fromEntries(months.map((m) => [m, by.get(m) ?? 0]));
  };
  const checked = (r: (typeof rows)[number]) =>
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
  figures: (db, months, timeZone) => activityFigures(db, 'kids-troupe', months, timeZone),
};

/** 小小建筑师: the same, and the project stages finished each month. */
export const littleArchitectsFigures: ProgramFigureSource = {
  programKey: 'little-architects',
  async figures(db, months, timeZone) {
    const [common, stages] = await Promise.all([
      activityFigures(db, 'little-architects', months, timeZone),
      db.select({ at: architectStages.finishedAt }).from(architectStages).where(sql`${architectStages.finishedAt} IS NOT NULL`),
    ]);
    const by = new Map<string, number>();
    for (const s of stages) if (s.at) by.set(monthOf(s.at, timeZone), (by.get(monthOf(s.at, timeZone)) ?? 0) + 1);
    return [
      ...common,
      {
        key: 'stages-finished',
        labelZh: '完成的项目阶段',
        labelEn: 'Project stages finished',
        unit: 'count',
        values: Object.fromEntries(months.map((m) => [m, by.get(m) ?? 0])),
      },
    ];
  },
};
