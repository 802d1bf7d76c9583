import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Clerk's SDK, counted: the point is whether the app loads it at all.
const made = vi.hoisted(() => ({ count: 0, user: { id: 'user_1' } as { id: string } | null }));
vi.mock('@clerk/clerk-js', () => ({
  Clerk: class {
    user = made.user;
    session = { getToken: async () => 'clerk-token' };
    constructor() {
      made.count++;
    }
    async load() {}
    addListener() {}
    mountSignIn() {}
    async signOut() {}
  },
}));

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'clerk',
  clerkPublishableKey: 'pk_test_x',
  timeZone: 'Asia/Shanghai',
  community: null,
};

beforeEach(() => {
  vi.resetModules();
  made.count = 0;
  made.user = { id: 'user_1' };
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input), 'http://x').pathname;
      const body = path === '/api/site' ? site : { error: { code: 'unauthenticated', message: '' } };
      return new Response(JSON.stringify(body), {
        status: path === '/api/site' ? 200 : 401,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function siteReady() {
  const { createSite } = await import('../../web/src/lib/site');
  const { site: resource } = createRoot(() => createSite());
  await vi.waitFor(() => expect(resource.state).toBe('ready'));
}

describe("Clerk's SDK on a visitor's first page", () => {
  it('is not loaded for a visitor who never signed in on this origin, so the page does not wait for it', async () => {
    await siteReady();
    expect(made.count).toBe(0);
    const { authHeaders } = await import('../../web/src/lib/api');
    expect(await authHeaders()).toEqual({});
  });

  it('is loaded at start for someone who signed in here, so their first calls carry the token', async () => {
    localStorage.setItem('huzhu.clerk-signed-in', '1');
    await siteReady();
    expect(made.count).toBe(1);
    const { authHeaders } = await import('../../web/src/lib/api');
    expect(await authHeaders()).toEqual({ authorization: 'Bearer clerk-token' });
  });

  it('is loaded by the sign-in form, which remembers the signed-in user; signing out forgets it', async () => {
    const clerk = await import('../../web/src/lib/clerk');
    expect(clerk.clerkSignedInHere()).toBe(false);
    await clerk.mountClerkSignIn(document.createElement('div'), 'http://x/', 'pk_test_x');
    expect(made.count).toBe(1);
    expect(clerk.clerkSignedInHere()).toBe(true);
    await clerk.clerkSignOut();
    expect(clerk.clerkSignedInHere()).toBe(false);
  });

  it('forgets a remembered sign-in when Clerk finds nobody signed in any more', async () => {
    localStorage.setItem('huzhu.clerk-signed-in', '1');
    made.user = null;
    await siteReady();
    const clerk = await import('../../web/src/lib/clerk');
    expect(clerk.clerkSignedInHere()).toBe(false);
  });
});
