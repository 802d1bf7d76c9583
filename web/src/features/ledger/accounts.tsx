import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { fundName } from '../../lib/labels';

/** 财务管理透明化: every fund and its balance, open to anyone; the entries behind them to members. */
export default function Accounts() {
  const { t, locale } = useI18n();
  const { member, isAdmin } = useMembership();
  // The balances are public; fetched again when the reader signs in.
  const [funds] = createResource(
    () => `reader:${member()?.id ?? 'visitor'}`,
    () => request(api.api.ledger.funds.$get()),
  );
  const list = () => (funds.state === 'ready' ? funds().funds : []);
  const total = () => list().reduce((sum, f) => sum + f.balanceFen, 0);
  return (
    <section class="accounts">
      <h1>{t('accounts.title')}</h1>
      <p class="lead">{t('accounts.intro')}</p>
      <Show when={isAdmin()}>
        <p>
          <A class="button" href="/accounts/record">
            {t('accounts.record')}
          </A>
        </p>
      </Show>
      <MemberGate next="/accounts" />
      <ErrorMessage error={funds.error} />
      <Show
        when={funds.state === 'ready'}
        fallback={
          <Show when={!funds.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        <div class="stats">
          <div class="stat">
            <strong>{yuan(total())}</strong>
            {t('accounts.total')}
          </div>
          <div class="stat">
            <strong>{list().length}</strong>
            {t('accounts.fundCount')}
          </div>
        </div>
        <ul class="grid plain">
          <For each={list()}>
            {(f) => (
              <li class="card fund-card" data-fund={f.key}>
                <h2>
                  <A href={`/accounts/${f.key}`}>
                    {f.clubName ? t('accounts.clubFund', { name: f.clubName }) : fundName(f.name, locale())}
                  </A>
                </h2>
                <p class="balance" classList={{ negative: f.balanceFen < 0 }}>
                  {yuan(f.balanceFen)}
                </p>
                <p>
                  <Show when={f.clubId} fallback={t('accounts.hubHelp')}>
                    {(clubId) => <A href={`/clubs/${clubId()}`}>{t('accounts.toClub')}</A>}
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
