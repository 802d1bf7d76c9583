import { createResource, createSignal, For, Show } from 'solid-js';
import { DEFAULT_TIME_ZONE, wallClock } from '../../../../worker/community/profile/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';

/** The instant the community's wall clock next shows 08:05 on the day after `now`, as an ISO time. */
export function tomorrowAt0805(now: Date, timeZone: string): string {
  const today = wallClock(now, timeZone).date;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const asUtc = Date.parse(`${tomorrow}T08:05:00Z`);
  const seen = wallClock(asUtc, timeZone);
  const offsetMs = Date.parse(`${seen.date}T00:00:00Z`) + seen.minutes * 60_000 - asUtc;
  return new Date(asUtc - offsetMs).toISOString();
}

function formatIn(iso: string, locale: string, timeZone: string) {
  return new Date(iso).toLocaleString(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  });
}

/** 「开发邮箱」: what delivery would have emailed or pushed, in development only; delivery can be run from here. */
export default function DevMailbox() {
  const { t, locale } = useI18n();
  // Only administrators may read the community's settings; anyone else sees times in the default zone.
  const [zone] = createResource(() =>
    request(api.api.community.settings.$get())
      .then((s) => s.timeZone)
      .catch(() => DEFAULT_TIME_ZONE),
  );
  const [mailbox, { refetch }] = createResource(() => request(api.api.dev.mailbox.$get()));
  const [error, setError] = createSignal<unknown>();
  const [ran, setRan] = createSignal<{ routed: number; digests: number; sent: number; failed: number }>();
  const [busy, setBusy] = createSignal(false);
  const timeZone = () => zone.latest ?? DEFAULT_TIME_ZONE;
  const unavailable = () => mailbox.error instanceof ApiError && mailbox.error.status === 404;

  async function deliver(at?: string) {
    setBusy(true);
    setError(undefined);
    try {
      setRan(await request(api.api.dev.deliver.$post({ json: at ? { at } : {} })));
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const newestFirst = () => [...(mailbox.latest?.messages ?? [])].sort((a, b) => b.id - a.id);

  return (
    <section class="dev-mailbox coordination">
      <h1>{t('notifications.mailbox.title')}</h1>
      <Show when={!unavailable()} fallback={<p class="card empty">{t('notifications.mailbox.unavailable')}</p>}>
        <p class="lead">{t('notifications.mailbox.intro', { zone: timeZone() })}</p>
        <ErrorMessage error={mailbox.error} />
        <div class="toolbar">
          <button type="button" class="button" disabled={busy()} onClick={() => void deliver()}>
            {t('notifications.mailbox.deliverNow')}
          </button>
          <button
            type="button"
            class="button secondary"
            disabled={busy()}
            onClick={() => void deliver(tomorrowAt0805(new Date(), timeZone()))}
          >
            {t('notifications.mailbox.deliverTomorrow')}
          </button>
        </div>
        <ErrorMessage error={error()} detail />
        <Show when={ran()}>
          {(r) => (
            <p role="status">
              {t('notifications.mailbox.ran', {
                routed: String(r().routed),
                digests: String(r().digests),
                sent: String(r().sent),
                failed: String(r().failed),
              })}
            </p>
          )}
        </Show>
        <Show when={mailbox.latest}>
          <Show when={newestFirst().length > 0} fallback={<p class="card empty">{t('notifications.mailbox.empty')}</p>}>
            <ul class="rows card mailbox-list">
              <For each={newestFirst()}>
                {(m) => (
                  <li>
                    <span>
                      <span class="tag">{t(`notifications.mailbox.channel_${m.channel}`)}</span>{' '}
                      <span class="tag">{t(`notifications.mailbox.status_${m.status}`)}</span> <strong>{m.subject}</strong>
                      <span class="help block">
                        {t('notifications.mailbox.to')}: {m.to}
                        {m.email ? ` <${m.email}>` : ''}
                      </span>
                      <span class="help block">
                        {m.sentAt ? (
                          <time datetime={m.sentAt}>
                            {t('notifications.mailbox.sentAt', { time: formatIn(m.sentAt, locale(), timeZone()) })}
                          </time>
                        ) : (
                          <time datetime={m.notBefore}>
                            {t('notifications.mailbox.notBefore', { time: formatIn(m.notBefore, locale(), timeZone()) })}
                          </time>
                        )}
                      </span>
                      <Show when={m.lastError}>{(e) => <span class="help block">{e()}</span>}</Show>
                      <details>
                        <summary>{t('notifications.mailbox.body')}</summary>
                        <div style={{ 'white-space': 'pre-wrap', 'overflow-wrap': 'anywhere' }}>{m.body}</div>
                      </details>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
