import type { InferResponseType } from 'hono/client';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { TableWrap } from '../../components/table-wrap';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { formatWhen } from '../../lib/format';
import { sizeText } from './backup-format';

type BackupApi = (typeof api.api.operator.backups)[':backupId'];
type DryRun = InferResponseType<BackupApi['dry-run']['$post'], 200>;
type Restore = InferResponseType<BackupApi['restore']['$post'], 200>;

/** The address of a community on this platform, as the browser reaches it. */
function communityHref(slug: string): string {
  return `${location.protocol}//${slug}.${location.host.replace(/^127\.0\.0\.1/, 'localhost')}/`;
}

/**
 * One community's kept backups. Each can be dry-run (the differences with the community now, table by table); after
 * a dry run the operator chooses where to restore it and confirms; the outcome stays on the page.
 */
export function CommunityBackups(props: { slug: string; name: string; onRestored: () => unknown }) {
  const { t, locale } = useI18n();
  const [list, { refetch }] = createResource(
    () => props.slug,
    (slug) => request(api.api.operator.backups.communities[':slug'].$get({ param: { slug } })),
  );
  const action = createAction(async () => {
    await refetch();
    await props.onRestored();
  });
  const [dry, setDry] = createSignal<DryRun>();
  const [outcome, setOutcome] = createSignal<Restore>();
  const [target, setTarget] = createSignal<'own' | 'new'>('new');
  const [newSlug, setNewSlug] = createSignal('');
  const [newName, setNewName] = createSignal('');
  const [restoring, setRestoring] = createSignal(false);

  function dryRun(backupId: string) {
    setOutcome(undefined);
    void action.run(async () => {
      setDry(await request(api.api.operator.backups[':backupId']['dry-run'].$post({ param: { backupId } })));
      queueMicrotask(() => document.getElementById('dry-run-title')?.focus());
    });
  }

  function restore(e: SubmitEvent) {
    e.preventDefault();
    const d = dry();
    if (!d) return;
    const question =
      target() === 'own'
        ? t('backups.confirmOwn', { name: props.name, day: d.backup.day })
        : t('backups.confirmNew', { newName: newName().trim(), day: d.backup.day });
    if (!window.confirm(question)) return;
    const json =
      target() === 'own' ? { target: 'own' as const } : { target: 'new' as const, slug: newSlug().trim(), nameZh: newName().trim() };
    setRestoring(true);
    void action
      .run(async () => {
        setOutcome(await request(api.api.operator.backups[':backupId'].restore.$post({ param: { backupId: d.backup.id }, json })));
        setDry(undefined);
      })
      .finally(() => setRestoring(false));
  }

  return (
    <section aria-labelledby="community-backups-title">
      <h2 id="community-backups-title" tabindex="-1">
        {t('backups.listTitle', { name: props.name })}
      </h2>
      <ErrorMessage error={list.error ?? action.error()} />
      <Show when={outcome()}>
        {(o) => (
          <p role="status" class="notice">
            <Show
              when={o().target === 'new' && o().newSlug}
              fallback={t('backups.restoredOwn', { binding: o().databaseBinding ?? '—', retired: o().retiredBinding ?? '—' })}
            >
              {t('backups.restoredNew')} <a href={communityHref(o().newSlug!)}>{o().newSlug}</a>
            </Show>
          </p>
        )}
      </Show>
      <Show when={list()}>
        {(data) => (
          <>
            <Show when={data().backups.some((b) => b.status === 'done')} fallback={<p>{t('backups.noBackups')}</p>}>
              <ul class="plain-list">
                <For each={data().backups.filter((b) => b.status === 'done')}>
                  {(b) => (
                    <li>
                      <strong>{b.day}</strong> · {sizeText(b.size ?? 0)} · {t('backups.rows', { rows: String(b.rows) })}{' '}
                      <button
                        type="button"
                        class="button secondary"
                        aria-label={t('backups.dryRunOf', { day: b.day })}
                        disabled={action.busy()}
                        onClick={() => dryRun(b.id)}
                      >
                        {t('backups.dryRun')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={dry()}>{(d) => <DryRunResult dry={d()} />}</Show>
            <Show when={dry()}>
              {(d) => (
                <form class="card" onSubmit={restore}>
                  <fieldset>
                    <legend>{t('backups.restoreTitle')}</legend>
                    <label>
                      <input type="radio" name="restore-target" checked={target() === 'new'} onChange={() => setTarget('new')} />{' '}
                      {t('backups.targetNew')}
                    </label>
                    <br />
                    <label>
                      <input type="radio" name="restore-target" checked={target() === 'own'} onChange={() => setTarget('own')} />{' '}
                      {t('backups.targetOwn')}
                    </label>
                  </fieldset>
                  <Show when={target() === 'new'}>
                    <div class="field">
                      <label for="restore-slug">{t('backups.newSlug')}</label>
                      <input
                        id="restore-slug"
                        required
                        minlength="3"
                        maxlength="32"
                        pattern="[a-z0-9][a-z0-9\-]{1,30}[a-z0-9]"
                        value={newSlug()}
                        onInput={(e) => setNewSlug(e.currentTarget.value)}
                      />
                    </div>
                    <div class="field">
                      <label for="restore-name">{t('backups.newName')}</label>
                      <input
                        id="restore-name"
                        required
                        maxlength="40"
                        value={newName()}
                        onInput={(e) => setNewName(e.currentTarget.value)}
                      />
                    </div>
                  </Show>
                  <button type="submit" class="button" disabled={action.busy()}>
                    {restoring() ? t('backups.restoring') : t('backups.restore')}
                  </button>{' '}
                  <span class="help">{d().backup.day}</span>
                </form>
              )}
            </Show>
            <Show when={data().restores.length > 0}>
              <h3>{t('backups.restoresTitle')}</h3>
              <ul>
                <For each={data().restores}>
                  {(r) => (
                    <li>
                      {t('backups.restoreLine', {
                        at: formatWhen(r.startedAt, locale()),
                        target: t(`backups.target_${r.target}`),
                        status: t(`backups.restore_${r.status}`),
                      })}
                      <Show when={r.newSlug}> · {r.newSlug}</Show>
                      <Show when={r.error}> · {r.error}</Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** The differences a restore would make, one row per table that differs, with a few keys of each kind. */
function DryRunResult(props: { dry: DryRun }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dry-run-title">
      <h3 id="dry-run-title" tabindex="-1">
        {t('backups.dryRunTitle', { day: props.dry.backup.day })}
      </h3>
      <p role="status">{t('backups.dryRunSafe')}</p>
      <Show when={props.dry.tables.length > 0} fallback={<p>{t('backups.dryRunNothing')}</p>}>
        <TableWrap label={t('backups.dryRunTitle', { day: props.dry.backup.day })}>
          <table class="diff">
            <thead>
              <tr>
                <th scope="col">{t('backups.table')}</th>
                <th scope="col">{t('backups.added')}</th>
                <th scope="col">{t('backups.removed')}</th>
                <th scope="col">{t('backups.changed')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.dry.tables}>
                {(d) => (
                  <tr>
                    <th scope="row">{d.table}</th>
                    <td>
                      {d.added}
                      <Show when={d.samples.added.length > 0}>
                        <br />
                        <small>{t('backups.samples', { keys: d.samples.added.join(', ') })}</small>
                      </Show>
                    </td>
                    <td>
                      {d.removed}
                      <Show when={d.samples.removed.length > 0}>
                        <br />
                        <small>{t('backups.samples', { keys: d.samples.removed.join(', ') })}</small>
                      </Show>
                    </td>
                    <td>
                      {d.changed}
                      <Show when={d.samples.changed.length > 0}>
                        <br />
                        <small>{t('backups.samples', { keys: d.samples.changed.join(', ') })}</small>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
    </section>
  );
}
