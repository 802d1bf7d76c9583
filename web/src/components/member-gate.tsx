import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { useSite } from '../lib/site-context';

/** For visitors, signed-in non-members and applicants waiting for approval: how to get to what a page offers members. */
export function MemberGate(props: { next: string }) {
  const { t } = useI18n();
  const { me } = useSite();
  return (
    <Show when={!me.loading && !me()?.member}>
      <p class="notice">
        <Show when={me()} fallback={<A href={`/sign-in?next=${encodeURIComponent(props.next)}`}>{t('gate.signIn')}</A>}>
          {/* An applicant waiting for approval is told so, not asked to join again. */}
          <Show when={me()?.application?.status === 'pending'} fallback={<A href="/join">{t('gate.join')}</A>}>
            <A href="/join">{t('gate.waiting')}</A>
          </Show>
        </Show>
      </p>
    </Show>
  );
}

/** Whether the reader is a member, and an administrator, of this community. */
export function useMembership() {
  const { me } = useSite();
  return {
    member: () => me()?.member ?? null,
    isAdmin: () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false,
  };
}
