import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { DonationItem, VisitItem } from './partnership';

/** A partnership's yearly report: goals, visits, donations and the year's totals, laid out to print. */
export default function PartnershipReport() {
  const { t } = useI18n();
  const params = useParams<{ id: string; year: string }>();
  const { member } = useMembership();
  const [data] = createResource(
    () => (member() ? { id: params.id, year: params.year } : undefined),
    (param) => request(api.api.partnerships[':id'].reports[':year'].$get({ param })),
  );
  return (
    <section class="partnership-report">
      <p class="no-print">
        <A href={`/partnerships/${params.id}`}>{t('partnershipReport.back')}</A>
      </p>
      <MemberGate next={`/partnerships/${params.id}/reports/${params.year}`} />
      <ErrorMessage error={data.error} />
      <Show when={data.latest}>
        {(r) => (
          <>
            <h1>{t('partnershipReport.title', { name: r().partnerName, year: String(r().year) })}</h1>
            <p class="no-print">
              <button type="button" class="button secondary" onClick={() => window.print()}>
                {t('partnershipReport.print')}
              </button>
            </p>
            <h2>{t('partnerships.goalsTitle')}</h2>
            <Show when={r().goals.trim()} fallback={<p>{t('partnerships.noGoals')}</p>}>
              <ul>
                <For
                  each={r()
                    .goals.split('\n')
                    .filter((l) => l.trim())}
                >
                  {(line) => <li>{line}</li>}
                </For>
              </ul>
            </Show>
            <h2>{t('partnershipReport.totals')}</h2>
            <dl class="figures-list">
              <dt>{t('partnershipReport.visits')}</dt>
              <dd>{r().totals.visits}</dd>
              <dt>{t('partnershipReport.residents')}</dt>
              <dd>{r().totals.residentsInvolved}</dd>
              <dt>{t('partnershipReport.moneyGiven')}</dt>
              <dd>{yuan(r().totals.moneyGivenFen)}</dd>
              <dt>{t('partnershipReport.moneyReceived')}</dt>
              <dd>{yuan(r().totals.moneyReceivedFen)}</dd>
              <dt>{t('partnershipReport.goodsGiven')}</dt>
              <dd>{r().totals.goodsGiven}</dd>
              <dt>{t('partnershipReport.goodsReceived')}</dt>
              <dd>{r().totals.goodsReceived}</dd>
            </dl>
            <h2>{t('partnerships.visitsTitle')}</h2>
            <Show when={r().visits.length > 0} fallback={<p>{t('partnerships.noVisits')}</p>}>
              <ul class="plain">
                <For each={r().visits}>{(v) => <VisitItem visit={v} />}</For>
              </ul>
            </Show>
            <h2>{t('partnerships.donationsTitle')}</h2>
            <Show when={r().donations.length > 0} fallback={<p>{t('partnerships.noDonations')}</p>}>
              <ul class="plain">
                <For each={r().donations}>{(d) => <DonationItem donation={d} />}</For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
