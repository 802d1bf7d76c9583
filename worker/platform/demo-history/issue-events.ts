/** Each issue written where its path stood at the end of last month: its events up to the cutoff, and its final state. */
import { iso } from './calendar';
import type { IssueRun, Step } from './issues';
import type { Build } from './state';

export function writeIssuePaths(b: Build, issueRuns: IssueRun[]): void {
  const { rows, cutoff } = b;
  for (const run of issueRuns) {
    const steps = run.steps.filter((s) => s.at < cutoff).sort((a, b) => a.at - b.at);
    let from: Step['to'] | null = null;
    for (const step of steps) {
      rows.issueEvents.push({
        issueId: run.row.id!,
        fromState: from,
        toState: step.to,
        actorMemberId: step.actor,
        note: step.note,
        at: iso(step.at),
      });
      from = step.to;
    }
    const last = steps[steps.length - 1]!;
    run.row.state = last.to;
    run.row.stateSince = iso(last.at);
    if (!steps.some((s) => s.to === 'referred')) run.row.bodyKey = null;
    if (!steps.some((s) => s.to === 'decided')) {
      run.row.outcome = null;
      run.row.decisionText = null;
    }
    rows.issues.push(run.row);
  }
}
