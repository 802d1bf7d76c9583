import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';

/** The invitation QR code as SVG markup (the qrcode package loads only when a code is shown). */
async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

function InviteLink(props: { token: string }) {
  const { t } = useI18n();
  const url = () => `${location.origin}/invite/${props.token}`;
  const [qr] = createResource(url, qrSvg);
  return (
    <figure class="qr" data-testid="invite-link">
      <Show when={qr.state === 'ready' ? qr() : undefined} fallback={<p>{qr.error ? t('errors.internal') : t('app.loading')}</p>}>
        {(svg) => <div class="qr-code" role="img" aria-label={t('roleInvitations.qrAlt')} innerHTML={svg()} />}
      </Show>
      <figcaption>
        {t('roleInvitations.linkCaption')} <span class="url">{url()}</span>
      </figcaption>
    </figure>
  );
}

/** Administrators: invite someone to a role by link and QR code, then confirm or decline who asked for it. */
export function RoleInvitations(props: { buildings: { id: number; name: string }[]; onDecided: () => void }) {
  const { t, locale } = useI18n();
  const [list, { refetch }] = createResource(() => request(api.api['role-invitations'].$get()));
  const [role, setRole] = createSignal<'association-admin' | 'building-contact'>('building-contact');
  const [created, setCreated] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string[]>([]);

  async function create(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const building = Number(form.get('buildingId'));
    const note = String(form.get('note') ?? '').trim();
    setError([]);
    try {
      const res = await request(
        api.api['role-invitations'].$post({
          json: { role: role(), ...(role() === 'building-contact' && building ? { buildingId: building } : {}), ...(note ? { note } : {}) },
        }),
      );
      setCreated(res.token);
      void refetch();
    } catch (err) {
      setError(err instanceof ApiError && err.details ? Object.keys(err.details) : ['internal']);
    }
  }

  const [actionError, setActionError] = createSignal<unknown>();
  async function act(call: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await call();
      void refetch();
      props.onDecided();
    } catch (err) {
      setActionError(err);
    }
  }
  const decide = (id: number, confirm: boolean) =>
    act(() => request(api.api['role-invitations'][':id'].decision.$post({ param: { id: String(id) }, json: { confirm } })));
  const revoke = (id: number) => act(() => request(api.api['role-invitations'][':id'].revoke.$post({ param: { id: String(id) } })));
  const roleName = (r: string) => t(`members.role_${r as 'association-admin'}`);

  return (
    <section class="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('roleInvitations.title')}</h2>
      <p class="help">{t('roleInvitations.help')}</p>
      <form onSubmit={create}>
        <label for="inv-role">{t('roleInvitations.role')}</label>
        <select
          id="inv-role"
          name="role"
          value={role()}
          onChange={(e) => setRole(e.currentTarget.value as 'association-admin' | 'building-contact')}
        >
          <option value="building-contact">{t('members.role_building-contact')}</option>
          <option value="association-admin">{t('members.role_association-admin')}</option>
        </select>
        <Show when={role() === 'building-contact'}>
          <label for="inv-building">{t('roleInvitations.building')}</label>
          <select id="inv-building" name="buildingId" aria-invalid={error().includes('buildingId')}>
            <For each={props.buildings}>{(b) => <option value={b.id}>{b.name}</option>}</For>
          </select>
        </Show>
        <label for="inv-note">{t('roleInvitations.note')}</label>
        <input id="inv-note" name="note" type="text" maxLength={80} />
        <button type="submit">{t('roleInvitations.create')}</button>
        <Show when={error().length > 0}>
          <p class="alert" role="alert">
            {t('roleInvitations.failed')}
          </p>
        </Show>
      </form>
      <Show when={created()}>{(token) => <InviteLink token={token()} />}</Show>
      <ErrorMessage error={list.error ?? actionError()} />
      <Show when={list.latest}>
        {(l) => (
          <Show when={l().invitations.length > 0} fallback={<p>{t('roleInvitations.none')}</p>}>
            <ul class="invitations">
              <For each={l().invitations}>
                {(i) => (
                  <li data-invitation={i.id}>
                    <strong>{roleName(i.role)}</strong>
                    <Show when={i.buildingName}> · {i.buildingName}</Show>
                    <Show when={i.note}> · {i.note}</Show> · {t(`roleInvitations.status_${i.status}`)} ·{' '}
                    {t('roleInvitations.expires', { date: formatDate(i.expiresAt, locale()) })}
                    <Show when={i.status === 'requested' && i.requestedBy}>
                      {(who) => (
                        <>
                          <p>{t('roleInvitations.asked', { name: who().displayName })}</p>
                          <button type="button" onClick={() => void decide(i.id, true)}>
                            {t('roleInvitations.confirmNamed', { name: who().displayName })}
                          </button>
                          <button type="button" onClick={() => void decide(i.id, false)}>
                            {t('roleInvitations.declineNamed', { name: who().displayName })}
                          </button>
                        </>
                      )}
                    </Show>
                    <Show when={i.status === 'open' || i.status === 'requested'}>
                      <button type="button" onClick={() => void revoke(i.id)}>
                        {t('roleInvitations.revoke')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
