import { A, useLocation } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { useI18n } from '../i18n';
import { api, request } from '../lib/api';
import { notificationsVersion } from '../lib/notifications';
import { signOut } from '../lib/site';
import { useSite } from '../lib/site-context';
import { LargeTextToggle } from './large-text-toggle';

export function SiteHeader() {
  const { t, pick, locale, setLocale } = useI18n();
  const { site, me } = useSite();
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
  const isCoordinator = () => isAdmin() || (me()?.member?.roles.some((r) => r.role === 'party-representative') ?? false);
  const location = useLocation();
  // Members see how many notifications are unread; re-read on each page change and after marking them read.
  const [unread] = createResource(
    () => (site()?.host === 'community' && me()?.member ? `${me()?.member?.id}:${notificationsVersion()}:${location.pathname}` : undefined),
    async () => (await request(api.api.me.notifications.$get())).unread,
  );
  const unreadCount = () => (unread.state === 'ready' || unread.state === 'refreshing' ? unread.latest : 0) ?? 0;
  const title = () => {
    const community = site()?.community;
    return community ? pick(community.name) : t('app.platformName');
  };
  return (
    <header class="site-header">
      <div class="bar">
        <A href="/" class="brand">
          <span class="mark" aria-hidden="true">
            互
          </span>
          <span>{title()}</span>
        </A>
        <nav aria-label={t('app.language')}>
          <Show when={me()}>
            {(user) => <span class="who">{t('app.signedInAs', { name: user().member?.displayName ?? user().name ?? user().userId })}</span>}
          </Show>
          <button
            type="button"
            lang={locale() === 'en' ? 'zh-CN' : 'en'}
            onClick={() => void setLocale(locale() === 'en' ? 'zh-CN' : 'en')}
          >
            {t('app.switchTo')}
          </button>
          <LargeTextToggle />
          <Show when={site()?.host === 'platform' && me()?.platformRoles.includes('consultant')}>
            <A href="/consultant">{t('nav.consultant')}</A>
          </Show>
          <Show when={me()} fallback={<A href={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('app.signIn')}</A>}>
            <button type="button" onClick={() => void signOut()}>
              {t('app.signOut')}
            </button>
          </Show>
        </nav>
      </div>
      <Show when={site()?.host === 'community'}>
        <nav class="sub-nav no-print" aria-label={t('nav.home')}>
          <A href="/" end>
            {t('nav.home')}
          </A>
          <A href="/this-week">{t('nav.activities')}</A>
          <A href="/clubs">{t('nav.clubs')}</A>
          <A href="/accounts">{t('nav.accounts')}</A>
          <A href="/needs">{t('nav.needs')}</A>
          <A href="/shop">{t('nav.shop')}</A>
          <Show when={me()?.member}>
            <A href="/issues">{t('nav.issues')}</A>
            <A href="/meetings">{t('nav.meetings')}</A>
          </Show>
          <A href="/structure">{t('nav.structure')}</A>
          <A href="/spaces">{t('nav.spaces')}</A>
          <A href="/library">{t('nav.library')}</A>
          <Show when={me()?.member}>
            <A href="/children">{t('nav.children')}</A>
          </Show>
          <A href="/care">{t('nav.care')}</A>
          <Show when={me()}>
            {/* The personal half of the week page; not highlighted separately from 活动. */}
            <A href="/this-week#mine" activeClass="">
              {t('nav.mine')}
            </A>
          </Show>
          <A href="/handbooks">{t('nav.handbooks')}</A>
          <A href="/canvas">{t('nav.canvas')}</A>
          <Show when={me()?.member}>
            <A href="/notifications">
              {t('nav.notifications')}
              <Show when={unreadCount() > 0}>
                <span class="badge" aria-hidden="true">
                  {unreadCount() > 99 ? '99+' : unreadCount()}
                </span>
                <span class="visually-hidden">{t('nav.unreadCount', { count: String(unreadCount()) })}</span>
              </Show>
            </A>
          </Show>
          <Show when={isCoordinator()}>
            <A href="/association">{t('nav.association')}</A>
          </Show>
          <Show when={isAdmin()}>
            <A href="/admin">{t('nav.admin')}</A>
            <A href="/members">{t('nav.members')}</A>
            <A href="/admin/settings">{t('nav.settings')}</A>
          </Show>
        </nav>
      </Show>
    </header>
  );
}
