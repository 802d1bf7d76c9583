import { For } from 'solid-js';
import { useI18n } from '../../i18n';

type Step = 'created' | 'database-claimed' | 'migrated' | 'seeded' | 'active';

/** The provisioning steps, each marked done once the community has completed it. */
export function ProvisioningProgress(props: { steps: Step[]; step: Step }) {
  const { t } = useI18n();
  const reached = () => props.steps.indexOf(props.step);
  return (
    <ol class="steps">
      <For each={props.steps}>
        {(s, i) => (
          <li classList={{ done: i() <= reached(), current: i() === reached() + 1 }} data-step={s} data-done={i() <= reached()}>
            <span class="dot" aria-hidden="true">
              {i() <= reached() ? '✓' : i() + 1}
            </span>
            {t(`wizard.progress_${s}`)}
          </li>
        )}
      </For>
    </ol>
  );
}
