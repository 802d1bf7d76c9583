import { A } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { ApiError, api, request } from '../../lib/api';
import { formatWhen } from '../../lib/format';
import { CommunityBackups } from './backup-restore';
import { ageText, sizeText } from './backup-format';

/** The operators' backups page: the latest run, each community's latest backup, restores, and retired databases. */
export default function Backups() {
  const { t, locale } = useI18n();
  const [data, { refetch }] = createResource(() => request(api.api.operator.backups.$get()));
  const action = createAction(refetch);
  const [chosen, setChosen] = createSignal<{ slug: string; nameZh: string }>();
  const going = () => {
    const d = data();
    return (
      Boolean(d?.run && !d.run.finishedAt) ||
      Boolean(d?.communities.some((c) => c.latest && ['queued', 'running', 'assembling'].includes(c.latest.status)))
    );
  };
  // While backups are under way the page follows their progress.
  const timer = setInterval(() => {
    if (going() && !data.loading) void refetch();
  }, 2000);
  onCleanup(() => clearInterval(timer));

  function open(c: { slug: string; nameZh: string }) {
    setChosen(c);
    queueMicrotask(() => document.getElementById('community-backups-title')?.focus());
  }

  return (
    <section class="backups">
      <p>
        <A href="/operator">{t('backups.back')}</A>
      </p>
      <h1>{t('backups.title')}</h1>
      <p class="help">{t('backups.help')}</p>
      <Show when={!(data.error instanceof ApiError && data.error.status === 403)} fallback={<p class="alert">{t('operator.forbidden')}</p>}>
        <ErrorMessage error={data.error ?? action.error()} />
        <Show when={data()}>
          {(d) => (
            <>
              <section aria-labelledby="backup-run-title">
                <h2 id="backup-run-title">{t('backups.runTitle')}</h2>
                <Show when={d().run} fallback={<p>{t('backups.noRun')}</p>}>
                  {(run) => (
                    <div>
                      <label for="backup-progress">
                        {t('backups.runProgress', { done: String(run().done + run().failed), total: String(run().total) })}
                      </label>{' '}
                      <progress id="backup-progress" max={Math.max(run().total, 1)} value={run().done + run().failed} />
                      <p role="status">
                        {run().finishedAt
                          ? t('backups.runFinished', {
                              at: formatWhen(run().finishedAt!, locale()),
                              failed: String(run().failed),
                              size: sizeText(run().size),
                            })
                          : t('backups.runGoing', { at: formatWhen(run().startedAt, locale()) })}
                      </p>
                    </div>
                  )}
                </Show>
                <button
                  type="button"
                  class="button secondary"
                  disabled={action.busy() || going()}
                  onClick={() => action.run(() => request(api.api.operator.backups.runs.$post({ json: {} })), t('backups.runStarted'))}
                >
                  {t('backups.runNow')}
                </button>
                <Show when={action.message()}>
                  <p role="status">{action.message()}</p>
                </Show>
              </section>

              <section aria-labelledby="backup-communities-title">
                <h2 id="backup-communities-title">{t('backups.communitiesTitle')}</h2>
                <ul class="plain-list">
                  <For each={d().communities}>
                    {(c) => (
                      <li class="card">
                        <strong>{c.nameZh}</strong> <span class="muted">{c.slug}</span>
                        <br />
                        <Show when={c.latest} fallback={<span>{t('backups.never')}</span>}>
                          {(b) => (
                            <span>
                              {t('backups.latest', { day: b().day })}{' '}
                              <span class="tag" classList={{ warn: b().status === 'failed' }}>
                                {t(`backups.status_${b().status}`)}
                              </span>{' '}
                              <Show
                                when={b().status === 'done'}
                                fallback={t('backups.tables', { done: String(b().tablesDone), total: String(b().tablesTotal || '…') })}
                              >
                                {sizeText(b().size ?? 0)} · {t('backups.age', { age: ageText(b().finishedAt ?? b().startedAt, locale()) })}
                              </Show>{' '}
                              · {t('backups.kept', { count: String(c.kept) })}
                            </span>
                          )}
                        </Show>
                        <br />
                        <button
                          type="button"
                          class="button secondary"
                          aria-label={t('backups.openOf', { name: c.nameZh })}
                          onClick={() => open(c)}
                        >
                          {t('backups.open')}
                        </button>{' '}
                        <button
                          type="button"
                          class="button secondary"
                          aria-label={t('backups.backUpOneOf', { name: c.nameZh })}
                          disabled={action.busy() || c.status !== 'active'}
                          onClick={() =>
                            action.run(
                              () => request(api.api.operator.backups.runs.$post({ json: { slug: c.slug } })),
                              t('backups.runStarted'),
                            )
                          }
                        >
                          {t('backups.backUpOne')}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </section>

              <Show when={chosen()}>{(c) => <CommunityBackups slug={c().slug} name={c().nameZh} onRestored={refetch} />}</Show>

              <section aria-labelledby="retired-title">
                <h2 id="retired-title">{t('backups.retiredTitle')}</h2>
                <p class="help">{t('backups.retiredHelp')}</p>
                <Show when={d().retired.length > 0} fallback={<p>{t('backups.noRetired')}</p>}>
                  <ul>
                    <For each={d().retired}>
                      {(r) => (
                        <li>
                          {t('backups.retiredLine', { binding: r.binding, slug: r.fromSlug ?? '—', at: formatWhen(r.retiredAt, locale()) })}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
