import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDateTime, useCoordinationRoles } from '../../lib/coordination';
import { notificationsChanged } from '../../lib/notifications';
import { AppointmentOffers } from '../parties/appointment-offers';

/** My notifications: everything that concerns me (activities, meetings, issues, hours…), in my language; newest first. */
export default function Notifications() {
  const { t, locale } = useI18n();
  const { member } = useCoordinationRoles();
  const [data, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api.me.notifications.$get()),
  );
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  async function markAllRead() {
    setBusy(true);
    setError(undefined);
    try {
      await request(api.api.me.notifications.read.$post());
      await refetch();
      notificationsChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const list = () => data.latest?.notifications ?? [];
  return (
    <section class="notifications coordination">
      <h1>{t('notifications.title')}</h1>
      <p class="lead">{t('notifications.intro')}</p>
      <p>
        <A href="/notifications/settings">{t('notifications.settingsLink')}</A>
      </p>
      <MemberGate next="/notifications" />
      <Show when={member()}>
        <AppointmentOffers />
      </Show>
      <ErrorMessage error={data.error} />
      <ErrorMessage error={error()} detail />
      <Show when={data.latest}>
        {(d) => (
          <>
            <div class="toolbar">
              <p aria-live="polite">
                {d().unread > 0 ? t('notifications.unreadCount', { count: String(d().unread) }) : t('notifications.allRead')}
              </p>
              <Show when={d().unread > 0}>
                <button type="button" class="button secondary" disabled={busy()} onClick={() => void markAllRead()}>
                  {t('notifications.markAllRead')}
                </button>
              </Show>
            </div>
            <Show when={list().length > 0} fallback={<p class="card empty">{t('notifications.none')}</p>}>
              <ul class="rows notification-list card">
                <For each={list()}>
                  {(n) => (
                    <li classList={{ unread: !n.readAt }}>
                      <span>
                        <Show when={!n.readAt}>
                          <span class="tag warn">{t('notifications.new')}</span>
                        </Show>
                        {locale() === 'en' ? n.textEn : n.textZh}
                        <span class="help block">
                          <time datetime={n.createdAt}>{formatDateTime(n.createdAt, locale())}</time>
                        </span>
                      </span>
                      <Show when={n.link && !n.issueId ? n.link : undefined}>
                        {(link) => (
                          <A
                            class="button secondary"
                            href={link()}
                            aria-label={t('notifications.openNamed', { text: locale() === 'en' ? n.textEn : n.textZh })}
                          >
                            {t('notifications.open')}
                          </A>
                        )}
                      </Show>
                      <Show when={n.issueId}>
                        {(id) => (
                          <A
                            class="button secondary"
                            href={`/issues/${id()}`}
                            aria-label={t('notifications.openIssueNamed', { id: String(id()) })}
                          >
                            {t('notifications.openIssue')}
                          </A>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
