import { createSignal } from 'solid-js';

type ClerkInstance = InstanceType<typeof import('@clerk/clerk-js')['Clerk']>;

let clerkPromise: Promise<ClerkInstance> | undefined;
const [clerkUserId, setClerkUserId] = createSignal<string | null>(null);

/** The signed-in Clerk user on this origin, if Clerk is in use here. */
export const clerkUser = clerkUserId;

/**
 * Remembers, for this origin, that someone signed in here with Clerk. Clerk's SDK is large (about 1.5 MB), and a
 * visitor who never signed in here does not need it to read a page: it is loaded at start only when this says so,
 * and otherwise by the sign-in page.
 */
const SIGNED_IN_HERE = 'huzhu.clerk-signed-in';

function rememberSignedIn(userId: string | null): void {
  if (typeof localStorage === 'undefined') return;
  if (userId) localStorage.setItem(SIGNED_IN_HERE, '1');
  else localStorage.removeItem(SIGNED_IN_HERE);
}

/** Whether someone signed in with Clerk on this origin and has not signed out: then the app loads Clerk at start. */
export function clerkSignedInHere(): boolean {
  return typeof localStorage !== 'undefined' && localStorage.getItem(SIGNED_IN_HERE) === '1';
}

/** Whether Clerk's SDK is loaded or on its way, so API calls wait for its token. */
export const clerkLoading = () => clerkPromise !== undefined;

/** Loads Clerk's own browser SDK (production sign-in) once; it keeps the short-lived session token fresh. */
export function loadClerk(publishableKey: string): Promise<ClerkInstance> {
  clerkPromise ??= import('@clerk/clerk-js').then(async ({ Clerk }) => {
    const clerk = new Clerk(publishableKey);
    await clerk.load();
    setClerkUserId(clerk.user?.id ?? null);
    rememberSignedIn(clerk.user?.id ?? null);
    clerk.addListener(({ user }) => {
      setClerkUserId(user?.id ?? null);
      rememberSignedIn(user?.id ?? null);
    });
    return clerk;
  });
  return clerkPromise;
}

/** A fresh Clerk session token for API calls, or null when Clerk is not loaded or nobody is signed in. */
export async function clerkSessionToken(): Promise<string | null> {
  if (!clerkPromise) return null;
  const clerk = await clerkPromise;
  return (await clerk.session?.getToken()) ?? null;
}

/** Clerk's sign-in form in `element`, loading the SDK first if this visitor has not needed it yet. */
export async function mountClerkSignIn(element: HTMLDivElement, redirectUrl: string, publishableKey: string): Promise<void> {
  const clerk = await loadClerk(publishableKey);
  clerk.mountSignIn(element, { forceRedirectUrl: redirectUrl, signUpForceRedirectUrl: redirectUrl });
}

export async function clerkSignOut(): Promise<void> {
  rememberSignedIn(null);
  if (!clerkPromise) return;
  await (await clerkPromise).signOut();
}
