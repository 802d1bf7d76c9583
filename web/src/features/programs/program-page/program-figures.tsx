import { createSignal, createUniqueId, For } from 'solid-js';
import { ChartFigure, seriesColour } from '../../../components/charts';
import { useI18n } from '../../../i18n';
import { yuan } from '../../../lib/format';
import { formatMonth } from '../../../lib/metrics-view';
import type { ProgramFigure, ProgramPage } from './program';
import { TableWrap } from '../../../components/table-wrap';

function formatFigure(value: number | undefined, unit: ProgramFigure['unit'], locale: 'zh-CN' | 'en') {
  if (value === undefined) return '—';
  switch (unit) {
    case 'fen':
      return yuan(value);
    case 'percent':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
    case 'hours':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }
}

/**
 * The program's figures for the last twelve months: one chosen figure as a chart (the chart chunk /association uses,
 * loaded with this component only), and every figure in a table, which is also the chart's text alternative.
 */
export default function ProgramFigures(props: { program: ProgramPage }) {
  const { t, locale } = useI18n();
  const tableId = `program-figures-${createUniqueId()}`;
  const series = () => props.program.figures.series;
  const [chosen, setChosen] = createSignal(series()[0]?.key ?? '');
  const label = (f: ProgramFigure) => (locale() === 'en' ? f.labelEn : f.labelZh);
  const figure = () => series().find((f) => f.key === chosen()) ?? series()[0];
  const months = () => props.program.figures.months;

  return (
    <section aria-labelledby="program-figures-title" class="program-figures">
      <h2 id="program-figures-title">{t('program.figuresTitle')}</h2>
      <p class="help">{t('program.figuresIntro', { zone: props.program.figures.timeZone })}</p>
      <div class="field">
        <label for="program-figure">{t('program.chartFigure')}</label>
        <select id="program-figure" value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)}>
          <For each={series()}>{(f) => <option value={f.key}>{label(f)}</option>}</For>
        </select>
      </div>
      <div class="card">
        <ChartFigure
          label={t('program.chartLabel', { figure: figure() ? label(figure()!) : '' })}
          caption={t('program.chartCaption')}
          describedBy={tableId}
          height={240}
          config={() => {
            const f = figure();
            const values = months().map((m) => f?.values[m] ?? 0);
            return {
              type: 'bar' as const,
              data: {
                labels: months().map((m) => formatMonth(m, locale())),
                datasets: [
                  {
                    label: f ? label(f) : '',
                    data: f?.unit === 'fen' ? values.map((v) => v / 100) : values,
                    backgroundColor: seriesColour(0),
                  },
                ],
              },
              options: {
                plugins: { legend: { display: false } },
                scales: { y: { beginAtZero: true, ticks: { precision: f?.unit === 'count' ? 0 : 1 } } },
              },
            };
          }}
        />
      </div>
      <TableWrap label={t('program.tableCaption', { name: locale() === 'en' ? props.program.name.en : props.program.name.zh })}>
        <table id={tableId} data-testid="program-figures">
          <caption>{t('program.tableCaption', { name: locale() === 'en' ? props.program.name.en : props.program.name.zh })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('program.month')}</th>
              <For each={series()}>
                {(f) => (
                  <th scope="col" class="figure-head">
                    {label(f)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={[...months()].reverse()}>
              {(month) => (
                <tr data-month={month}>
                  <th scope="row" class="nowrap">
                    {formatMonth(month, locale())}
                  </th>
                  <For each={series()}>{(f) => <td class="num">{formatFigure(f.values[month], f.unit, locale())}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
