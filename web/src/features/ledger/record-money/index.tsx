import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { Advances } from './advances';
import { IncomeForm } from './income-form';

/**
 * 记一笔账: the association administrator's guided forms for money, each one balanced, append-only transaction —
 * money received (seed money, donations, grants, opening balances) and advances to clubs with their repayments.
 */
export default function RecordMoney() {
  const { t } = useI18n();
  const { isAdmin } = useMembership();
  const [funds, { refetch }] = createResource(() => request(api.api.ledger.funds.$get()));
  const list = () => funds()?.funds ?? [];
  const clubs = () => list().flatMap((f) => (f.clubId && f.clubName ? [{ clubId: f.clubId, clubName: f.clubName }] : []));
  return (
    <section class="record-money stack">
      <p class="no-print">
        <A href="/accounts">{t('statement.back')}</A>
      </p>
      <h1>{t('recordMoney.title')}</h1>
      <p class="lead">{t('recordMoney.intro')}</p>
      <Show when={isAdmin()} fallback={<p class="notice">{t('recordMoney.adminsOnly')}</p>}>
        <ErrorMessage error={funds.error} />
        <IncomeForm funds={list()} onRecorded={() => void refetch()} />
        <Advances clubs={clubs()} onChanged={() => void refetch()} />
      </Show>
    </section>
  );
}
