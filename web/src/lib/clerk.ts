import { createSignal } from 'solid-js';

type ClerkInstance = InstanceType<typeof import('@clerk/clerk-js')['Clerk']>;

let clerkPromise: Promise<ClerkInstance> | undefined;
const [clerkUserId, setClerkUserId] = createSignal<string | null>(null);

/** The signed-in Clerk user on this origin, if Clerk is in use here. */
export const clerkUser = clerkUserId;

/** Loads Clerk's own browser SDK (production sign-in) once; it keeps the short-lived session token fresh. */
export function loadClerk(publishableKey: string): Promise<ClerkInstance> {
  clerkPromise ??= import('@clerk/clerk-js').then(async ({ Clerk }) => {
    const clerk = new Clerk(publishableKey);
    await clerk.load();
    setClerkUserId(clerk.user?.id ?? null);
    clerk.addListener(({ user }) => setClerkUserId(user?.id ?? null));
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

export async function mountClerkSignIn(element: HTMLDivElement, redirectUrl: string): Promise<void> {
  if (!clerkPromise) return;
  const clerk = await clerkPromise;
  clerk.mountSignIn(element, { forceRedirectUrl: redirectUrl, signUpForceRedirectUrl: redirectUrl });
}

export async function clerkSignOut(): Promise<void> {
  if (!clerkPromise) return;
  await (await clerkPromise).signOut();
}
