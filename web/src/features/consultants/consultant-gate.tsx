import { A, useLocation } from '@solidjs/router';
import { type ParentProps, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { useSite } from '../../lib/site-context';

/** The consultant's pages ask a signed-out visitor to sign in, and tell a signed-in non-consultant who they are for. */
export function ConsultantGate(props: ParentProps<{ forbidden: boolean }>) {
  const { t } = useI18n();
  const { me } = useSite();
  const location = useLocation();
  return (
    <Show
      when={me() !== null}
      fallback={
        <p class="notice">
          {t('consultant.signInFirst')}{' '}
          <A href={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('app.signIn')}</A>
        </p>
      }
    >
      <Show when={!props.forbidden} fallback={<p class="alert">{t('consultant.notConsultant')}</p>}>
        {props.children}
      </Show>
    </Show>
  );
}
