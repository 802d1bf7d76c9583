import type { CommunityOverview } from '../profile/schema';

/** The steps of onboarding, in the order the checklist shows them. */
export const checklistKeys = ['review-programs', 'name-parties', 'building-contacts', 'invite-residents', 'fill-canvas'] as const;

export interface ChecklistItem {
  key: (typeof checklistKeys)[number];
  done: boolean;
  progress: { current: number; target: number };
}

/** What a new community's administrator still has to do, derived from its own data. */
export function onboardingChecklist(overview: CommunityOverview, canvasFilled: number, canvasTotal: number): ChecklistItem[] {
  const namedParties = overview.parties.filter((p) => p.organisationName).length;
  const residentsTarget = Math.max(10, Math.min(50, Math.ceil(overview.households * 0.01)));
  return [
    {
      key: 'review-programs',
      done: true,
      progress: { current: overview.programs.filter((p) => p.enabled).length, target: overview.programs.length },
    },
    {
      key: 'name-parties',
      done: namedParties === overview.parties.length,
      progress: { current: namedParties, target: overview.parties.length },
    },
    {
      key: 'building-contacts',
      done: overview.coverage.buildings > 0 && overview.coverage.covered === overview.coverage.buildings,
      progress: { current: overview.coverage.covered, target: overview.coverage.buildings },
    },
    {
      key: 'invite-residents',
      done: overview.memberCount >= residentsTarget,
      progress: { current: overview.memberCount, target: residentsTarget },
    },
    { key: 'fill-canvas', done: canvasTotal > 0 && canvasFilled === canvasTotal, progress: { current: canvasFilled, target: canvasTotal } },
  ];
}
