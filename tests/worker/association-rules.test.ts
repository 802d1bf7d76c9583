import { describe, expect, it } from 'vitest';
import { monthsWithoutJointMeeting, nextSteps, type StandingFacts } from '../../worker/community/association/rules';
import { checklistKeys, setupChecklist } from '../../worker/community/onboarding/rules';

/** A community that has everything in place; each test takes one thing away. */
function working(overrides: Partial<StandingFacts> = {}): StandingFacts {
  return {
    parties: { total: 4, represented: 4 },
    buildings: [
      { name: '1 栋', contacts: 2, contactsRequired: 2 },
      { name: '2 栋', contacts: 3, contactsRequired: 2 },
    ],
    committeesStaffed: 1,
    spaces: 2,
    hubIncomeEntries: 1,
    activeClubs: 3,
    clubsWithUnpublishedStatements: 0,
    jointMeetingsClosed: 5,
    jointMeetingsThisMonth: 1,
    activitiesThisMonth: 4,
    issuesOverdue: 0,
    ...overrides,
  };
}

const fresh = working({
  parties: { total: 4, represented: 0 },
  buildings: [
    { name: '1 栋', contacts: 0, contactsRequired: 2 },
    { name: '2 栋', contacts: 0, contactsRequired: 2 },
    { name: '3 栋', contacts: 0, contactsRequired: 2 },
  ],
  committeesStaffed: 0,
  spaces: 0,
  hubIncomeEntries: 0,
  activeClubs: 0,
  jointMeetingsClosed: 0,
  jointMeetingsThisMonth: 0,
  activitiesThisMonth: 0,
});

describe('the next useful step', () => {
  it('is empty for an association that has everything in place', () => {
    expect(nextSteps(working())).toEqual([]);
  });

  it('counts the buildings that still need a second contact, apart from those with none', () => {
    const steps = nextSteps(
      working({
        buildings: [
          { name: '1 栋', contacts: 1, contactsRequired: 2 },
          { name: '2 栋', contacts: 1, contactsRequired: 2 },
          { name: '3 栋', contacts: 1, contactsRequired: 2 },
          { name: '4 栋', contacts: 0, contactsRequired: 2 },
          { name: '5 栋', contacts: 2, contactsRequired: 2 },
        ],
      }),
    );
    expect(steps).toEqual([
      { key: 'building-first-contact', count: 1, href: '/buildings' },
      { key: 'building-second-contact', count: 3, href: '/buildings' },
    ]);
  });

  it('asks for two contacts even where a building was set to need one', () => {
    expect(nextSteps(working({ buildings: [{ name: '1 栋', contacts: 1, contactsRequired: 1 }] })).map((s) => s.key)).toEqual([
      'building-second-contact',
    ]);
  });

  it('names the clubs that have not published their statements, and the month without a joint meeting', () => {
    expect(nextSteps(working({ clubsWithUnpublishedStatements: 2, jointMeetingsThisMonth: 0 }))).toEqual([
      { key: 'joint-meeting', count: 1, href: '/meetings' },
      { key: 'statements', count: 2, href: '/clubs' },
    ]);
  });

  it('lists a new community’s steps most fundamental first, each linking to its screen, without asking a clubless one for activities', () => {
    const steps = nextSteps(fresh);
    expect(steps.map((s) => [s.key, s.count, s.href])).toEqual([
      ['party-representatives', 4, '/admin/settings#parties'],
      ['building-first-contact', 3, '/buildings'],
      ['joint-meeting', 1, '/meetings'],
      ['committee', 1, '/committees'],
      ['club', 1, '/clubs'],
      ['space', 1, '/spaces'],
    ]);
  });

  it('asks for an activity this month once there is a club, and points at overdue issues', () => {
    expect(nextSteps(working({ activitiesThisMonth: 0, issuesOverdue: 3 }))).toEqual([
      { key: 'activity', count: 1, href: '/clubs' },
      { key: 'issues-overdue', count: 3, href: '/issues' },
    ]);
  });
});

describe('months without a joint meeting', () => {
  it('lists the months since the community began in which none was held', () => {
    expect(
      monthsWithoutJointMeeting([
        { month: '2025-01', existed: false, jointMeetingsHeld: 0 },
        { month: '2025-02', existed: true, jointMeetingsHeld: 1 },
        { month: '2025-03', existed: true, jointMeetingsHeld: 0 },
        { month: '2025-04', existed: true, jointMeetingsHeld: 2 },
        { month: '2025-05', existed: true, jointMeetingsHeld: 0 },
      ]),
    ).toEqual(['2025-03', '2025-05']);
  });
});

describe('the setup checklist', () => {
  it('leads through parties, contacts, a committee, spaces, the seed fund, a club and a joint meeting, each to its screen', () => {
    const items = setupChecklist(fresh);
    expect(items.map((i) => i.key)).toEqual([...checklistKeys]);
    expect(items.map((i) => i.href)).toEqual([
      '/admin/settings#parties',
      '/buildings',
      '/committees',
      '/spaces',
      '/accounts',
      '/clubs',
      '/meetings',
    ]);
    expect(items.every((i) => !i.done)).toBe(true);
    expect(items[0]!.progress).toEqual({ current: 0, target: 4 });
    expect(items[1]!.progress).toEqual({ current: 0, target: 3 });
  });

  it('marks each step done when the real thing exists', () => {
    expect(setupChecklist(working()).every((i) => i.done)).toBe(true);
    const partly = setupChecklist(
      working({
        parties: { total: 4, represented: 3 },
        buildings: [
          { name: '1 栋', contacts: 1, contactsRequired: 2 },
          { name: '2 栋', contacts: 0, contactsRequired: 2 },
        ],
        hubIncomeEntries: 0,
      }),
    );
    const done = Object.fromEntries(partly.map((i) => [i.key, i.done]));
    expect(done).toEqual({
      parties: false,
      'building-contacts': false,
      committee: true,
      spaces: true,
      'seed-fund': false,
      club: true,
      'joint-meeting': true,
    });
    expect(partly[1]!.progress).toEqual({ current: 1, target: 2 });
  });

  it('counts a building with one contact as done for setup (the second is a next step)', () => {
    const [, contacts] = setupChecklist(working({ buildings: [{ name: '1 栋', contacts: 1, contactsRequired: 2 }] }));
    expect(contacts!.done).toBe(true);
  });

  it('is not done for a community without buildings or parties', () => {
    const items = setupChecklist(working({ buildings: [], parties: { total: 0, represented: 0 } }));
    expect(items[0]!.done).toBe(false);
    expect(items[1]!.done).toBe(false);
  });
});
