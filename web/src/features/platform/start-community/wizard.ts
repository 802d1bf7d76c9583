import { createStore } from 'solid-js/store';
import { api, request } from '../../../lib/api';

export const steps = ['basics', 'place', 'buildings', 'parties', 'template'] as const;
export type Step = (typeof steps)[number];
/** The step that holds each field the API may refuse, so the wizard goes back to it. */
export const stepOfField: Record<string, Step> = {
  nameZh: 'basics',
  nameEn: 'basics',
  slug: 'basics',
  city: 'place',
  district: 'place',
  households: 'place',
  buildings: 'buildings',
  parties: 'parties',
  founderName: 'template',
  template: 'template',
};
export const stepTitle = {
  basics: 'wizard.stepBasics',
  place: 'wizard.stepPlace',
  buildings: 'wizard.stepBuildings',
  parties: 'wizard.stepParties',
  template: 'wizard.stepTemplate',
} as const;

export async function fetchStatus(slug: string) {
  return request(api.api.communities[':slug'].$get({ param: { slug } }));
}
export type Status = Awaited<ReturnType<typeof fetchStatus>>;

export function parseBuildingList(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The wizard's fields, all as typed. */
export function createWizardForm() {
  return createStore({
    nameZh: '',
    nameEn: '',
    slug: '',
    city: '',
    district: '',
    households: '',
    buildingsMode: 'count' as 'count' | 'list',
    buildingCount: '10',
    buildingList: '',
    residentsCommittee: '',
    ownersCommittee: '',
    propertyCompany: '',
    founderName: '',
  });
}
export type WizardStore = ReturnType<typeof createWizardForm>;
export type WizardFields = WizardStore[0];
