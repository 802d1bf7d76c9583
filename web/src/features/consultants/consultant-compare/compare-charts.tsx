import { For } from 'solid-js';
import { ChartFigure, seriesColour, valueAxis } from '../../../components/charts';
import { useI18n } from '../../../i18n';
import { chartValue, figuresFor, formatMonth, formatValue, pickText } from '../../../lib/metrics-view';
import type { CompareData, MetricDefinition } from './compare';
import { TableWrap } from '../../../components/table-wrap';

/** One figure across the communities: as bars for the chosen month, and as lines over the months, with the lines' data as a table. */
export function CompareCharts(props: {
  data: CompareData;
  metric: MetricDefinition;
  month: string;
  months: string[];
  /** The table the bars describe, and the id for the trend's own table. */
  tableId: string;
  trendId: string;
}) {
  const { t, locale, pick } = useI18n();
  return (
    <div class="chart-grid">
      <div class="card">
        <h3>{t('consultant.barTitle')}</h3>
        <ChartFigure
          label={t('consultant.barLabel', {
            metric: pickText(props.metric.label, locale()),
            month: formatMonth(props.month, locale()),
          })}
          caption={t('consultant.barCaption')}
          describedBy={props.tableId}
          height={Math.max(160, 60 + props.data.communities.length * 44)}
          config={() => {
            const m = props.metric;
            const mo = props.month;
            return {
              type: 'bar' as const,
              data: {
                labels: props.data.communities.map((c) => pick(c.name)),
                datasets: [
                  {
                    label: pickText(m.label, locale()),
                    data: props.data.communities.map((c) => chartValue(figuresFor(c, mo)?.values[m.key], m.unit)),
                    backgroundColor: props.data.communities.map((_, i) => seriesColour(i)),
                    maxBarThickness: 36,
                  },
                ],
              },
              options: {
                indexAxis: 'y' as const,
                plugins: {
                  legend: { display: false },
                  tooltip: {
                    callbacks: {
                      label: (item) =>
                        formatValue(figuresFor(props.data.communities[item.dataIndex]!, mo)?.values[m.key], m.unit, locale()),
                    },
                  },
                },
                scales: {
                  x: valueAxis(
                    m.unit,
                    props.data.communities.map((c) => figuresFor(c, mo)?.values[m.key]),
                  ),
                },
              },
            };
          }}
        />
      </div>
      <div class="card">
        <h3>{t('consultant.trendTitle')}</h3>
        <ChartFigure
          label={t('consultant.trendLabel', { metric: pickText(props.metric.label, locale()) })}
          caption={t('consultant.trendCaption')}
          describedBy={props.trendId}
          config={() => {
            const m = props.metric;
            return {
              type: 'line' as const,
              data: {
                labels: props.months.map((mo) => formatMonth(mo, locale())),
                datasets: props.data.communities.map((c, i) => ({
                  label: pick(c.name),
                  data: props.months.map((mo) => chartValue(figuresFor(c, mo)?.values[m.key], m.unit)),
                  borderColor: seriesColour(i),
                  backgroundColor: seriesColour(i),
                  pointStyle: (['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'] as const)[i % 6],
                  pointRadius: 3,
                  spanGaps: false,
                })),
              },
              options: {
                plugins: { legend: { position: 'bottom' as const, labels: { usePointStyle: true, boxWidth: 8 } } },
                scales: {
                  y: valueAxis(
                    m.unit,
                    props.data.communities.flatMap((c) => props.months.map((mo) => figuresFor(c, mo)?.values[m.key])),
                  ),
                  x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } },
                },
              },
            };
          }}
        />
        <details class="chart-data">
          <summary>{t('consultant.trendTable')}</summary>
          <TableWrap labelledBy={props.trendId}>
            <table class="metrics-table">
              <caption id={props.trendId}>{t('consultant.trendLabel', { metric: pickText(props.metric.label, locale()) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consultant.month')}</th>
                  <For each={props.data.communities}>
                    {(c) => (
                      <th scope="col" class="num">
                        {pick(c.name)}
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={props.months}>
                  {(mo) => (
                    <tr>
                      <th scope="row">{formatMonth(mo, locale())}</th>
                      <For each={props.data.communities}>
                        {(c) => (
                          <td class="num">{formatValue(figuresFor(c, mo)?.values[props.metric.key], props.metric.unit, locale())}</td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableWrap>
        </details>
      </div>
    </div>
  );
}
