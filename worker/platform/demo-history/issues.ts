/** Issues residents raise, taken up by their building's contact and resolved directly or referred to the joint meeting. */
import type { InferInsertModel } from 'drizzle-orm';
import type { issues } from '../../db/tenant-schema';
import { DAY, iso } from './calendar';
import type { Spokespeople } from './contacts';
import { type IssueTemplate, issueTemplates } from './issue-texts';
import type { Roster } from './roster';
import { ADMIN, type Build } from './state';

/** One step of an issue's path; steps after the cutoff are planned but never written. */
export type Step = { to: InferInsertModel<typeof issues>['state']; at: number; actor: number | null; note: string };

/** An issue being generated: its row (final state filled in at the end), its path so far, and when it went to the meeting. */
export type IssueRun = {
  row: InferInsertModel<typeof issues>;
  template: IssueTemplate;
  steps: Step[];
  referredAt: number | null;
  raisedBy: number;
};

/** Raises the planned issues (those of the month before the window first) and walks each as far as the meeting. */
export function raiseIssues(b: Build, roster: Roster, { contactsOf }: Spokespeople): IssueRun[] {
  const { plan, ctx, rng, ids, dayOf } = b;
  const { joinedBefore } = roster;
  const issueRuns: IssueRun[] = [];
  [plan.priorIssues, ...plan.issues].forEach((n, index) => {
    const m = index - 1;
    for (let i = 0; i < n; i++) {
      const raisedAt = dayOf(m, rng.int(1, 28), rng.int(0, 13), rng.int(0, 59));
      const pool = joinedBefore(raisedAt - DAY);
      if (pool.length === 0) continue;
      const raiser = rng.pick(pool);
      const buildingId = ctx.buildingIds[raiser.building]!;
      const template = rng.pick(issueTemplates);
      const contact = (contactsOf.get(buildingId) ?? []).find((c) => c.since < raisedAt);
      const taker = contact?.id ?? ADMIN;
      const steps: Step[] = [{ to: 'raised', at: raisedAt, actor: raiser.id, note: '' }];
      const run: IssueRun = {
        row: {
          id: ++ids.issues,
          title: template.title,
          description: template.description,
          category: template.category,
          buildingId,
          raisedBy: raiser.id,
          state: 'raised',
          bodyKey: null,
          outcome: null,
          decisionText: null,
          implementationOwner: null,
          dueOn: null,
          stateSince: iso(raisedAt),
          createdAt: iso(raisedAt),
        },
        template,
        steps,
        referredAt: null,
        raisedBy: raiser.id,
      };
      issueRuns.push(run);
      // Without a contact in the building, an issue waits longer for someone to take it up.
      if (rng.chance(plan.stuckShare * (contact ? 0.4 : 1.6))) continue;
      const ackAt = raisedAt + rng.between(plan.ackDays[0], plan.ackDays[1]) * (contact ? 1 : 1.8) * DAY;
      steps.push({ to: 'acknowledged', at: ackAt, actor: taker, note: '' });
      if (rng.chance(plan.directShare)) {
        const resolvedAt = ackAt + rng.between(1, 10) * DAY;
        steps.push({ to: 'resolved-directly', at: resolvedAt, actor: taker, note: template.direct });
        steps.push({ to: 'relayed', at: resolvedAt + rng.between(0.5, 3) * DAY, actor: taker, note: '已在楼栋群说明处理结果' });
        continue;
      }
      const referredAt = ackAt + rng.between(plan.referDays[0], plan.referDays[1]) * DAY;
      steps.push({ to: 'referred', at: referredAt, actor: taker, note: '提交联席会议' });
      run.row.bodyKey = 'joint-meeting';
      run.referredAt = referredAt;
    }
  });
  return issueRuns;
}
