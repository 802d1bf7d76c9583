import { createResource } from 'solid-js';
import { ApiError, api, request } from './api';
import { clerkSignedInHere, clerkSignOut, clerkUser, loadClerk } from './clerk';
import { setCommunityTimeZone } from './format';
import { offlineQueue } from './offline-queue';
import { sessionToken, storeSessionToken } from './session-token';

type SiteInfo = Awaited<ReturnType<typeof fetchSite>>;
const fetchSite = () => request(api.api.site.$get());

/**
 * The site info the Worker put in the page (worker/site-info.ts), so the first page draws without a round trip for
 * it; undefined where the page has none (the app shell the service worker keeps for offline use).
 */
function siteInfoInPage(): SiteInfo | undefined {
  const script = typeof document !== 'undefined' ? document.getElementById('site-info') : null;
  if (!script?.textContent) return undefined;
  try {
    return JSON.parse(script.textContent) as SiteInfo;
  } catch {
    return undefined;
  }
}

/** What this host is (platform or a community) and how sign-in works here. */
export function createSite() {
  const [site] = createResource(async () => {
    const info = siteInfoInPage() ?? (await fetchSite());
    // Every time on the page is shown and read in the community's zone (see lib/format.ts).
    setCommunityTimeZone(info.timeZone);
    // Clerk's SDK only for someone who signed in here: a visitor's page draws without waiting for 1.5 MB of it.
    if (info.authMode === 'clerk' && info.clerkPublishableKey && clerkSignedInHere())
      await loadClerk(info.clerkPublishableKey).catch(() => undefined);
    return info;
  });
  // Re-read who I am whenever the dev token or the Clerk user changes.
  const [me, { refetch: refetchMe }] = createResource(
    () => sessionToken() ?? clerkUser() ?? 'anonymous',
    async (who) => {
      if (who === 'anonymous') return null;
      try {
        const me = await request(api.api.me.$get());
        // Signed in now, so sign-ups made offline can go (Clerk's token arrives after the page starts).
        void offlineQueue.replay();
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) storeSessionToken(null);
        // Offline, the page reads as a visitor's (handbooks kept by the service worker) until the connection is back.
        return null;
      }
    },
  );
  if (typeof window !== 'undefined') window.addEventListener('online', () => void refetchMe());
  return { site, me, refetchMe };
}

export async function devSignIn(userId: string, name: string): Promise<void> {
  const { token } = await request(api.api.dev['sign-in'].$post({ json: { userId, name } }));
  storeSessionToken(token);
}

export async function signOut(): Promise<void> {
  storeSessionToken(null);
  await offlineQueue.clear();
  // What the service worker kept for reading offline (handbooks) was this member's view.
  if (typeof caches !== 'undefined') await caches.delete('huzhu-readable').catch(() => false);
  await clerkSignOut();
}
