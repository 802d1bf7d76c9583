import type { StandingFacts } from '../association/rules';

/** The steps of setting up, in the order the checklist leads through them. */
export const checklistKeys = ['parties', 'building-contacts', 'committee', 'spaces', 'seed-fund', 'club', 'joint-meeting'] as const;
export type ChecklistKey = (typeof checklistKeys)[number];

/** The screen each step is done on. */
export const checklistHrefs: Record<ChecklistKey, string> = {
  parties: '/admin/settings#parties',
  'building-contacts': '/buildings',
  committee: '/committees',
  spaces: '/spaces',
  'seed-fund': '/accounts',
  club: '/clubs',
  'joint-meeting': '/meetings',
};

export interface ChecklistItem {
  key: ChecklistKey;
  done: boolean;
  progress: { current: number; target: number };
  href: string;
}

const atLeastOne = (key: ChecklistKey, current: number): ChecklistItem => ({
  key,
  done: current > 0,
  progress: { current: Math.min(current, 1), target: 1 },
  href: checklistHrefs[key],
});

/**
 * The setup checklist: each step is done when the real thing exists — every party has a representative, every
 * building has at least one contact (a second is the next step's business), a committee with members, a space,
 * money in the hub fund, an active club, a joint meeting held.
 */
export function setupChecklist(f: StandingFacts): ChecklistItem[] {
  const buildingsWithContact = f.buildings.filter((b) => b.contacts > 0).length;
  return [
    {
      key: 'parties',
      done: f.parties.total > 0 && f.parties.represented >= f.parties.total,
      progress: { current: f.parties.represented, target: f.parties.total },
      href: checklistHrefs.parties,
    },
    {
      key: 'building-contacts',
      done: f.buildings.length > 0 && buildingsWithContact === f.buildings.length,
      progress: { current: buildingsWithContact, target: f.buildings.length },
      href: checklistHrefs['building-contacts'],
    },
    atLeastOne('committee', f.committeesStaffed),
    atLeastOne('spaces', f.spaces),
    atLeastOne('seed-fund', f.hubIncomeEntries),
    atLeastOne('club', f.activeClubs),
    atLeastOne('joint-meeting', f.jointMeetingsClosed),
  ];
}
