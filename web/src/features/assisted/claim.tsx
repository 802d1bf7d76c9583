import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';
import { HistoryList } from './history-list';

/** 认领我的记录: a signed-in person enters the code their contact gave them, and the record kept for them becomes theirs. */
export default function Claim() {
  const { t } = useI18n();
  const site = useSite();
  const [code, setCode] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [claimedName, setClaimedName] = createSignal('');
  const [history] = createResource(
    () => (site.me()?.member ? site.me()?.member?.id : undefined),
    () => request(api.api.me.history.$get()),
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const done = await request(api.api['assisted-members'].claims.$post({ json: { code: code() } }));
      setClaimedName(done.displayName);
      setCode('');
      site.refetchMe();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="claim-page">
      <h1>{t('assisted.claimTitle')}</h1>
      <p class="lead">{t('assisted.claimIntro')}</p>
      <Show when={claimedName()}>
        <p class="notice" role="status">
          {t('assisted.claimDone', { name: claimedName() })}
        </p>
      </Show>
      <Show
        when={site.me()}
        fallback={
          <Show when={!site.me.loading}>
            <p class="notice">
              <A href="/sign-in?next=%2Fclaim">{t('assisted.signInFirst')}</A>
            </p>
          </Show>
        }
      >
        <Show when={!claimedName()}>
          <form class="card" onSubmit={submit}>
            <ErrorMessage error={error()} detail />
            <div class="field">
              <label for="claim-code">{t('assisted.claimCode')}</label>
              <input
                id="claim-code"
                class="claim-code-input"
                required
                maxlength="20"
                autocomplete="one-time-code"
                autocapitalize="characters"
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button" disabled={busy()}>
              {t('assisted.claimSubmit')}
            </button>
          </form>
        </Show>
      </Show>
      <Show when={history()}>
        {(h) => (
          <>
            <h2>{t('assisted.myHistory')}</h2>
            <HistoryList history={h()} />
          </>
        )}
      </Show>
    </section>
  );
}
