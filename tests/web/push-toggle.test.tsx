import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyBytes, PushToggle } from '../../web/src/features/notifications/push-toggle';
import { jsonResponse, withProviders } from './render';

const KEY = 'BBrHv_OSbb9SwQv8uvqIkwPSb7BHcZNGf_0e8SBjt56U_86BXbP1otrBLXutpdLyNYJ47IcjAM_XSCYnpZXg5t8';
const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/device-1';

interface Server {
  publicKey: string | null;
  registered: Set<string>;
  others: number;
  posted: unknown[];
  deleted: string[];
}
let server: Server;

/** A browser subscription as PushManager hands it out. */
function fakeSubscription(endpoint = ENDPOINT) {
  const subscription = {
    endpoint,
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BP256dh', auth: 'authsecret' } }),
    unsubscribe: vi.fn(async () => {
      browser.current = null;
      return true;
    }),
  };
  return subscription;
}
const browser: { current: ReturnType<typeof fakeSubscription> | null; permission: NotificationPermission } = {
  current: null,
  permission: 'default',
};
const subscribe = vi.fn(async (_options: PushSubscriptionOptionsInit) => {
  browser.current = fakeSubscription();
  return browser.current;
});
const requestPermission = vi.fn(async () => browser.permission);

/** Installs the Push API pieces jsdom lacks: a ready service worker with a PushManager, and Notification. */
function installPushApi({ ready = true } = {}) {
  const registration = { pushManager: { getSubscription: async () => browser.current, subscribe } };
  Object.defineProperty(navigator, 'serviceWorker', {
    value: { ready: ready ? Promise.resolve(registration) : new Promise(() => undefined) },
    configurable: true,
  });
  vi.stubGlobal('PushManager', class {});
  vi.stubGlobal('Notification', {
    get permission() {
      return browser.permission;
    },
    requestPermission,
  });
}

beforeEach(() => {
  server = { publicKey: KEY, registered: new Set(), others: 0, posted: [], deleted: [] };
  browser.current = null;
  browser.permission = 'default';
  subscribe.mockClear();
  requestPermission.mockClear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const url = new URL(request.url, 'http://x');
      const devices = () => server.registered.size + server.others;
      if (url.pathname === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (url.pathname === '/api/push/key') return jsonResponse({ publicKey: server.publicKey });
      if (url.pathname === '/api/me/push-subscriptions') {
        const endpoint = url.searchParams.get('endpoint') ?? '';
        if (request.method === 'POST') {
          const body = (await request.json()) as { endpoint: string };
          server.posted.push(body);
          server.registered.add(body.endpoint);
          return jsonResponse({ devices: devices(), limit: 10, registered: true }, 201);
        }
        if (request.method === 'DELETE') {
          server.deleted.push(endpoint);
          const removed = server.registered.delete(endpoint);
          return jsonResponse({ devices: devices(), limit: 10, registered: false, removed });
        }
        return jsonResponse({ devices: devices(), limit: 10, registered: server.registered.has(endpoint) });
      }
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('PushToggle', () => {
  it('asks permission, subscribes with the VAPID key and registers the subscription', async () => {
    installPushApi();
    browser.permission = 'granted';
    render(withProviders(() => <PushToggle />));
    const button = await screen.findByRole('button', { name: '开启推送' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('这台设备未开启推送。')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('button', { name: '关闭推送' }).getAttribute('aria-pressed')).toBe('true'));
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(subscribe).toHaveBeenCalledOnce();
    const options = subscribe.mock.calls[0]![0];
    expect(options.userVisibleOnly).toBe(true);
    expect([...(options.applicationServerKey as Uint8Array)]).toEqual([...keyBytes(KEY)]);
    expect(keyBytes(KEY)).toHaveLength(65);
    expect(server.posted).toEqual([{ endpoint: ENDPOINT, keys: { p256dh: 'BP256dh', auth: 'authsecret' } }]);
    expect(screen.getByText('已开启：这台设备会收到推送。')).toBeTruthy();
  });

  it('shows on for a device already registered, and turns it off: server first, then the browser', async () => {
    installPushApi();
    browser.permission = 'granted';
    const existing = fakeSubscription();
    browser.current = existing;
    server.registered.add(ENDPOINT);
    server.others = 2;
    render(withProviders(() => <PushToggle />, 'en'));
    const button = await screen.findByRole('button', { name: 'Turn off' });
    expect(screen.getByText('On: this device gets push notifications, and so do 2 more of your devices.')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Turn on' }).getAttribute('aria-pressed')).toBe('false'));
    expect(server.deleted).toEqual([ENDPOINT]);
    expect(existing.unsubscribe).toHaveBeenCalledOnce();
    expect(screen.getByText('Push notifications are off on this device (on for 2 of your devices elsewhere).')).toBeTruthy();
  });

  it('says when notifications are refused, and does not subscribe', async () => {
    installPushApi();
    browser.permission = 'denied';
    render(withProviders(() => <PushToggle />));
    await screen.findByText(/通知已在浏览器中被拒绝/);
    fireEvent.click(screen.getByRole('button', { name: '开启推送' }));
    await waitFor(() => expect(requestPermission).toHaveBeenCalled());
    expect(subscribe).not.toHaveBeenCalled();
    expect(server.posted).toEqual([]);
  });

  it('says it is not available on a browser without the Push API', async () => {
    render(withProviders(() => <PushToggle />, 'en'));
    await screen.findByText(/Push notifications are not available on this browser/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says it is not available when no service worker becomes ready in time', async () => {
    installPushApi({ ready: false });
    render(withProviders(() => <PushToggle readyTimeoutMs={20} />));
    await screen.findByText(/这个浏览器不支持推送通知/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says push is not set up when the server has no VAPID key', async () => {
    installPushApi();
    server.publicKey = null;
    render(withProviders(() => <PushToggle />));
    await screen.findByText('本站还没有开通推送通知。');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
