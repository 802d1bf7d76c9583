import { createStore } from 'solid-js/store';
import { ApiError, api, request } from '../../../lib/api';

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

/** A number the API put in an error's details (`details` is typed for field messages, so it is read as unknown). */
function detailNumber(error: ApiError, key: string): number | undefined {
  const value: unknown = error.details?.[key];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Why the platform refused to start the community when it is about the account, not the answers: the founder's
 * community limit (how many they have, and the limit) or too many attempts (how long to wait). Null otherwise.
 */
export function signUpRefusal(
  error: unknown,
): { key: 'wizard.limitReached' | 'wizard.rateLimited'; params: Record<string, string> } | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'community_limit_reached') {
    const limit = detailNumber(error, 'limit');
    const count = detailNumber(error, 'counted');
    if (limit === undefined || count === undefined) return null;
    return { key: 'wizard.limitReached', params: { count: String(count), limit: String(limit) } };
  }
  if (error.code === 'rate_limited') {
    return { key: 'wizard.rateLimited', params: { seconds: String(detailNumber(error, 'retryAfterSeconds') ?? 60) } };
  }
  return null;
}

/** Errors whose details name the wizard's fields. */
export const fieldErrorCodes: readonly string[] = ['validation_failed', 'slug_taken'];

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
