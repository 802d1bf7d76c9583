import { api, request } from '../../../lib/api';

export const loadCompare = (slugs: string) => request(api.api.consultant.compare.$get({ query: { slugs } }));
export type CompareData = Awaited<ReturnType<typeof loadCompare>>;
export type MetricDefinition = CompareData['definitions']['metrics'][number];
