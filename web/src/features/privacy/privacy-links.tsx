import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { useSite } from '../../lib/site-context';

/** In every community page's footer: the privacy notice for anyone, 我的隐私 for members, the settings for administrators. */
export function PrivacyLinks() {
  const { t } = useI18n();
  const { site, me } = useSite();
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
  return (
    <Show when={site()?.host === 'community'}>
      <nav class="privacy-links" aria-label={t('privacyLinks.notice')}>
        <A href="/privacy">{t('privacyLinks.notice')}</A>
        <Show when={me()?.member}>
          {' · '}
          <A href="/me/privacy">{t('privacyLinks.mine')}</A>
        </Show>
        <Show when={isAdmin()}>
          {' · '}
          <A href="/admin/privacy">{t('privacyLinks.settings')}</A>
        </Show>
      </nav>
    </Show>
  );
}
