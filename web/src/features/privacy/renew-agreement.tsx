import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

type MyPrivacy = Awaited<ReturnType<typeof readMine>>;
const readMine = () => request(api.api.privacy.me.$get());

/**
 * The polite ask after a new version of the notice: what changed, a link to read it, and one button to agree.
 * Nothing else is blocked meanwhile. Shown on every page by `RenewBanner` (renew-banner.tsx), and at the top of 我的隐私.
 */
export function RenewAgreement(props: { state: MyPrivacy; onAgreed: (next: MyPrivacy) => void }) {
  const { t, locale } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [thanked, setThanked] = createSignal(false);
  const summary = (v: { summaryZh: string; summaryEn: string }) => (locale() === 'en' && v.summaryEn ? v.summaryEn : v.summaryZh);

  async function agree() {
    setBusy(true);
    setError(undefined);
    try {
      const next = await request(api.api.privacy.me.agreement.$post({ json: { noticeVersion: props.state.currentVersion } }));
      setThanked(true);
      props.onAgreed(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={props.state.needsAgreement}>
        <section class="notice renew-privacy" aria-labelledby="renew-privacy-title" data-testid="privacy-renew">
          <h2 id="renew-privacy-title">
            {t(props.state.agreedVersion === null ? 'privacy.renew.firstTitle' : 'privacy.renew.title', { n: props.state.currentVersion })}
          </h2>
          <p>{t('privacy.renew.intro')}</p>
          <ul>
            <For each={props.state.changes}>
              {(v) => (
                <li>
                  {t('privacy.version', { n: v.version })}：{summary(v)}
                </li>
              )}
            </For>
          </ul>
          <ErrorMessage error={error()} />
          <p>
            <A href="/privacy">{t('privacy.renew.read')}</A>
          </p>
          <button type="button" class="button" disabled={busy()} onClick={() => void agree()}>
            {t('privacy.renew.agree', { n: props.state.currentVersion })}
          </button>
        </section>
      </Show>
      <Show when={thanked() && !props.state.needsAgreement}>
        <p class="notice" role="status">
          {t('privacy.renew.thanks')}
        </p>
      </Show>
    </>
  );
}
