import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { parseYuan, yuan, yuanInput } from '../../lib/format';
import { fundName } from '../../lib/labels';

/** Bands typed as yuan ("2 5 10 20") to fen, or null when one is not an amount. */
const parseBands = (text: string) => {
  const parts = text.split(/[\s,，、]+/).filter(Boolean);
  const fen = parts.map(parseYuan);
  return fen.some((f) => f === null || f === 0) || fen.length === 0 ? null : (fen as number[]);
};

/** The shop's settings for association administrators: its price bands, its fund, and what the proceeds paid for. */
export default function ShopSettings() {
  const { t, locale } = useI18n();
  const { isAdmin } = useMembership();
  const [settings, { refetch }] = createResource(() => request(api.api.shop.settings.$get()));
  const [funds] = createResource(isAdmin, () => request(api.api.ledger.funds.$get()));
  const [spending, { refetch: refetchSpending }] = createResource(isAdmin, () => request(api.api.shop['proceeds-uses'].$get()));
  const [bands, setBands] = createSignal('');
  const [fund, setFund] = createSignal('hub');
  const [purposes, setPurposes] = createSignal<Record<number, string>>({});
  createEffect(() => {
    const s = settings();
    if (!s) return;
    setBands(s.bandsFen.map(yuanInput).join(' '));
    setFund(s.fundKey);
  });
  const action = createAction(async () => {
    await refetch();
    await refetchSpending();
  });
  const parsed = () => parseBands(bands());
  const save = (e: Event) => {
    e.preventDefault();
    const bandsFen = parsed();
    if (bandsFen)
      void action.run(() => request(api.api.shop.settings.$put({ json: { bandsFen, fundKey: fund() } })), t('shopSettings.saved'));
  };
  const mark = (transactionId: number) =>
    action.run(() =>
      request(
        api.api.shop['proceeds-uses'][':transactionId'].$put({
          param: { transactionId: String(transactionId) },
          json: { purpose: (purposes()[transactionId] ?? '').trim() },
        }),
      ),
    );
  const unmark = (transactionId: number) =>
    action.run(() => request(api.api.shop['proceeds-uses'][':transactionId'].$delete({ param: { transactionId: String(transactionId) } })));

  return (
    <section class="shop-settings">
      <h1>{t('shopSettings.title')}</h1>
      <p>
        <A href="/shop">{t('shop.title')}</A>
      </p>
      <MemberGate next="/shop/settings" />
      <Show when={!isAdmin()}>
        <p class="notice">{t('shopSettings.adminsOnly')}</p>
      </Show>
      <Show when={isAdmin()}>
        <form class="card" onSubmit={save}>
          <div class="field">
            <label for="shop-bands">{t('shopSettings.bands')}</label>
            <input
              type="text"
              id="shop-bands"
              required
              aria-describedby="shop-bands-help"
              aria-invalid={bands() !== '' && parsed() === null}
              value={bands()}
              onInput={(e) => setBands(e.currentTarget.value)}
            />
            <p class="help" id="shop-bands-help">
              {bands() !== '' && parsed() === null ? t('shopSettings.bandsInvalid') : t('shopSettings.bandsHelp')}
            </p>
          </div>
          <div class="field">
            <label for="shop-fund">{t('shopSettings.fund')}</label>
            <select id="shop-fund" aria-describedby="shop-fund-help" value={fund()} onChange={(e) => setFund(e.currentTarget.value)}>
              <For each={funds()?.funds ?? []}>
                {(f) => (
                  <option value={f.key}>{f.clubName ? t('accounts.clubFund', { name: f.clubName }) : fundName(f.name, locale())}</option>
                )}
              </For>
            </select>
            <p class="help" id="shop-fund-help">
              {t('shopSettings.fundHelp')}
            </p>
          </div>
          <ErrorMessage error={action.error()} detail />
          <Show when={action.message()}>
            <p class="notice success" role="status">
              {action.message()}
            </p>
          </Show>
          <button type="submit" class="button" disabled={action.busy() || parsed() === null}>
            {t('shopSettings.save')}
          </button>
        </form>
        <section class="card" aria-labelledby="uses-title">
          <h2 id="uses-title">{t('shopSettings.usesTitle')}</h2>
          <p class="help">{t('shopSettings.usesHelp')}</p>
          <Show when={(spending()?.spending ?? []).length > 0} fallback={<p class="empty">{t('shopSettings.noSpending')}</p>}>
            <ul class="rows">
              <For each={spending()?.spending ?? []}>
                {(s) => (
                  <li class="row">
                    <p>
                      <span class="nowrap">{s.occurredOn}</span> {s.memo} <strong class="num">{yuan(s.amountFen)}</strong>
                    </p>
                    <Show
                      when={s.purpose}
                      fallback={
                        <div class="toolbar">
                          <div class="field">
                            <label for={`use-${s.transactionId}`}>{t('shopSettings.purpose')}</label>
                            <input
                              type="text"
                              id={`use-${s.transactionId}`}
                              maxlength={80}
                              onInput={(e) => setPurposes({ ...purposes(), [s.transactionId]: e.currentTarget.value })}
                            />
                          </div>
                          <button
                            type="button"
                            class="button secondary"
                            disabled={action.busy() || (purposes()[s.transactionId] ?? '').trim().length < 2}
                            onClick={() => void mark(s.transactionId)}
                          >
                            {t('shopSettings.mark')}
                          </button>
                        </div>
                      }
                    >
                      {(purpose) => (
                        <p>
                          <span class="tag">{purpose()}</span>{' '}
                          <button type="button" class="link-button" disabled={action.busy()} onClick={() => void unmark(s.transactionId)}>
                            {t('shopSettings.unmark')}
                          </button>
                        </p>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
    </section>
  );
}
