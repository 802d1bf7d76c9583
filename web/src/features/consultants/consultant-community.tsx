import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, createUniqueId, Show } from 'solid-js';
import { ChartFigure, seriesColour, valueAxis } from '../../components/charts';
import { ChartMetricPicker } from './consultant-definition';
import { ConsultantGate } from './consultant-gate';
import { MetricsTable, useViewContext } from './consultant-table';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import {
  chartValue,
  completeMonths,
  downloadCsv,
  figuresFor,
  formatComputedAt,
  formatMonth,
  pickText,
  tableCsvRows,
  toCsv,
  trajectoryView,
} from '../../lib/metrics-view';
import { useSite } from '../../lib/site-context';

const DEFAULT_METRIC = 'activitiesHeld';

/** One granted community month by month: the table of every figure, and trend lines. */
export default function ConsultantCommunity() {
  const { t, locale, pick } = useI18n();
  const { me } = useSite();
  const params = useParams<{ slug: string }>();
  const [resource] = createResource(
    () => (me()?.userId ? params.slug : undefined),
    (slug) => request(api.api.consultant.communities[':slug'].$get({ param: { slug } })),
  );
  // A resource in error throws when read; the page shows the error instead.
  const data = () => (resource.error ? undefined : resource());
  const context = useViewContext();
  const view = createMemo(() => {
    const d = data();
    return d ? trajectoryView(d.community, d.definitions, context()) : undefined;
  });
  const months = createMemo(() => (data() ? completeMonths([data()!.community]) : []));
  const [metricKey, setMetricKey] = createSignal(DEFAULT_METRIC);
  const metric = () => data()?.definitions.metrics.find((m) => m.key === metricKey()) ?? data()?.definitions.metrics[0];
  const forbiddenError = () => resource.error instanceof ApiError && resource.error.status === 403;
  const notGranted = () => forbiddenError() && resource.error instanceof ApiError && Array.isArray(resource.error.details?.slugs);
  const ids = { table: `trajectory-table-${createUniqueId()}` };

  function exportCsv() {
    const d = data();
    const v = view();
    if (!d || !v) return;
    const c = d.community;
    const preamble = [
      pick(c.name),
      c.computedAt ? t('consultant.computedAt', { time: formatComputedAt(c.computedAt, locale()) }) : t('consultant.notComputed'),
    ];
    downloadCsv(`huzhu-${c.slug}-${c.currentMonth}.csv`, toCsv(tableCsvRows(v, preamble)));
  }

  return (
    <section class="consultant trajectory">
      <p class="no-print">
        <A href="/consultant">{t('consultant.back')}</A>
      </p>
      <ConsultantGate forbidden={forbiddenError() && !notGranted()}>
        <Show when={notGranted()} fallback={<ErrorMessage error={resource.error} />}>
          <h1>{params.slug}</h1>
          <p class="alert" role="alert">
            {t('consultant.notGranted', { slugs: params.slug })}
          </p>
        </Show>
        <Show when={data()}>
          {(d) => (
            <>
              <h1>{pick(d().community.name)}</h1>
              <p class="help">
                {[
                  d().community.city,
                  d().community.computedAt
                    ? t('consultant.computedAt', { time: formatComputedAt(d().community.computedAt!, locale()) })
                    : t('consultant.notComputed'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p class="lead">{t('consultant.trajectoryIntro')}</p>
              <div class="toolbar no-print">
                <button type="button" class="button secondary" onClick={exportCsv}>
                  {t('consultant.downloadCsv')}
                </button>
                <A class="button secondary" href={`/consultant/compare?slugs=${d().community.slug}`}>
                  {t('consultant.compareThis')}
                </A>
              </div>
              <Show when={view()}>
                {(v) => (
                  <MetricsTable
                    view={v()}
                    captionId={ids.table}
                    caption={t('consultant.trajectoryCaption', { name: pick(d().community.name) })}
                    class="months"
                    scrollToEnd
                  />
                )}
              </Show>

              <h2>{t('consultant.charts')}</h2>
              <p class="help">{t('consultant.chartsNote')}</p>
              <ChartMetricPicker id="trajectory-metric" metrics={d().definitions.metrics} value={metric()?.key} onChange={setMetricKey} />
              <div class="chart-grid">
                <div class="card">
                  <h3>{t('consultant.trendTitle')}</h3>
                  <ChartFigure
                    label={t('consultant.trendLabel', { metric: pickText(metric()!.label, locale()) })}
                    caption={t('consultant.trajectoryChartCaption')}
                    describedBy={ids.table}
                    config={() => {
                      const m = metric()!;
                      return {
                        type: 'line' as const,
                        data: {
                          labels: months().map((mo) => formatMonth(mo, locale())),
                          datasets: [
                            {
                              label: pickText(m.label, locale()),
                              data: months().map((mo) => chartValue(figuresFor(d().community, mo)?.values[m.key], m.unit)),
                              borderColor: seriesColour(0),
                              backgroundColor: seriesColour(0),
                              pointRadius: 3,
                            },
                          ],
                        },
                        options: {
                          plugins: { legend: { display: false } },
                          scales: {
                            y: valueAxis(
                              m.unit,
                              months().map((mo) => figuresFor(d().community, mo)?.values[m.key]),
                            ),
                            x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } },
                          },
                        },
                      };
                    }}
                  />
                </div>
                <div class="card">
                  <h3>{t('consultant.rulesTrendTitle')}</h3>
                  <ChartFigure
                    label={t('consultant.rulesTrendTitle')}
                    caption={t('consultant.trajectoryChartCaption')}
                    describedBy={ids.table}
                    config={() => ({
                      type: 'line' as const,
                      data: {
                        labels: months().map((mo) => formatMonth(mo, locale())),
                        datasets: d().definitions.rules.map((r, i) => ({
                          label: pickText(r.label, locale()),
                          data: months().map((mo) => {
                            const score = figuresFor(d().community, mo)?.rules[r.key]?.score;
                            return score === undefined ? null : Math.round(score * 100);
                          }),
                          borderColor: seriesColour(i),
                          backgroundColor: seriesColour(i),
                          pointStyle: (['circle', 'rect', 'triangle', 'rectRot', 'star'] as const)[i % 5],
                          pointRadius: 3,
                        })),
                      },
                      options: {
                        plugins: { legend: { position: 'bottom' as const, labels: { usePointStyle: true, boxWidth: 8 } } },
                        scales: {
                          y: { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } },
                          x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } },
                        },
                      },
                    })}
                  />
                </div>
              </div>
            </>
          )}
        </Show>
      </ConsultantGate>
    </section>
  );
}
