import { createResource, createSignal, For, Show } from 'solid-js';
import { joinPolicies } from '../../../../worker/community/profile/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';

/** The IANA zones this browser knows, offered as suggestions (any zone the server knows is accepted). */
const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

/** Administrators choose how people join, whether visitors see organisers' names, and the community's time zone. */
export function JoiningSettings() {
  const { t } = useI18n();
  const [settings, { mutate }] = createResource(() => request(api.api.community.settings.$get()));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const fieldError = (field: string) => {
    const e = error();
    return e instanceof ApiError ? e.details?.[field]?.[0] : undefined;
  };

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError(undefined);
    setSaved(false);
    try {
      const next = await request(
        api.api.community.settings.$patch({
          json: {
            joinPolicy: form.get('joinPolicy') === 'approval' ? 'approval' : 'open',
            organiserNamesPublic: form.get('organiserNamesPublic') === 'on',
            figuresForMembers: form.get('figuresForMembers') === 'on',
            timeZone: String(form.get('timeZone') ?? '').trim(),
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
        <form class="card joining-settings" onSubmit={(e) => void save(e)} aria-labelledby="joining-settings-title">
          <h2 id="joining-settings-title">{t('settings.joiningTitle')}</h2>
          <ErrorMessage error={error()} />
          <fieldset>
            <legend>{t('settings.joinPolicy')}</legend>
            <For each={joinPolicies}>
              {(policy) => (
                <label class="radio">
                  <input type="radio" name="joinPolicy" value={policy} checked={s().joinPolicy === policy} />
                  {t(`settings.joinPolicy_${policy}`)}
                </label>
              )}
            </For>
          </fieldset>
          <label class="radio">
            <input type="checkbox" name="organiserNamesPublic" checked={s().organiserNamesPublic} />
            {t('settings.organiserNamesPublic')}
          </label>
          <label class="radio">
            <input type="checkbox" name="figuresForMembers" checked={s().figuresForMembers} />
            {t('settings.figuresForMembers')}
          </label>
          <div class="field">
            <label for="s-time-zone">{t('settings.timeZone')}</label>
            <input
              id="s-time-zone"
              name="timeZone"
              type="text"
              required
              maxlength="64"
              list="s-time-zones"
              value={s().timeZone}
              aria-invalid={fieldError('timeZone') ? 'true' : undefined}
              aria-describedby="s-time-zone-help"
            />
            <datalist id="s-time-zones">
              <For each={zones()}>{(zone) => <option value={zone} />}</For>
            </datalist>
            <p class="help" id="s-time-zone-help">
              <Show when={fieldError('timeZone')} fallback={t('settings.timeZoneHelp')}>
                <span class="field-error">{t('settings.timeZoneInvalid')}</span>
              </Show>
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
