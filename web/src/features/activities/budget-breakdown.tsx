import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { yuan } from '../../lib/format';
import { TableWrap } from '../../components/table-wrap';

export interface BreakdownData {
  lines: { label: string; amountFen: number }[];
  costFen: number;
  surplusRatePercent: number;
  surplusTargetFen: number;
  targetFen: number;
  /** The fee before rounding (may be fractional fen); null when nobody is expected. */
  exactFeeFen: number | null;
  /** The fee the rule gives; null when nobody is expected. */
  derivedFeeFen: number | null;
  /** The fee actually charged (the derived one, or a lower one with an exception). */
  feeFen: number | null;
  expectedParticipants: number;
  problem: 'no-participants' | 'does-not-cover' | null;
  exceptionReason: string | null;
}

/** 公益不是免费: the AA fee with its breakdown — costs, surplus target, per-person fee, break-even participants. */
export function BudgetBreakdown(props: { data: BreakdownData; live?: boolean; id?: string }) {
  const { t } = useI18n();
  const d = () => props.data;
  const charged = () => d().feeFen;
  const income = () => (charged() ?? 0) * d().expectedParticipants;
  const breakEven = () => {
    const fee = charged();
    if (d().costFen === 0) return 0;
    return fee && fee > 0 ? Math.ceil(d().costFen / fee) : null;
  };
  const lowered = () => d().derivedFeeFen !== null && charged() !== null && charged()! < d().derivedFeeFen!;
  const headingId = () => props.id ?? 'budget-title';
  return (
    <section class="card breakdown" aria-labelledby={headingId()} data-testid="budget-breakdown">
      <h2 id={headingId()}>{t('budget.title')}</h2>
      <p class="help">{t('budget.principle')}</p>
      <Show when={d().lines.length > 0}>
        <TableWrap label={t('budget.lines')}>
          <table>
            <caption class="visually-hidden">{t('budget.lines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.item')}</th>
                <th scope="col" class="num">
                  {t('budget.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={d().lines}>
                {(line) => (
                  <tr>
                    <td>{line.label}</td>
                    <td class="num">{yuan(line.amountFen)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
      <dl class="figures">
        <div>
          <dt>{t('budget.costs')}</dt>
          <dd>{yuan(d().costFen)}</dd>
        </div>
        <div>
          <dt>{t('budget.surplusTarget', { rate: String(d().surplusRatePercent) })}</dt>
          <dd>{yuan(d().surplusTargetFen)}</dd>
        </div>
        <div>
          <dt>{t('budget.target')}</dt>
          <dd>{yuan(d().targetFen)}</dd>
        </div>
        <div class="fee" aria-live={props.live ? 'polite' : undefined} data-testid="fee">
          <dt>{t('budget.fee')}</dt>
          <dd>
            <strong>{charged() === null ? '—' : charged() === 0 ? t('money.free') : yuan(charged()!)}</strong>
            <Show when={d().exactFeeFen !== null && d().costFen > 0}>
              <span class="help">
                {t('budget.feeRule', {
                  target: yuan(d().targetFen),
                  people: String(d().expectedParticipants),
                  exact: yuan(Math.round(d().exactFeeFen!)),
                  fee: yuan(d().derivedFeeFen ?? 0),
                })}
              </span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('budget.income', { people: String(d().expectedParticipants) })}</dt>
          <dd>{yuan(income())}</dd>
        </div>
        <div>
          <dt>{t('budget.surplus')}</dt>
          <dd>{yuan(income() - d().costFen)}</dd>
        </div>
        <div>
          <dt>{t('budget.breakEven')}</dt>
          <dd>{breakEven() === null ? '—' : t('budget.people', { count: String(breakEven()) })}</dd>
        </div>
      </dl>
      <Show when={lowered()}>
        <p class="notice">{t('budget.lowered', { fee: yuan(charged()!), derived: yuan(d().derivedFeeFen!) })}</p>
      </Show>
      <Show when={d().problem}>
        {(problem) => <p class="alert">{problem() === 'no-participants' ? t('budget.noParticipants') : t('budget.doesNotCover')}</p>}
      </Show>
      <Show when={d().exceptionReason}>
        <p class="notice">{t('budget.exception', { reason: d().exceptionReason ?? '' })}</p>
      </Show>
    </section>
  );
}
