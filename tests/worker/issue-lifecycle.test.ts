import { describe, expect, it } from 'vitest';
import { canMoveIssue, isOverdue, issueSteps, nextIssueStates, stepTarget, waitingDays } from '../../worker/community/issues/rules';

describe('the issue state machine', () => {
  it('lets a building contact take up, merge, resolve or refer a raised issue, but not decide it', () => {
    expect(nextIssueStates('raised')).toEqual(['acknowledged', 'merged', 'resolved-directly']);
    expect(canMoveIssue('raised', 'acknowledged', 'contact')).toBe(true);
    expect(canMoveIssue('acknowledged', 'referred', 'contact')).toBe(true);
    expect(canMoveIssue('on-agenda', 'decided', 'contact')).toBe(false);
    expect(canMoveIssue('on-agenda', 'decided', 'meeting')).toBe(true);
  });

  it('only coordinators start and finish implementation; contacts relay the result back', () => {
    expect(canMoveIssue('decided', 'implementing', 'contact')).toBe(false);
    expect(canMoveIssue('decided', 'implementing', 'coordinator')).toBe(true);
    expect(canMoveIssue('implementing', 'done', 'coordinator')).toBe(true);
    expect(canMoveIssue('done', 'relayed', 'contact')).toBe(true);
    expect(canMoveIssue('resolved-directly', 'relayed', 'contact')).toBe(true);
  });

  it('ends at merged and relayed, and never skips a stage', () => {
    expect(nextIssueStates('merged')).toEqual([]);
    expect(nextIssueStates('relayed')).toEqual([]);
    expect(canMoveIssue('raised', 'decided', 'coordinator')).toBe(false);
    expect(canMoveIssue('referred', 'implementing', 'coordinator')).toBe(false);
  });
});

describe('issue wait limits', () => {
  it('flags an issue waiting beyond its state limit, using the community limits when given', () => {
    const now = new Date('2027-01-10T00:00:00Z');
    expect(waitingDays('2027-01-05T00:00:00Z', now)).toBe(5);
    expect(isOverdue('raised', '2027-01-05T00:00:00Z', now)).toBe(true);
    expect(isOverdue('raised', '2027-01-05T00:00:00Z', now, { raised: 7 })).toBe(false);
    expect(isOverdue('relayed', '2020-01-01T00:00:00Z', now)).toBe(false);
  });
});

describe('the steps an issue page offers (shared with the web app)', () => {
  it('offers a contact the first steps, a coordinator the deferral of an issue on an agenda, and nothing while it is referred', () => {
    expect(issueSteps('raised', ['contact'], null)).toEqual(['acknowledged', 'merged', 'resolved-directly']);
    expect(issueSteps('on-agenda', ['contact'], null)).toEqual([]);
    expect(issueSteps('on-agenda', ['coordinator'], null)).toEqual(['deferred']);
    expect(issueSteps('referred', ['contact', 'coordinator'], null)).toEqual([]);
    expect(stepTarget('deferred')).toBe('decided');
  });

  it('offers implementation only after an adopted decision, and only to a coordinator', () => {
    expect(issueSteps('decided', ['coordinator'], 'adopted')).toEqual(['implementing', 'relayed']);
    expect(issueSteps('decided', ['coordinator'], 'deferred')).toEqual(['relayed']);
    expect(issueSteps('decided', ['contact'], 'adopted')).toEqual(['relayed']);
  });
});
