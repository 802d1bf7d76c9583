import { useParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';

/** Opened from an invitation link or QR code: a signed-in member asks to take the role; an administrator confirms. */
export default function Invite() {
  const { t, locale } = useI18n();
  const params = useParams<{ token: string }>();
  const { member } = useMembership();
  const [invitation, { refetch }] = createResource(
    () => (member() ? params.token : undefined),
    (token) => request(api.api['role-invitations']['by-token'][':token'].$get({ param: { token } })),
  );
  const [error, setError] = createSignal<unknown>();
  async function ask() {
    setError(undefined);
    try {
      await request(api.api['role-invitations']['by-token'][':token'].request.$post({ param: { token: params.token } }));
      void refetch();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section class="invite-page">
      <h1>{t('invite.title')}</h1>
      <MemberGate next={`/invite/${params.token}`} />
      <Show when={member()}>
        <ErrorMessage error={invitation.error ?? error()} />
        <Show when={invitation.latest}>
          {(i) => (
            <div class="card">
              <p>{i().role === 'building-contact' ? t('invite.contact', { building: i().buildingName ?? '' }) : t('invite.admin')}</p>
              <Show when={i().status === 'open'}>
                <p>{t('invite.expires', { date: formatDate(i().expiresAt, locale()) })}</p>
                <button type="button" onClick={() => void ask()}>
                  {t('invite.ask')}
                </button>
              </Show>
              <Show when={i().status === 'requested' && i().mine}>
                <p role="status">{t('invite.waiting')}</p>
              </Show>
              <Show when={i().status === 'confirmed' && i().mine}>
                <p role="status">{t('invite.confirmed')}</p>
              </Show>
              <Show when={i().status !== 'open' && !i().mine}>
                <p>{t('invite.unavailable')}</p>
              </Show>
            </div>
          )}
        </Show>
      </Show>
    </section>
  );
}
