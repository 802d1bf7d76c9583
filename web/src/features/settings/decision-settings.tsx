import { createResource, createSignal, For, Show } from 'solid-js';
import { decisionRules } from '../../../../worker/community/consent/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** Administrators choose how clubs and activity budgets are approved: one of them, or all of them by consent. */
export function DecisionSettings() {
  const { t } = useI18n();
  const [settings, { mutate }] = createResource(() => request(api.api.community.settings.$get()));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError(undefined);
    setSaved(false);
    try {
      const next = await request(
        api.api.community.settings.$patch({
          json: {
            decisionRule: form.get('decisionRule') === 'consent' ? 'consent' : 'single',
            consentDays: Number(form.get('consentDays')),
          },
        }),
      );
      mutate(next);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Show when={!settings.error && settings()} fallback={<ErrorMessage error={settings.error} />}>
      {(s) => (
        <form class="card decision-settings" onSubmit={(e) => void save(e)} aria-labelledby="decision-settings-title">
          <h2 id="decision-settings-title">{t('consent.settingsTitle')}</h2>
          <ErrorMessage error={error()} />
          <fieldset>
            <legend>{t('consent.settingsTitle')}</legend>
            <For each={decisionRules}>
              {(rule) => (
                <label class="radio">
                  <input type="radio" name="decisionRule" value={rule} checked={s().decisionRule === rule} />
                  {t(`consent.rule_${rule}`)}
                </label>
              )}
            </For>
          </fieldset>
          <div class="field">
            <label for="s-consent-days">{t('consent.days')}</label>
            <input
              id="s-consent-days"
              name="consentDays"
              type="number"
              min="1"
              max="30"
              required
              value={s().consentDays}
              aria-describedby="s-consent-days-help"
            />
            <p class="help" id="s-consent-days-help">
              {t('consent.daysHelp')}
            </p>
          </div>
          <button class="button" type="submit">
            {t('settings.save')}
          </button>{' '}
          <Show when={saved()}>
            <span class="tag" role="status">
              {t('settings.saved')}
            </span>
          </Show>
        </form>
      )}
    </Show>
  );
}
