/** Builds every row of a community's year from its plan, step by step in a fixed order (they draw from one random sequence). */
import { holdActivities } from './activities';
import { foundClubs } from './clubs';
import { formCommittees } from './committees';
import { appointSpokespeople } from './contacts';
import { writeIssuePaths } from './issue-events';
import { raiseIssues } from './issues';
import { holdJointMeetings } from './meetings';
import { generateMembers } from './members';
import { recordMoney } from './money';
import type { HistoryPlan } from './plan';
import { createRoster } from './roster';
import { type HistoryContext, type HistoryRows, startBuild } from './state';
import { serveAsVolunteers } from './volunteers';

/** Builds every row of a community's history; pure, so the same plan, ids and month give the same rows. */
export function buildHistory(plan: HistoryPlan, ctx: HistoryContext): HistoryRows {
  const b = startBuild(plan, ctx);
  const roster = createRoster(b, generateMembers(b));
  const spokespeople = appointSpokespeople(b, roster);
  formCommittees(b, roster);
  const clubRuns = foundClubs(b, roster);
  const heldByMonth = holdActivities(b, roster, clubRuns);
  serveAsVolunteers(b, roster, clubRuns, heldByMonth);
  const issueRuns = raiseIssues(b, roster, spokespeople);
  holdJointMeetings(b, issueRuns, spokespeople);
  writeIssuePaths(b, issueRuns);
  recordMoney(b, roster, clubRuns);
  return b.rows;
}
