import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import {
  type DeliveryCadence,
  defaultCadence,
  deliveryCadences,
  type EventGroup,
  type EventKind,
  eventGroups,
} from '../../../../worker/community/notifications/rules';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useCoordinationRoles } from '../../lib/coordination';
import { PushToggle } from './push-toggle';

/** The dictionary key of a kind: dots separate dictionary levels, so `activity.cancelled` becomes `activity_cancelled`. */
type KindKey<K extends string> = K extends `${infer Feature}.${infer Event}` ? `${Feature}_${Event}` : K;
export const kindKey = <K extends EventKind>(kind: K) => kind.replace('.', '_') as KindKey<K>;

/**
 * 「通知设置」: how a member hears of things outside the app — an email address, the language of messages, quiet
 * hours, push on this device, and for each kind of event: at once, in the daily or weekly digest, or not at all.
 */
export default function NotificationSettings() {
  const { t } = useI18n();
  const { member } = useCoordinationRoles();
  const [settings, { mutate }] = createResource(
    () => member()?.id,
    () => request(api.api.me['notification-settings'].$get()),
  );
  const [error, setError] = createSignal<unknown>();
  const [quietError, setQuietError] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [quiet, setQuiet] = createSignal<boolean | undefined>();
  const quietOn = () => quiet() ?? Boolean(settings.latest?.quietStart);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const current = settings.latest;
    if (!current) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError(undefined);
    setSaved(false);
    setQuietError(false);
    const start = quietOn() ? String(form.get('quietStart') ?? '') : '';
    const end = quietOn() ? String(form.get('quietEnd') ?? '') : '';
    if (quietOn() && (!start || !end)) return setQuietError(true);
    const preferences: Record<string, DeliveryCadence> = {};
    for (const p of current.preferences) {
      const chosen = String(form.get(`cadence:${p.kind}`) ?? p.cadence) as DeliveryCadence;
      if (chosen !== p.cadence) preferences[p.kind] = chosen;
    }
    const email = String(form.get('email') ?? '').trim();
    setBusy(true);
    try {
      const next = await request(
        api.api.me['notification-settings'].$put({
          json: {
            email: email || null,
            language: form.get('language') === 'en' ? 'en' : 'zh-CN',
            quietStart: start || null,
            quietEnd: end || null,
            ...(Object.keys(preferences).length > 0 ? { preferences } : {}),
          },
        }),
      );
      mutate(next);
      setQuiet(undefined);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const cadenceOf = (kind: string) =>
    settings.latest?.preferences.find((p) => p.kind === kind)?.cadence ?? defaultCadence(kind as EventKind);

  return (
    <section class="notification-settings coordination">
      <h1>{t('notifications.settings.title')}</h1>
      <p class="lead">{t('notifications.settings.intro')}</p>
      <p>
        <A href="/notifications">{t('notifications.title')}</A>
      </p>
      <MemberGate next="/notifications/settings" />
      <ErrorMessage error={settings.error} />
      <Show when={settings.latest}>
        {(s) => (
          <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="notification-settings-title" novalidate>
            <h2 id="notification-settings-title" class="visually-hidden">
              {t('notifications.settings.title')}
            </h2>
            <div class="field">
              <label for="ns-email">{t('notifications.settings.email')}</label>
              <input
                id="ns-email"
                name="email"
                type="email"
                autocomplete="email"
                value={s().email ?? ''}
                aria-describedby="ns-email-help"
              />
              <p class="help" id="ns-email-help">
                {t('notifications.settings.emailHelp')}
              </p>
            </div>
            <div class="field">
              <label for="ns-language">{t('notifications.settings.language')}</label>
              <select id="ns-language" name="language">
                <option value="zh-CN" selected={s().language === 'zh-CN'}>
                  {t('notifications.settings.language_zh')}
                </option>
                <option value="en" selected={s().language === 'en'}>
                  {t('notifications.settings.language_en')}
                </option>
              </select>
            </div>
            <fieldset aria-describedby="ns-quiet-help">
              <legend>{t('notifications.settings.quietTitle')}</legend>
              <label class="radio">
                <input type="radio" name="quiet" value="none" checked={!quietOn()} onChange={() => setQuiet(false)} />
                {t('notifications.settings.quietNone')}
              </label>
              <label class="radio">
                <input type="radio" name="quiet" value="set" checked={quietOn()} onChange={() => setQuiet(true)} />
                {t('notifications.settings.quietSet')}
              </label>
              <Show when={quietOn()}>
                <div class="field">
                  <label for="ns-quiet-start">{t('notifications.settings.quietStart')}</label>
                  <input id="ns-quiet-start" name="quietStart" type="time" value={s().quietStart ?? '22:00'} />
                </div>
                <div class="field">
                  <label for="ns-quiet-end">{t('notifications.settings.quietEnd')}</label>
                  <input id="ns-quiet-end" name="quietEnd" type="time" value={s().quietEnd ?? '07:00'} />
                </div>
              </Show>
              <p class="help" id="ns-quiet-help">
                {t('notifications.settings.quietHelp')}
              </p>
              <Show when={quietError()}>
                <p class="alert" role="alert">
                  {t('notifications.settings.quietMissing')}
                </p>
              </Show>
            </fieldset>
            <h2>{t('notifications.settings.pushTitle')}</h2>
            <PushToggle />
            <h2>{t('notifications.settings.kindsTitle')}</h2>
            <For each={Object.entries(eventGroups) as [EventGroup, readonly EventKind[]][]}>
              {([group, kinds]) => (
                <fieldset class="kind-group">
                  <legend>{t(`notifications.settings.group_${group}`)}</legend>
                  <For each={kinds}>
                    {(kind) => (
                      <div class="field">
                        <label for={`ns-kind-${kind}`}>{t(`notifications.kind.${kindKey(kind)}`)}</label>
                        <select id={`ns-kind-${kind}`} name={`cadence:${kind}`} aria-describedby={`ns-kind-${kind}-default`}>
                          <For each={deliveryCadences}>
                            {(c) => (
                              <option value={c} selected={cadenceOf(kind) === c}>
                                {t(`notifications.settings.cadence_${c}`)}
                              </option>
                            )}
                          </For>
                        </select>
                        <span class="help" id={`ns-kind-${kind}-default`}>
                          {t('notifications.settings.defaultMark', {
                            cadence: t(`notifications.settings.cadence_${defaultCadence(kind)}`),
                          })}
                        </span>
                      </div>
                    )}
                  </For>
                </fieldset>
              )}
            </For>
            <ErrorMessage error={error()} detail />
            <button class="button" type="submit" disabled={busy()}>
              {t('notifications.settings.save')}
            </button>{' '}
            <Show when={saved()}>
              <span class="tag" role="status">
                {t('notifications.settings.saved')}
              </span>
            </Show>
          </form>
        )}
      </Show>
    </section>
  );
}
