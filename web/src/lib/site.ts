import { createResource } from 'solid-js';
import { ApiError, api, request } from './api';
import { clerkUser, clerkSignOut, loadClerk } from './clerk';
import { sessionToken, storeSessionToken } from './session-token';

/** What this host is (platform or a community) and how sign-in works here. */
export function createSite() {
  const [site] = createResource(async () => {
    const info = await request(api.api.site.$get());
    if (info.authMode === 'clerk' && info.clerkPublishableKey) await loadClerk(info.clerkPublishableKey).catch(() => undefined);
    return info;
  });
  // Re-read who I am whenever the dev token or the Clerk user changes.
  const [me, { refetch: refetchMe }] = createResource(
    () => sessionToken() ?? clerkUser() ?? 'anonymous',
    async (who) => {
      if (who === 'anonymous') return null;
      try {
        return await request(api.api.me.$get());
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) storeSessionToken(null);
        return null;
      }
    },
  );
  return { site, me, refetchMe };
}

export async function devSignIn(userId: string, name: string): Promise<void> {
  const { token } = await request(api.api.dev['sign-in'].$post({ json: { userId, name } }));
  storeSessionToken(token);
}

export async function signOut(): Promise<void> {
  storeSessionToken(null);
  await clerkSignOut();
}
