import { createResource } from 'solid-js';
import { ApiError, api, request } from './api';
import { sessionToken, storeSessionToken } from './session-token';

/** What this host is (platform or a community) and how sign-in works here. */
export function createSite() {
  const [site] = createResource(() => request(api.api.site.$get()));
  const [me, { refetch: refetchMe }] = createResource(sessionToken, async () => {
    try {
      return await request(api.api.me.$get());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) storeSessionToken(null);
      return null;
    }
  });
  return { site, me, refetchMe };
}

export async function devSignIn(userId: string, name: string): Promise<void> {
  const { token } = await request(api.api.dev['sign-in'].$post({ json: { userId, name } }));
  storeSessionToken(token);
}
