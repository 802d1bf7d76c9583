import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MarkdownView } from '../../components/markdown-view';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';

/** 隐私告知: the community's privacy notice in force (or an earlier version), readable by anyone, and its versions. */
export default function PrivacyNotice() {
  const { t, locale } = useI18n();
  const [search] = useSearchParams<{ version?: string }>();
  const wanted = () => (search.version && /^\d+$/.test(search.version) ? search.version : undefined);
  const [notice] = createResource(
    () => wanted() ?? 'current',
    (version) =>
      version === 'current'
        ? request(api.api.privacy.notice.$get())
        : request(api.api.privacy.notices[':version'].$get({ param: { version } })),
  );
  const shown = () => notice();
  const [history] = createResource(() => request(api.api.privacy.notices.$get()));
  const text = () => {
    const n = shown();
    return n ? (locale() === 'en' ? n.textEn : n.textZh) : '';
  };
  const summary = (v: { summaryZh: string; summaryEn: string }) => (locale() === 'en' && v.summaryEn ? v.summaryEn : v.summaryZh);

  return (
    <section class="privacy-notice">
      <Show when={shown()} fallback={<p>{t('privacy.loading')}</p>}>
        {(n) => (
          <>
            <p class="help">
              {t('privacy.version', { n: n().version })} · {t('privacy.publishedOn', { date: formatDate(n().publishedAt, locale()) })}
            </p>
            <Show when={wanted()}>
              <p>
                <A href="/privacy">{t('privacy.backToCurrent')}</A>
              </p>
            </Show>
            <MarkdownView source={text()} />
          </>
        )}
      </Show>
      <ErrorMessage error={notice.error} />
      <Show when={(history()?.versions.length ?? 0) > 0}>
        <h2>{t('privacy.history')}</h2>
        <ol class="timeline" reversed>
          <For each={history()?.versions}>
            {(v) => (
              <li>
                <A href={`/privacy?version=${v.version}`}>{t('privacy.readVersion', { n: v.version })}</A>{' '}
                <span class="help">{formatDate(v.publishedAt, locale())}</span>
                <p>{t('privacy.changes', { summary: summary(v) })}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
