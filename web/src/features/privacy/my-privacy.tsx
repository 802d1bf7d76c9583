import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { SensitiveItem } from '../../../../worker/community/privacy/rules';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { RenewAgreement } from './renew-agreement';

/** 我的隐私: the notice version I agreed to, and my separate consent to children's details, care records and phone. */
export default function MyPrivacy() {
  const { t } = useI18n();
  const { member } = useMembership();
  return (
    <section class="my-privacy">
      <h1>{t('privacy.mine.title')}</h1>
      <p class="lead">{t('privacy.mine.intro')}</p>
      <MemberGate next="/me/privacy" />
      <Show when={member()}>
        <MyPrivacyBody />
      </Show>
    </section>
  );
}

function MyPrivacyBody() {
  const { t, locale } = useI18n();
  const [mine, { mutate }] = createResource(() => request(api.api.privacy.me.$get()));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<SensitiveItem | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function set(item: SensitiveItem, given: boolean) {
    setBusy(true);
    setError(undefined);
    setSaved(null);
    try {
      mutate(await request(api.api.privacy.me.items[':item'].$put({ param: { item }, json: { given } })));
      setSaved(item);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={mine()} fallback={<ErrorMessage error={mine.error} />}>
      {(m) => (
        <>
          <RenewAgreement state={m()} onAgreed={mutate} />
          <p>
            <Show when={m().agreedVersion !== null && m().agreedAt} fallback={t('privacy.mine.never')}>
              {t('privacy.mine.agreed', { n: m().agreedVersion ?? 0, date: formatDate(m().agreedAt ?? '', locale()) })}
            </Show>{' '}
            <A href="/privacy">{t('privacy.mine.readNotice')}</A>
          </p>
          <ErrorMessage error={error()} />
          <ul class="checklist">
            <For each={m().items}>
              {(state) => (
                <li class="card">
                  <h2 id={`item-${state.item}`}>{t(`privacy.item.${state.item}`)}</h2>
                  <p>{t(`privacy.itemHelp.${state.item}`)}</p>
                  <p data-testid={`item-${state.item}-state`}>
                    <strong>
                      <Show
                        when={state.given}
                        fallback={
                          state.withdrawnAt
                            ? t('privacy.mine.withdrawn', { date: formatDate(state.withdrawnAt, locale()) })
                            : t('privacy.mine.notGiven')
                        }
                      >
                        {t('privacy.mine.given', { date: formatDate(state.givenAt ?? '', locale()) })}
                      </Show>
                    </strong>
                  </p>
                  <button
                    type="button"
                    class={state.given ? 'button secondary' : 'button'}
                    disabled={busy()}
                    aria-describedby={`item-${state.item}`}
                    onClick={() => void set(state.item, !state.given)}
                  >
                    {state.given ? t('privacy.mine.withdraw') : t('privacy.mine.give')}
                  </button>
                  <Show when={saved() === state.item}>
                    <p role="status">{t('privacy.mine.saved')}</p>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <p class="notice">{t('privacy.mine.withdrawNote')}</p>
          <p>
            <A href="/me/data">{t('privacy.mine.myData')}</A>
          </p>
        </>
      )}
    </Show>
  );
}
