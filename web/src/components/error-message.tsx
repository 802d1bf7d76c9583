import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';

/** Shows an API error in the reader's language, by its code. */
export function ErrorMessage(props: { error: unknown }) {
  const { t } = useI18n();
  const text = () => {
    const error = props.error;
    if (!error) return '';
    const code = error instanceof ApiError ? error.code : 'internal';
    const text = t(`errors.${code}` as 'errors.internal');
    return typeof text === 'string' ? text : t('errors.internal');
  };
  return (
    <Show when={props.error}>
      <p class="alert" role="alert">
        {text()}
      </p>
    </Show>
  );
}
