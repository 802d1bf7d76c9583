import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';

/**
 * Shows an API error in the reader's language, by its code. With `detail`, the server's own explanation
 * (why a step is not allowed, which field is missing) follows in a smaller line.
 */
export function ErrorMessage(props: { error: unknown; detail?: boolean }) {
  const { t } = useI18n();
  const text = () => {
    const error = props.error;
    if (!error) return '';
    const code = error instanceof ApiError ? error.code : 'internal';
    const text = t(`errors.${code}` as 'errors.internal');
    return typeof text === 'string' ? text : t('errors.internal');
  };
  const serverText = () => {
    const error = props.error;
    if (!props.detail || !(error instanceof ApiError) || error.code === 'network' || error.code === 'internal' || !error.message) return '';
    return error.message;
  };
  return (
    <Show when={props.error}>
      <p class="alert" role="alert">
        {text()}
        {/* A missing separate consent (隐私: children, care, phone) is given on the member's own privacy page. */}
        <Show when={props.error instanceof ApiError && props.error.code === 'consent_required'}>
          {' '}
          <A href="/me/privacy">{t('privacyLinks.turnOnConsent')}</A>
        </Show>
        <Show when={serverText()}>
          <span class="help block server-detail" lang="en">
            {t('errors.serverSaid', { message: serverText() })}
          </span>
        </Show>
      </p>
    </Show>
  );
}
