import { clerkLoading, clerkSignedInHere } from './clerk';
import { sessionToken } from './session-token';

/*
 * A page's data, asked for as soon as the router knows the page (its route's `preload`), in parallel with the page's
 * code instead of after it: on a slow line that is one round trip and a download sooner on screen. The page takes the
 * answer once; every later read (a refetch, another visit) asks the network again.
 */
const started = new Map<string, Promise<unknown>>();

/**
 * What the page's HTML carries for `key` (worker/share/page-data.ts): a visitor's answer, so taken only while nobody is
 * signed in here, and only once.
 */
function inPage(key: string): unknown {
  if (typeof document === 'undefined' || sessionToken() || clerkLoading() || clerkSignedInHere()) return undefined;
  const script = document.getElementById('page-data');
  if (!script || script.dataset.key !== key) return undefined;
  script.remove();
  try {
    return JSON.parse(script.textContent ?? '');
  } catch {
    return undefined;
  }
}

/** Starts `load` for `key` unless it is already on its way or the page brought it. */
export function startLoading(key: string, load: () => Promise<unknown>): void {
  if (started.has(key)) return;
  const carried = inPage(key);
  const promise = carried === undefined ? load() : Promise.resolve(carried);
  // A page left before its data arrived never reads it; its failure is then nobody's.
  promise.catch(() => undefined);
  started.set(key, promise);
}

/** The answer started for `key`, taken once, or a fresh `load()`. */
export function loadOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  const promise = started.get(key) as Promise<T> | undefined;
  started.delete(key);
  return promise ?? load();
}
