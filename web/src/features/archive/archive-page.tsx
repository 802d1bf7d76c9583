import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, authHeaders, request } from '../../lib/api';

type Problem = 'ledger' | 'activities' | 'issues' | 'meetings' | 'members';

/** An instant on the community's clock, e.g. "2026-12-03 14:05". */
function communityTime(iso: string, timeZone: string | undefined, locale: string) {
  return new Date(iso).toLocaleString(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** Administrators export the whole community as a zip and, in a fresh community, import one. */
export default function ArchivePage() {
  const { t, locale } = useI18n();
  const [settings] = createResource(() => request(api.api.community.settings.$get()).catch(() => undefined));
  const [exports, { refetch }] = createResource(() => request(api.api.archive.exports.$get()));
  const [importStatus, importStatusActions] = createResource(() => request(api.api.archive.import.$get()));
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [imported, setImported] = createSignal<{ rows: number; tables: number; media: number }>();
  const [confirmed, setConfirmed] = createSignal(false);
  const zone = () => settings()?.timeZone;
  const when = (iso: string) => communityTime(iso, zone(), locale());
  const forbidden = () => exports.error instanceof ApiError && exports.error.status === 403;

  // While an export is being written through the queue, look again every few seconds.
  const timer = setInterval(() => {
    if (exports()?.exports.some((e) => e.status === 'running')) void refetch();
  }, 3000);
  onCleanup(() => clearInterval(timer));

  async function startExport() {
    setBusy(true);
    setError(undefined);
    try {
      const started = await request(api.api.archive.exports.$post());
      await refetch();
      if (started.link) window.location.assign(started.link.url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function download(id: number) {
    setError(undefined);
    try {
      const link = await request(api.api.archive.exports[':id'].link.$post({ param: { id: String(id) } }));
      window.location.assign(link.url);
    } catch (e) {
      setError(e);
    }
  }

  async function importFile(e: SubmitEvent) {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('archive') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch(`/api/archive/import`, {
        method: 'POST',
        headers: { ...(await authHeaders()), 'content-type': 'application/zip' },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as {
        rows?: number;
        tables?: Record<string, number>;
        mediaWritten?: number;
        error?: { code?: string; message?: string; details?: Record<string, string[]> };
      };
      if (!res.ok)
        throw new ApiError(res.status, body.error?.code ?? 'internal', body.error?.message ?? res.statusText, body.error?.details);
      setImported({ rows: body.rows ?? 0, tables: Object.keys(body.tables ?? {}).length, media: body.mediaWritten ?? 0 });
      void importStatusActions.refetch();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="archive-page">
      <h1>{t('archive.title')}</h1>
      <p class="lead">{t('archive.intro')}</p>
      <Show when={!forbidden()} fallback={<p class="alert">{t('archive.forbidden')}</p>}>
        <ErrorMessage error={error() ?? exports.error} />
        <section class="card" aria-labelledby="export-title">
          <h2 id="export-title">{t('archive.exportTitle')}</h2>
          <p>{t('archive.exportBody')}</p>
          <button type="button" class="button" disabled={busy()} onClick={() => void startExport()}>
            {busy() ? t('archive.exportStarting') : t('archive.exportStart')}
          </button>
          <h3>{t('archive.exportList')}</h3>
          <Show when={(exports()?.exports.length ?? 0) > 0} fallback={<p>{t('archive.none')}</p>}>
            <ul class="plain-list" data-testid="exports">
              <For each={exports()?.exports}>
                {(job) => (
                  <li data-status={job.status}>
                    <p>
                      <span class="tag" classList={{ warn: job.status !== 'ready' }}>
                        {t(`archive.status_${job.status}`)}
                      </span>{' '}
                      {t('archive.started', { at: when(job.createdAt) })}
                    </p>
                    <Show when={job.status === 'running'}>
                      <progress max={job.tablesTotal} value={job.tablesDone} aria-label={t('archive.status_running')} />
                      <p>{t('archive.running')}</p>
                    </Show>
                    <p>
                      {t('archive.progress', {
                        done: String(job.tablesDone),
                        total: String(job.tablesTotal),
                        rows: String(job.rows),
                      })}
                      <Show when={job.size !== null}> · {t('archive.size', { size: ((job.size ?? 0) / 1048576).toFixed(1) })}</Show>
                    </p>
                    <Show when={job.status === 'ready'}>
                      <p>{t('archive.expires', { at: when(job.expiresAt) })}</p>
                      <button type="button" class="button secondary" onClick={() => void download(job.id)}>
                        {t('archive.download')}
                      </button>
                    </Show>
                    <Show when={job.error}>
                      <p class="alert">{job.error}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <section class="card" aria-labelledby="import-title">
          <h2 id="import-title">{t('archive.importTitle')}</h2>
          <p>{t('archive.importBody')}</p>
          <Show when={imported()}>
            {(r) => (
              <p class="notice" role="status">
                {t('archive.imported', { rows: String(r().rows), tables: String(r().tables), media: String(r().media) })}
              </p>
            )}
          </Show>
          <Show
            when={importStatus()?.fresh}
            fallback={
              <Show when={importStatus()}>
                {(s) => (
                  <p data-testid="import-closed">
                    {t('archive.importFreshOnly', {
                      problems: s()
                        .problems.map((p) => t(`archive.problem_${p as Problem}`))
                        .join(locale() === 'en' ? ', ' : '、'),
                    })}
                  </p>
                )}
              </Show>
            }
          >
            <form onSubmit={(e) => void importFile(e)}>
              <div class="field">
                <label for="archive-file">{t('archive.importFile')}</label>
                <input id="archive-file" name="archive" type="file" accept=".zip,application/zip" required />
              </div>
              <label class="radio">
                <input type="checkbox" checked={confirmed()} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
                {t('archive.importConfirm')}
              </label>
              <button type="submit" class="button" disabled={busy() || !confirmed()}>
                {busy() ? t('archive.importBusy') : t('archive.importStart')}
              </button>
            </form>
          </Show>
        </section>
      </Show>
    </section>
  );
}
