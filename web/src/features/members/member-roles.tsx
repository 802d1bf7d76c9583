import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';

type Role = { role: string; partyKey: string | null; buildingId: number | null };
type Grant = { role: 'building-contact' | 'club-leader' | 'committee-member' | 'association-admin' | 'librarian'; buildingId?: number };

/**
 * Appoints or removes a member as association administrator, librarian of the library, or contact of a building; the other roles they hold
 * are kept as they are (a party's representative is appointed through the party and is not touched here).
 */
export function MemberRoles(props: {
  member: { id: number; displayName: string; roles: Role[] };
  buildings: { id: number; name: string }[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const kept = (): Grant[] =>
    props.member.roles
      .filter((r) => r.role === 'club-leader' || r.role === 'committee-member')
      .map((r) => ({ role: r.role as Grant['role'] }));
  const isAdmin = () => props.member.roles.some((r) => r.role === 'association-admin');
  const isLibrarian = () => props.member.roles.some((r) => r.role === 'librarian');
  const contactOf = () => props.member.roles.find((r) => r.role === 'building-contact')?.buildingId ?? null;

  async function save(admin: boolean, contact: number | null, librarian = isLibrarian()) {
    setBusy(true);
    setError('');
    const roles: Grant[] = [...kept()];
    if (admin) roles.push({ role: 'association-admin' });
    if (contact !== null) roles.push({ role: 'building-contact', buildingId: contact });
    if (librarian) roles.push({ role: 'librarian' });
    try {
      await request(api.api.members[':memberId'].roles.$put({ param: { memberId: String(props.member.id) }, json: { roles } }));
      props.onChanged();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? t('memberRoles.lastAdmin') : t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="member-roles">
      <label>
        <input
          type="checkbox"
          checked={isAdmin()}
          disabled={busy()}
          onChange={(e) => void save(e.currentTarget.checked, contactOf())}
          aria-label={t('memberRoles.adminNamed', { name: props.member.displayName })}
        />
        {t('memberRoles.admin')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={isLibrarian()}
          disabled={busy()}
          onChange={(e) => void save(isAdmin(), contactOf(), e.currentTarget.checked)}
          aria-label={t('memberRoles.librarianNamed', { name: props.member.displayName })}
        />
        {t('memberRoles.librarian')}
      </label>
      <label>
        {t('memberRoles.contactOf')}
        <select
          disabled={busy()}
          value={contactOf() ?? ''}
          onChange={(e) => void save(isAdmin(), e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          aria-label={t('memberRoles.contactNamed', { name: props.member.displayName })}
        >
          <option value="">{t('memberRoles.noBuilding')}</option>
          <For each={props.buildings}>{(b) => <option value={b.id}>{b.name}</option>}</For>
        </select>
      </label>
      <Show when={error()}>
        <p class="alert" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
