import { api, request } from '../../../lib/api';

/** A member's week: their sign-ups, clubs and volunteering. */
export const loadOverview = () => request(api.api.me.overview.$get());
export type Overview = Awaited<ReturnType<typeof loadOverview>>;
