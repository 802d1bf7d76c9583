import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useSite } from '../../lib/site-context';
import { MemberRoles } from './member-roles';
import { PendingMembers } from './pending-members';
import { RoleInvitations } from './role-invitations';

const PAGE = 50;
const filterRoles = [
  'association-admin',
  'building-contact',
  'party-representative',
  'club-leader',
  'committee-member',
  'shop-volunteer',
  'librarian',
  'care-coordinator',
] as const;

/**
 * Administrators: applications to join, invitations to roles, then the members a page at a time — found by name,
 * building and role — with their roles, where administrators and building contacts are appointed and removed.
 */
export default function Members() {
  const { t, locale } = useI18n();
  const { me } = useSite();
  const [filters, setFilters] = createSignal<{ q: string; buildingId: string; role: string; offset: number }>({
    q: '',
    buildingId: '',
    role: '',
    offset: 0,
  });
  const [members, { refetch }] = createResource(
    () => (me()?.member?.id ? filters() : undefined),
    (f) =>
      request(
        api.api.members.$get({
          query: {
            limit: String(PAGE),
            offset: String(f.offset),
            ...(f.q ? { q: f.q } : {}),
            ...(f.buildingId ? { buildingId: f.buildingId } : {}),
            ...(f.role ? { role: f.role as (typeof filterRoles)[number] } : {}),
          },
        }),
      ),
  );
  const [community] = createResource(() => request(api.api.community.$get()));
  const buildings = () => community.latest?.buildings ?? [];
  const buildingName = (id: number | null) =>
    (id === null ? undefined : buildings().find((b) => b.id === id)?.name) ?? t('members.noBuilding');
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;

  function search(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setFilters({
      q: String(form.get('q') ?? '').trim(),
      buildingId: String(form.get('buildingId') ?? ''),
      role: String(form.get('role') ?? ''),
      offset: 0,
    });
  }
  const page = (delta: number) => setFilters({ ...filters(), offset: Math.max(0, filters().offset + delta * PAGE) });

  return (
    <section class="members-page coordination">
      <h1>{t('members.title')}</h1>
      <p class="lead">{t('members.intro')}</p>
      <Show when={!me.loading && !isAdmin()}>
        <p class="alert">{t('members.forbidden')}</p>
      </Show>
      <Show when={isAdmin()}>
        <PendingMembers always onDecided={() => void refetch()} />
        <RoleInvitations buildings={buildings()} onDecided={() => void refetch()} />
        <p>
          <A href="/admin/settings">{t('members.partiesLink')}</A>
        </p>
        <form class="member-filters" aria-label={t('members.search')} onSubmit={search}>
          <label for="m-q">{t('members.search')}</label>
          <input id="m-q" name="q" type="search" maxLength={40} />
          <label for="m-building">{t('members.building')}</label>
          <select id="m-building" name="buildingId">
            <option value="">{t('members.any')}</option>
            <For each={buildings()}>{(b) => <option value={b.id}>{b.name}</option>}</For>
          </select>
          <label for="m-role">{t('members.roles')}</label>
          <select id="m-role" name="role">
            <option value="">{t('members.any')}</option>
            <For each={filterRoles}>{(r) => <option value={r}>{t(`members.role_${r}`)}</option>}</For>
          </select>
          <button type="submit">{t('members.find')}</button>
        </form>
        <ErrorMessage error={members.error} />
        <Show when={members.latest}>
          {(list) => (
            <section class="card" aria-labelledby="members-list-title">
              <h2 id="members-list-title">{t('members.count', { count: String(list().total) })}</h2>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('members.name')}</th>
                      <th scope="col">{t('members.building')}</th>
                      <th scope="col">{t('members.joined')}</th>
                      <th scope="col">{t('members.roles')}</th>
                      <th scope="col">{t('members.appoint')}</th>
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
                          <td>
                            <MemberRoles member={m} buildings={buildings()} onChanged={() => void refetch()} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label={t('members.pages')}>
                <button type="button" disabled={filters().offset === 0} onClick={() => page(-1)}>
                  {t('members.previous')}
                </button>
                <span>
                  {t('members.showing', {
                    from: String(list().total === 0 ? 0 : filters().offset + 1),
                    to: String(filters().offset + list().members.length),
                  })}
                </span>
                <button type="button" disabled={filters().offset + PAGE >= list().total} onClick={() => page(1)}>
                  {t('members.next')}
                </button>
              </nav>
            </section>
          )}
        </Show>
      </Show>
    </section>
  );
}
