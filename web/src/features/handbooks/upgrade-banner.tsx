import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';

/** Tells administrators that a newer version of the model exists. */
export function UpgradeBanner() {
  const { t, pick } = useI18n();
  const { me } = useSite();
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
  const [plan] = createResource(isAdmin, async (admin) => (admin ? request(api.api.template.upgrade.$get()) : null));
  return (
    <Show when={plan()?.target}>
      {(target) => (
        <p class="notice" role="status">
          {t('handbooks.upgradeAvailable', { version: String(target().version), name: pick(target().name) })}{' '}
          <A href="/admin/upgrade">{t('handbooks.upgradeLink')}</A>
        </p>
      )}
    </Show>
  );
}
