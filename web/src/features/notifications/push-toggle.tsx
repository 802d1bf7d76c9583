import { createSignal, onMount, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

type PushState = 'checking' | 'unsupported' | 'unconfigured' | 'blocked' | 'off' | 'on';

/** The VAPID key as PushManager.subscribe takes it: the bytes of its base64url text. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** The service worker's registration, or null when none becomes ready in time (none registered, or not allowed). */
async function readyRegistration(timeoutMs: number): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * 「在这台设备上接收推送」: subscribes this browser to Web Push with the server's VAPID key and registers the
 * subscription for the signed-in member, or takes it away again. Says plainly when the browser cannot, when push is
 * not set up on the server, and when notifications were blocked in the browser.
 */
export function PushToggle(props: { readyTimeoutMs?: number }) {
  const { t } = useI18n();
  const [state, setState] = createSignal<PushState>('checking');
  const [devices, setDevices] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let registration: ServiceWorkerRegistration | null = null;
  let publicKey: string | null = null;

  onMount(async () => {
    try {
      registration = await readyRegistration(props.readyTimeoutMs ?? 4000);
      if (!registration) return setState('unsupported');
      publicKey = (await request(api.api.push.key.$get())).publicKey;
      if (!publicKey) return setState('unconfigured');
      const existing = await registration.pushManager.getSubscription();
      const mine = await request(api.api.me['push-subscriptions'].$get({ query: existing ? { endpoint: existing.endpoint } : {} }));
      setDevices(mine.devices);
      if (existing && mine.registered) return setState('on');
      setState(Notification.permission === 'denied' ? 'blocked' : 'off');
    } catch (e) {
      setError(e);
      setState('off');
    }
  });

  async function turnOn() {
    if (!registration || !publicKey) return;
    if ((await Notification.requestPermission()) !== 'granted') return setState('blocked');
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
    const { endpoint, keys } = subscription.toJSON();
    const saved = await request(
      api.api.me['push-subscriptions'].$post({
        json: { endpoint: endpoint ?? '', keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } },
      }),
    );
    setDevices(saved.devices);
    setState('on');
  }

  async function turnOff() {
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      const left = await request(api.api.me['push-subscriptions'].$delete({ query: { endpoint: subscription.endpoint } }));
      setDevices(left.devices);
      await subscription.unsubscribe();
    }
    setState('off');
  }

  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      await (state() === 'on' ? turnOff() : turnOn());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const status = () => {
    switch (state()) {
      case 'checking':
        return t('notifications.push.checking');
      case 'unsupported':
        return t('notifications.push.unsupported');
      case 'unconfigured':
        return t('notifications.push.unconfigured');
      case 'blocked':
        return t('notifications.push.blocked');
      case 'on':
        return devices() > 1 ? t('notifications.push.onMore', { count: String(devices() - 1) }) : t('notifications.push.on');
      case 'off':
        return devices() > 0 ? t('notifications.push.offElsewhere', { count: String(devices()) }) : t('notifications.push.off');
    }
  };

  return (
    <div class="push-toggle card">
      <h2>{t('notifications.push.title')}</h2>
      <p class="help" aria-live="polite">
        {status()}
      </p>
      <Show when={state() === 'on' || state() === 'off' || state() === 'blocked'}>
        <button
          type="button"
          class={state() === 'on' ? 'button secondary' : 'button'}
          aria-pressed={state() === 'on'}
          disabled={busy()}
          onClick={() => void toggle()}
        >
          {state() === 'on' ? t('notifications.push.turnOff') : t('notifications.push.turnOn')}
        </button>
      </Show>
      <ErrorMessage error={error()} detail />
    </div>
  );
}
