import { and, asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { communitySettings } from '../profile/service';
import { issueEvents, issues } from './schema';

/**
 * What a decision's poster shows the building: the issue's title, the adopted decision, when it was decided, and who
 * carries it out by when. Never who raised it (an issue may be anonymous; a poster names no raiser at all). An issue
 * without an adopted decision has no poster.
 */
export async function decisionPoster(db: TenantDb, id: number) {
  const [rows, decided, { timeZone }] = await Promise.all([
    db
      .select({
        id: issues.id,
        title: issues.title,
        outcome: issues.outcome,
        decisionText: issues.decisionText,
        implementationOwner: issues.implementationOwner,
        dueOn: issues.dueOn,
        state: issues.state,
      })
      .from(issues)
      .where(eq(issues.id, id)),
    db
      .select({ at: issueEvents.at })
      .from(issueEvents)
      .where(and(eq(issueEvents.issueId, id), eq(issueEvents.toState, 'decided')))
      .orderBy(asc(issueEvents.at))
      .limit(1),
    communitySettings(db),
  ]);
  const issue = rows[0];
  if (issue?.outcome !== 'adopted' || !issue.decisionText) throw new AppError('not_found', 'No adopted decision on this issue');
  return {
    id: issue.id,
    title: issue.title,
    decisionText: issue.decisionText,
    decidedAt: decided[0]?.at ?? null,
    implementationOwner: issue.implementationOwner,
    dueOn: issue.dueOn,
    state: issue.state,
    timeZone,
  };
}
