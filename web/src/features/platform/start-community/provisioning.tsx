import { Match, Switch } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ProvisioningProgress } from '../provisioning-progress';
import type { Status } from './wizard';

/** The new community being set up, step by step; a stalled setup can be resumed. */
export function Provisioning(props: { status: Status; submitting: boolean; error: unknown; onResume: () => void }) {
  const { t, pick } = useI18n();
  return (
    <section aria-live="polite">
      <h2>{t('wizard.progressTitle', { name: pick(props.status.name) })}</h2>
      <ProvisioningProgress steps={props.status.steps} step={props.status.step} />
      <ErrorMessage error={props.error} />
      <Switch>
        <Match when={props.status.status === 'active'}>
          <p class="notice">{t('wizard.done')}</p>
          <a class="button" href={props.status.url}>
            {props.status.url}
          </a>
        </Match>
        <Match when={!props.submitting && props.status.status === 'provisioning'}>
          <p class="alert">{t('wizard.stalled')}</p>
          <button type="button" class="button" onClick={() => props.onResume()}>
            {t('wizard.resume')}
          </button>
        </Match>
      </Switch>
    </section>
  );
}
