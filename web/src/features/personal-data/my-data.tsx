import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { exportFileName } from '../../../../worker/community/personal-data/rules';
import { wallClock } from '../../../../worker/community/profile/rules';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useLabel } from '../../lib/labels';
import { useSite } from '../../lib/site-context';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A stored value as a reader sees it: instants in the community's time zone, the rest as stored. */
export function shownValue(value: unknown, locale: string, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && INSTANT.test(value))
    return new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false, timeZone });
  return String(value);
}

/** 「我的数据」: everything the community holds about the reader, by kind, and the same as a file to keep. */
export default function MyData() {
  const { t, locale } = useI18n();
  const label = useLabel();
  const { me } = useSite();
  const [data] = createResource(
    () => me()?.member?.id,
    () => request(api.api.me.data.$get({ query: {} })),
  );
  const [downloadError, setDownloadError] = createSignal<unknown>();
  const held = () => Object.entries(data.latest?.tables ?? {}).filter(([, rows]) => rows.length > 0);
  const notHeld = () =>
    Object.entries(data.latest?.tables ?? {})
      .filter(([, rows]) => rows.length === 0)
      .map(([table]) => tableName(table));
  const tableName = (table: string) => label(`personalData.tables.${table}`, table.replaceAll('_', ' '));
  const zone = () => data.latest?.community.timeZone ?? 'Asia/Shanghai';

  // The file needs the session token, which a plain link does not carry: fetch it with the client and save it.
  async function download() {
    setDownloadError(undefined);
    try {
      const body = await request(api.api.me.data.$get({ query: { download: '1' } }));
      const blob = new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName(body.community.slug, wallClock(body.exportedAt, body.community.timeZone).date);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setDownloadError(e);
    }
  }

  return (
    <section class="my-data">
      <h1>{t('personalData.data.title')}</h1>
      <MemberGate next="/me/data" />
      <ErrorMessage error={data.error} />
      <Show when={data.latest}>
        {(d) => (
          <>
            <p class="lead">{t('personalData.data.intro', { zone: zone() })}</p>
            <p>{t('personalData.data.exportedAt', { time: shownValue(d().exportedAt, locale(), zone()) })}</p>
            <p>
              <button type="button" onClick={() => void download()}>
                {t('personalData.data.download')}
              </button>
            </p>
            <ErrorMessage error={downloadError()} />
            <p>
              <A href="/me/profile">{t('personalData.profileLink')}</A> · <A href="/me/leave">{t('personalData.leaveLink')}</A>
            </p>
            <For each={held()}>
              {([table, rows]) => (
                <details class="card" open={table === 'members'}>
                  <summary>
                    <h2 class="inline-heading">{tableName(table)}</h2>{' '}
                    <span class="tag">{t('personalData.data.rows', { count: String(rows.length) })}</span>
                  </summary>
                  <For each={rows}>
                    {(row, i) => (
                      <dl class="data-row" aria-label={t('personalData.data.row', { n: String(i() + 1) })}>
                        <For each={Object.entries(row)}>
                          {([key, value]) => (
                            <>
                              <dt>{key}</dt>
                              <dd>{shownValue(value, locale(), zone())}</dd>
                            </>
                          )}
                        </For>
                      </dl>
                    )}
                  </For>
                </details>
              )}
            </For>
            <Show when={notHeld().length > 0}>
              <p class="help">{t('personalData.data.noneHeld', { list: notHeld().join(locale() === 'en' ? ', ' : '、') })}</p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
