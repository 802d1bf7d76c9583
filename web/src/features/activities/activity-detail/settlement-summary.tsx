import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { yuan } from '../../../lib/format';
import type { Activity } from './activity';
import { TableWrap } from '../../../components/table-wrap';

/** After settlement: planned against actual income, costs and surplus, the actual costs, and the fund's statement. */
export function SettlementSummary(props: { activity: Activity }) {
  const { t } = useI18n();
  return (
    <Show when={props.activity.settlement}>
      {(s) => (
        <section aria-labelledby="settlement-title">
          <h2 id="settlement-title">{t('activity.plannedVsActual')}</h2>
          <TableWrap labelledBy="settlement-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{t('budget.item')}</span>
                  </th>
                  <th scope="col" class="num">
                    {t('activity.planned')}
                  </th>
                  <th scope="col" class="num">
                    {t('activity.actual')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('activity.incomeRow')}</th>
                  <td class="num">{yuan(s().plannedIncomeFen)}</td>
                  <td class="num">{yuan(s().incomeFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('activity.costsRow')}</th>
                  <td class="num">{yuan(s().plannedCostFen)}</td>
                  <td class="num">{yuan(s().costFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('activity.surplusRow')}</th>
                  <td class="num">{yuan(s().plannedIncomeFen - s().plannedCostFen)}</td>
                  <td class="num">
                    <strong>{yuan(s().surplusFen)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </TableWrap>
          <Show when={s().actualLines.length > 0}>
            <h3 class="subhead">{t('activity.actualCosts')}</h3>
            <ul class="rows">
              <For each={s().actualLines}>
                {(l) => (
                  <li>
                    <span>{l.label}</span>
                    <span class="num">{yuan(l.amountFen)}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <p class="help">
            <Show when={props.activity.club} fallback={<A href="/accounts/hub">{t('activity.seeStatement')}</A>}>
              {(club) => <A href={`/accounts/club:${club().id}`}>{t('activity.seeStatement')}</A>}
            </Show>
          </p>
        </section>
      )}
    </Show>
  );
}
