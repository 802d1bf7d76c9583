import { api, request } from '../../../lib/api';
import { loadOnce, startLoading } from '../../../lib/first-data';

const fetchActivity = (id: string) => request(api.api.activities[':id'].$get({ param: { id } }));

/** The activity as its reader may see it (the answer started by the route, the first time). */
export const loadActivity = (id: string) => loadOnce(`activity:${id}`, () => fetchActivity(id));

/** The route's preload: the activity is asked for alongside the page's code. */
export const preloadActivity = (id: string) => startLoading(`activity:${id}`, () => fetchActivity(id));
