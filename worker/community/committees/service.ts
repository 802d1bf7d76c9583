import { desc, eq, isNotNull } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { committees, issues } from '../../db/tenant-schema';
import { AppError } from '../../errors';

export async function getCommittee(db: TenantDb, id: number) {
  const [row] = await db.select().from(committees).where(eq(committees.id, id));
  if (!row) throw new AppError('not_found', 'No such committee');
  return row;
}

/** An ad hoc group works until its end date (`today` on the community's calendar); a standing committee has none. */
export function committeeActive(committee: { endsOn: string | null }, today: string) {
  return committee.endsOn === null || committee.endsOn >= today;
}

/** Per committee: the issues referred to it for study (with its recommendation) and the adopted decisions it assists. */
export async function committeeCases(db: TenantDb) {
  const [studied, assisted] = await db.batch([
    db
      .select({
        id: issues.id,
        committeeId: issues.studyCommitteeId,
        title: issues.title,
        state: issues.state,
        recommendation: issues.recommendation,
        recommendedAt: issues.recommendedAt,
      })
      .from(issues)
      .where(isNotNull(issues.studyCommitteeId))
      .orderBy(desc(issues.id)),
    db
      .select({
        id: issues.id,
        committeeId: issues.assistCommitteeId,
        title: issues.title,
        state: issues.state,
        decisionText: issues.decisionText,
      })
      .from(issues)
      .where(isNotNull(issues.assistCommitteeId))
      .orderBy(desc(issues.id)),
  ]);
  return {
    studies: (committeeId: number) => studied.filter((i) => i.committeeId === committeeId).map(({ committeeId: _c, ...i }) => i),
    assisting: (committeeId: number) => assisted.filter((i) => i.committeeId === committeeId).map(({ committeeId: _c, ...i }) => i),
  };
}
