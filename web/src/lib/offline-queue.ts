import { createStore, del, entries, set } from 'idb-keyval';
import { createSignal } from 'solid-js';
import { ApiError, api, request } from './api';

/** What a sign-up sends: nothing for oneself, or the person one brings. */
export type SignupBody = { participant?: string; isChild?: boolean };

/** A sign-up made while offline, waiting to be sent. */
export interface QueuedSignup {
  id: string;
  activityId: string;
  body: SignupBody;
  queuedAt: string;
  /** Its place in the queue: one more than the last, as two taps can fall within the same millisecond. */
  order: number;
}

/** The place the API gave once the sign-up was sent. */
export interface SignupResult {
  id: number;
  participant: string;
  isChild: boolean;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

/** How a queued sign-up ended: sent (with its place), or refused (with the API's reason) and dropped. */
export type ReplayOutcome = { entry: QueuedSignup; ok: true; result: SignupResult } | { entry: QueuedSignup; ok: false; error: ApiError };

/** Where the queue lives: IndexedDB in the browser (it outlives a reload or a closed tab), memory in tests. */
export interface QueueStorage {
  list(): Promise<QueuedSignup[]>;
  put(entry: QueuedSignup): Promise<void>;
  remove(id: string): Promise<void>;
}

export function indexedDbStorage(): QueueStorage {
  const store = createStore('huzhu-offline', 'signups');
  return {
    list: async () => (await entries<string, QueuedSignup>(store)).map(([, entry]) => entry),
    put: (entry) => set(entry.id, entry, store),
    remove: (id) => del(id, store),
  };
}

export function memoryStorage(): QueueStorage {
  const kept = new Map<string, QueuedSignup>();
  return {
    list: async () => [...kept.values()],
    put: async (entry) => {
      kept.set(entry.id, structuredClone(entry));
    },
    remove: async (id) => {
      kept.delete(id);
    },
  };
}

/**
 * Whether a failed send may succeed later, so the sign-up stays queued: no connection, not signed in yet (Clerk
 * loads after the page), too many requests, or trouble on our side. Any other answer is the API refusing it (sign-up
 * has closed, the activity was cancelled…), and sending it again would be refused again.
 */
export function isWorthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

const inOrder = (a: QueuedSignup, b: QueuedSignup) => a.order - b.order;

/**
 * The queue of sign-ups made offline. `queued()` is what the pages show as pending; `replay()` sends them in the
 * order they were made, stops at the first that still cannot go, and tells `onOutcome` listeners how each ended.
 */
export function createOfflineQueue(options: { storage: QueueStorage; send: (entry: QueuedSignup) => Promise<SignupResult> }) {
  const { storage, send } = options;
  const [queued, setQueued] = createSignal<QueuedSignup[]>([]);
  const listeners = new Set<(outcome: ReplayOutcome) => void>();
  let running: Promise<void> | null = null;

  async function load(): Promise<void> {
    setQueued((await storage.list()).sort(inOrder));
  }

  async function enqueue(activityId: string, body: SignupBody): Promise<QueuedSignup> {
    const last = Math.max(0, ...(await storage.list()).map((queued) => queued.order));
    const entry: QueuedSignup = { id: crypto.randomUUID(), activityId, body, queuedAt: new Date().toISOString(), order: last + 1 };
    await storage.put(entry);
    await load();
    return entry;
  }

  async function sendAll(): Promise<void> {
    for (const entry of (await storage.list()).sort(inOrder)) {
      let outcome: ReplayOutcome;
      try {
        outcome = { entry, ok: true, result: await send(entry) };
      } catch (error) {
        if (isWorthRetrying(error)) break;
        outcome = { entry, ok: false, error: error as ApiError };
      }
      await storage.remove(entry.id);
      await load();
      for (const listener of listeners) listener(outcome);
    }
    await load();
  }

  /** Sends what is queued; a call while a replay runs joins it. */
  function replay(): Promise<void> {
    running ??= sendAll().finally(() => {
      running = null;
    });
    return running;
  }

  function onOutcome(listener: (outcome: ReplayOutcome) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Forgets every queued sign-up: they were made by whoever is signing out, and must not be sent as the next person. */
  async function clear(): Promise<void> {
    for (const entry of await storage.list()) await storage.remove(entry.id);
    await load();
  }

  const pendingFor = (activityId: string) => queued().filter((entry) => entry.activityId === activityId);

  return { queued, pendingFor, enqueue, replay, onOutcome, load, clear };
}

export type OfflineQueue = ReturnType<typeof createOfflineQueue>;

const sendSignup = (entry: QueuedSignup) =>
  request(api.api.activities[':id'].signups.$post({ param: { id: entry.activityId }, json: entry.body }));

/** The app's one queue of offline sign-ups. */
export const offlineQueue = createOfflineQueue({
  storage: typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage(),
  send: sendSignup,
});

/** Whether a failed call failed for want of a connection (the request never reached us). */
export const isOffline = (error: unknown) => error instanceof ApiError && error.status === 0;

/** Sends what was queued in an earlier visit, now and each time the connection comes back. */
export function startOfflineQueue(): void {
  window.addEventListener('online', () => void offlineQueue.replay());
  void offlineQueue.load().then(() => offlineQueue.replay());
}
