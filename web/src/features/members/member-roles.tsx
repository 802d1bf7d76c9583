import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';

type Role = { role: string; partyKey: string | null; buildingId: number | null };
type Grant = {
  role: 'building-contact' | 'club-leader' | 'committee-member' | 'association-admin' | 'shop-volunteer' | 'librarian' | 'care-coordinator';
  buildingId?: number;
};
type Helper = 'shop-volunteer' | 'librarian' | 'care-coordinator';

/**
 * Appoints or removes a member as association administrator, as a volunteer of a program's tool (the charity shop,
 * the library, elder care) or as a contact of a building; the other roles they hold
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
  const contactOf = () => props.member.roles.find((r) => r.role === 'building-contact')?.buildingId ?? null;

  const helpers = (): Helper[] =>
    (['shop-volunteer', 'librarian', 'care-coordinator'] as const).filter((h) => props.member.roles.some((r) => r.role === h));

  async function save(admin: boolean, contact: number | null, asHelper: Helper[] = helpers()) {
    setBusy(true);
    setError('');
    const roles: Grant[] = [...kept()];
    if (admin) roles.push({ role: 'association-admin' });
    if (contact !== null) roles.push({ role: 'building-contact', buildingId: contact });
    for (const role of asHelper) roles.push({ role });
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
      <For
        each={[
          ['shop-volunteer', 'shopVolunteer'] as const,
          ['librarian', 'librarian'] as const,
          ['care-coordinator', 'careCoordinator'] as const,
        ]}
      >
        {([role, word]) => (
          <label>
            <input
              type="checkbox"
              checked={helpers().includes(role)}
              disabled={busy()}
              onChange={(e) => {
                const others = helpers().filter((h) => h !== role);
                void save(isAdmin(), contactOf(), e.currentTarget.checked ? [...others, role] : others);
              }}
              aria-label={t(`memberRoles.${word}Named`, { name: props.member.displayName })}
            />
            {t(`memberRoles.${word}`)}
          </label>
        )}
      </For>
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
