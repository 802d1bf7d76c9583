import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { formatWhen } from '../../lib/format';

/** The latest metric snapshot run, with a button to start one; polls while a run is going. */
export function SnapshotRuns() {
  const { t, locale } = useI18n();
  const [latest, { refetch }] = createResource(() => request(api.api.operator.metrics.runs.latest.$get()));
  const action = createAction(refetch);
  const timer = setInterval(() => {
    const run = latest()?.run;
    if (run && !run.finishedAt) void refetch();
  }, 1000);
  onCleanup(() => clearInterval(timer));

  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{t('operator.metricsTitle')}</h2>
      <p class="help">{t('operator.metricsHelp')}</p>
      <ErrorMessage error={latest.error ?? action.error()} />
      <Show when={latest()}>
        {(data) => (
          <Show when={data().run} fallback={<p>{t('operator.noRun')}</p>}>
            {(run) => (
              <div>
                <label for="run-progress">
                  {t('operator.runProgress', { done: String(run().done + run().failed), total: String(run().total) })}
                </label>{' '}
                <progress id="run-progress" max={Math.max(run().total, 1)} value={run().done + run().failed} />
                <p role="status">
                  {run().finishedAt
                    ? t('operator.runFinished', { at: formatWhen(run().finishedAt!, locale()), failed: String(run().failed) })
                    : t('operator.runGoing', { at: formatWhen(run().startedAt, locale()) })}
                </p>
              </div>
            )}
          </Show>
        )}
      </Show>
      <button
        type="button"
        class="button secondary"
        disabled={action.busy() || (latest()?.run != null && !latest()?.run?.finishedAt)}
        onClick={() => action.run(() => request(api.api.operator.metrics.runs.$post()))}
      >
        {t('operator.runNow')}
      </button>
    </section>
  );
}

/** Consultants on the platform: who they are to admins, how many communities granted them access. */
export function ConsultantRegistry() {
  const { t } = useI18n();
  const [list, { refetch }] = createResource(() => request(api.api.operator.consultants.$get()));
  const action = createAction(refetch);
  const [userId, setUserId] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [organisation, setOrganisation] = createSignal('');

  return (
    <section aria-labelledby="consultants-title">
      <h2 id="consultants-title">{t('operator.consultantsTitle')}</h2>
      <p class="help">{t('operator.consultantsHelp')}</p>
      <ErrorMessage error={list.error ?? action.error()} />
      <Show when={list()}>
        {(data) => (
          <Show when={data().consultants.length > 0} fallback={<p>{t('operator.noConsultants')}</p>}>
            <ul>
              <For each={data().consultants}>
                {(c) => (
                  <li>
                    <strong>{c.displayName}</strong> {c.organisation ? `· ${c.organisation} ` : ''}·{' '}
                    {t('operator.consultantGrants', { count: String(c.grants) })}{' '}
                    <button
                      type="button"
                      class="button secondary"
                      disabled={action.busy()}
                      onClick={() => {
                        if (window.confirm(t('operator.removeConsultantConfirm', { name: c.displayName }))) {
                          void action.run(() => request(api.api.operator.consultants[':userId'].$delete({ param: { userId: c.userId } })));
                        }
                      }}
                    >
                      {t('operator.removeConsultant')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(
            () =>
              request(
                api.api.operator.consultants[':userId'].$put({
                  param: { userId: userId().trim() },
                  json: { displayName: displayName().trim(), organisation: organisation().trim() },
                }),
              ),
            t('operator.consultantRegistered'),
          );
        }}
      >
        <div class="field">
          <label for="consultant-user">{t('operator.consultantUserId')}</label>
          <input id="consultant-user" required maxlength="120" value={userId()} onInput={(e) => setUserId(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="consultant-name">{t('operator.consultantName')}</label>
          <input
            id="consultant-name"
            required
            maxlength="40"
            value={displayName()}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="consultant-org">{t('operator.consultantOrganisation')}</label>
          <input id="consultant-org" maxlength="80" value={organisation()} onInput={(e) => setOrganisation(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={action.busy()}>
          {t('operator.registerConsultant')}
        </button>
        <Show when={action.message()}>
          <p role="status">{action.message()}</p>
        </Show>
      </form>
    </section>
  );
}
