/// <reference lib="webworker" />
// The community site's service worker: the app shell offline, handbooks read once readable offline, and Web Push.
// vite-plugin-pwa builds this file and injects the build's file list as `self.__WB_MANIFEST`.
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { readPushMessage } from './push-message';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// A new version takes over at once; a page still on the old one reloads a chunk it misses (app.tsx's error boundary).
self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Pages come from the network while there is one (the Worker puts the page's share card in them), and from the
// cached app shell when there is none; the router then draws the page from what it can reach.
registerRoute(
  new NavigationRoute(async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return (await matchPrecache('index.html')) ?? Response.error();
    }
  }),
);

const ONE_DAY = 24 * 60 * 60;

/**
 * What the site is (name, sign-in mode, language): public, and needed to draw any page. Handbooks and their
 * chapters: what the association tells every resident, kept so a chapter read once reads offline. Nothing else of
 * the API is cached: a resident's own data (/api/me…, sign-ups, notifications) always comes from the network.
 */
const OFFLINE_READABLE = [/^\/api\/site$/, /^\/api\/handbooks$/, /^\/api\/handbooks\/[^/]+$/];
const READABLE_CACHE = 'huzhu-readable';

// The page that installed the worker asked for the site before the worker was there to keep it; every page needs it.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(READABLE_CACHE)
      .then((cache) => cache.add('/api/site'))
      .catch(() => undefined),
  );
});

registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin && request.method === 'GET' && OFFLINE_READABLE.some((path) => path.test(url.pathname)),
  new NetworkFirst({
    cacheName: READABLE_CACHE,
    // On a connection that hangs rather than fails, the kept copy after a few seconds.
    networkTimeoutSeconds: 4,
    plugins: [new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 60 * ONE_DAY })],
  }),
);

self.addEventListener('push', (event) => {
  const message = readPushMessage(event.data?.text() ?? null, self.location.origin);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      data: { url: message.url },
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: 'zh-CN',
      ...(message.tag ? { tag: message.tag } : {}),
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data: unknown = event.notification.data;
  const path = typeof data === 'object' && data !== null && 'url' in data && typeof data.url === 'string' ? data.url : '/';
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(openOrFocus(target));
});

/** Brings the site's open tab forward on `target`, or opens one there. */
async function openOrFocus(target: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === target) ?? windows.find((client) => client.url.startsWith(self.location.origin));
  if (!open) {
    await self.clients.openWindow(target);
    return;
  }
  const focused = await open.focus();
  if (focused.url !== target) await focused.navigate(target).catch(() => self.clients.openWindow(target));
}
