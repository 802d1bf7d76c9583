import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useSite } from '../../lib/site-context';
import { PendingMembers } from './pending-members';

/** Administrators: applications to join waiting for approval, then every member with their building and roles. */
export default function Members() {
  const { t, locale } = useI18n();
  const { me } = useSite();
  const [members, { refetch }] = createResource(
    () => me()?.member?.id,
    () => request(api.api.members.$get()),
  );
  const [community] = createResource(() => request(api.api.community.$get()));
  const buildingName = (id: number | null) =>
    (id === null ? undefined : community.latest?.buildings.find((b) => b.id === id)?.name) ?? t('members.noBuilding');
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;

  return (
    <section class="members-page coordination">
      <h1>{t('members.title')}</h1>
      <p class="lead">{t('members.intro')}</p>
      <Show when={!me.loading && !isAdmin()}>
        <p class="alert">{t('members.forbidden')}</p>
      </Show>
      <Show when={isAdmin()}>
        <PendingMembers always onDecided={() => void refetch()} />
        <ErrorMessage error={members.error} />
        <Show when={members.latest}>
          {(list) => (
            <section class="card" aria-labelledby="members-list-title">
              <h2 id="members-list-title">{t('members.count', { count: String(list().members.length) })}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('members.name')}</th>
                    <th scope="col">{t('members.building')}</th>
                    <th scope="col">{t('members.joined')}</th>
                    <th scope="col">{t('members.roles')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list().members}>
                    {(m) => (
                      <tr data-member={m.id}>
                        <td>{m.displayName}</td>
                        <td>{buildingName(m.buildingId)}</td>
                        <td>{formatDate(m.joinedAt, locale())}</td>
                        <td>{m.roles.map((r) => t(`members.role_${r.role}`)).join(locale() === 'en' ? ', ' : '、')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
          )}
        </Show>
      </Show>
    </section>
  );
}
