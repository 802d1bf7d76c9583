import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { ChartFigure, seriesColour, translucent, valueAxis } from '../../../components/charts';
import { ChartMetricPicker } from '../consultant-definition';
import { ConsultantGate } from '../consultant-gate';
import { MetricsTable, useViewContext } from '../consultant-table';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import {
  chartValue,
  compareView,
  completeMonths,
  downloadCsv,
  figuresFor,
  formatComputedAt,
  formatMonth,
  formatScore,
  formatValue,
  oldestComputedAt,
  pickText,
  tableCsvRows,
  toCsv,
} from '../../../lib/metrics-view';
import { useSite } from '../../../lib/site-context';

const DEFAULT_METRIC = 'householdParticipation';

/** Several granted communities side by side: a table for one month, bars, the five rules as a radar, and trends. */
export default function ConsultantCompare() {
  const { t, locale, pick } = useI18n();
  const { me } = useSite();
  const [search, setSearch] = useSearchParams<{ slugs?: string; month?: string }>();
  const slugs = () => [...new Set((search.slugs ?? '').split(',').filter(Boolean))];
  const [resource] = createResource(
    () => (me()?.userId && slugs().length > 0 ? slugs().join(',') : undefined),
    (list) => request(api.api.consultant.compare.$get({ query: { slugs: list } })),
  );
  // A resource in error throws when read; the page shows the error instead.
  const data = () => (resource.error ? undefined : resource());
  const context = useViewContext();
  const months = createMemo(() => completeMonths(data()?.communities ?? []));
  const month = () => {
    const chosen = search.month;
    return chosen && months().includes(chosen) ? chosen : months().at(-1);
  };
  const view = createMemo(() => {
    const d = data();
    const m = month();
    return d && m ? compareView(d.communities, d.definitions, m, context()) : undefined;
  });
  const [metricKey, setMetricKey] = createSignal(DEFAULT_METRIC);
  const metric = () => data()?.definitions.metrics.find((m) => m.key === metricKey()) ?? data()?.definitions.metrics[0];
  const computedAt = () => oldestComputedAt(data()?.communities ?? []);

  const notGranted = () => {
    const error = resource.error;
    return error instanceof ApiError && error.status === 403 && Array.isArray(error.details?.slugs) ? error.details.slugs : undefined;
  };
  const notConsultant = () => resource.error instanceof ApiError && resource.error.status === 403 && !notGranted();

  const ids = {
    table: `compare-table-${createUniqueId()}`,
    trend: `trend-table-${createUniqueId()}`,
    checklists: `rule-checklists-${createUniqueId()}`,
  };

  function exportCsv() {
    const v = view();
    const m = month();
    if (!v || !m) return;
    const time = computedAt();
    const preamble = [
      t('consultant.csvMonth', { month: formatMonth(m, locale()) }),
      time ? t('consultant.computedAt', { time: formatComputedAt(time, locale()) }) : t('consultant.notComputed'),
    ];
    downloadCsv(`huzhu-compare-${m}.csv`, toCsv(tableCsvRows(v, preamble)));
  }

  return (
    <section class="consultant compare">
      <p class="no-print">
        <A href="/consultant">{t('consultant.back')}</A>
      </p>
      <h1>{t('consultant.compareTitle')}</h1>
      <ConsultantGate forbidden={notConsultant()}>
        <Show when={slugs().length > 0} fallback={<p class="notice">{t('consultant.noSlugs')}</p>}>
          <Show when={notGranted()} fallback={<ErrorMessage error={resource.error} />}>
            {(list) => (
              <p class="alert" role="alert">
                {t('consultant.notGranted', { slugs: list().join('、') })}
              </p>
            )}
          </Show>
        </Show>
        <Show when={data()}>
          {(d) => (
            <>
              <p class="help">
                {d()
                  .communities.map((c) => [pick(c.name), c.city].filter(Boolean).join(' · '))
                  .join(' ／ ')}
                <br />
                {computedAt()
                  ? t('consultant.computedAt', { time: formatComputedAt(computedAt()!, locale()) })
                  : t('consultant.notComputed')}
              </p>
              <Show when={months().length > 0} fallback={<p class="empty">{t('consultant.noFigures')}</p>}>
                <div class="toolbar no-print">
                  <div class="field">
                    <label for="compare-month">{t('consultant.month')}</label>
                    <select id="compare-month" value={month()} onChange={(e) => setSearch({ month: e.currentTarget.value })}>
                      <For each={[...months()].reverse()}>{(m) => <option value={m}>{formatMonth(m, locale())}</option>}</For>
                    </select>
                  </div>
                  <button type="button" class="button secondary" onClick={exportCsv}>
                    {t('consultant.downloadCsv')}
                  </button>
                </div>
                <Show when={view()}>
                  {(v) => (
                    <MetricsTable
                      view={v()}
                      captionId={ids.table}
                      caption={t('consultant.tableCaption', { month: formatMonth(month()!, locale()) })}
                      columnHref={(slug) => `/consultant/communities/${slug}`}
                      class={v().columns.length > 3 ? 'wide' : undefined}
                    />
                  )}
                </Show>

                <h2>{t('consultant.charts')}</h2>
                <p class="help">{t('consultant.chartsNote')}</p>
                <ChartMetricPicker id="compare-metric" metrics={d().definitions.metrics} value={metric()?.key} onChange={setMetricKey} />
                <div class="chart-grid">
                  <div class="card">
                    <h3>{t('consultant.barTitle')}</h3>
                    <ChartFigure
                      label={t('consultant.barLabel', {
                        metric: pickText(metric()!.label, locale()),
                        month: formatMonth(month()!, locale()),
                      })}
                      caption={t('consultant.barCaption')}
                      describedBy={ids.table}
                      height={Math.max(160, 60 + d().communities.length * 44)}
                      config={() => {
                        const m = metric()!;
                        const mo = month()!;
                        return {
                          type: 'bar' as const,
                          data: {
                            labels: d().communities.map((c) => pick(c.name)),
                            datasets: [
                              {
                                label: pickText(m.label, locale()),
                                data: d().communities.map((c) => chartValue(figuresFor(c, mo)?.values[m.key], m.unit)),
                                backgroundColor: d().communities.map((_, i) => seriesColour(i)),
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
                                    formatValue(figuresFor(d().communities[item.dataIndex]!, mo)?.values[m.key], m.unit, locale()),
                                },
                              },
                            },
                            scales: {
                              x: valueAxis(
                                m.unit,
                                d().communities.map((c) => figuresFor(c, mo)?.values[m.key]),
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
                      label={t('consultant.trendLabel', { metric: pickText(metric()!.label, locale()) })}
                      caption={t('consultant.trendCaption')}
                      describedBy={ids.trend}
                      config={() => {
                        const m = metric()!;
                        return {
                          type: 'line' as const,
                          data: {
                            labels: months().map((mo) => formatMonth(mo, locale())),
                            datasets: d().communities.map((c, i) => ({
                              label: pick(c.name),
                              data: months().map((mo) => chartValue(figuresFor(c, mo)?.values[m.key], m.unit)),
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
                                d().communities.flatMap((c) => months().map((mo) => figuresFor(c, mo)?.values[m.key])),
                              ),
                              x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } },
                            },
                          },
                        };
                      }}
                    />
                    <details class="chart-data">
                      <summary>{t('consultant.trendTable')}</summary>
                      <div class="table-wrap">
                        <table class="metrics-table">
                          <caption id={ids.trend}>{t('consultant.trendLabel', { metric: pickText(metric()!.label, locale()) })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('consultant.month')}</th>
                              <For each={d().communities}>
                                {(c) => (
                                  <th scope="col" class="num">
                                    {pick(c.name)}
                                  </th>
                                )}
                              </For>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={months()}>
                              {(mo) => (
                                <tr>
                                  <th scope="row">{formatMonth(mo, locale())}</th>
                                  <For each={d().communities}>
                                    {(c) => (
                                      <td class="num">{formatValue(figuresFor(c, mo)?.values[metric()!.key], metric()!.unit, locale())}</td>
                                    )}
                                  </For>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </div>
                    </details>
                  </div>
                </div>

                <h2>{t('consultant.radarTitle')}</h2>
                <div class="radar-section">
                  <div class="card radar-card">
                    <ChartFigure
                      class="radar"
                      label={t('consultant.radarLabel', { month: formatMonth(month()!, locale()) })}
                      caption={t('consultant.radarCaption')}
                      describedBy={`${ids.table} ${ids.checklists}`}
                      height={320}
                      config={() => {
                        const mo = month()!;
                        return {
                          type: 'radar' as const,
                          data: {
                            labels: d().definitions.rules.map((r) => pickText(r.label, locale())),
                            datasets: d().communities.map((c, i) => ({
                              label: pick(c.name),
                              data: d().definitions.rules.map((r) => Math.round((figuresFor(c, mo)?.rules[r.key]?.score ?? 0) * 100)),
                              borderColor: seriesColour(i),
                              backgroundColor: translucent(seriesColour(i), 0.12),
                              pointBackgroundColor: seriesColour(i),
                              borderWidth: 2,
                            })),
                          },
                          options: {
                            plugins: { legend: { position: 'bottom' as const } },
                            scales: {
                              r: {
                                min: 0,
                                max: 100,
                                ticks: {
                                  stepSize: 25,
                                  callback: (v: string | number) => `${v}%`,
                                  showLabelBackdrop: false,
                                  font: { size: 10 },
                                  color: '#8a948e',
                                },
                                pointLabels: { font: { size: 13 } },
                              },
                            },
                          },
                        };
                      }}
                    />
                  </div>
                  <div id={ids.checklists} class="rule-checklists">
                    <h3 class="visually-hidden">{t('consultant.checklistTitle')}</h3>
                    <For each={d().communities}>
                      {(c, i) => (
                        <details class="card rule-checklist" open={d().communities.length <= 3}>
                          <summary>
                            <span class="swatch-dot" style={{ background: seriesColour(i()) }} aria-hidden="true" />
                            {pick(c.name)}
                          </summary>
                          <ul>
                            <For each={d().definitions.rules}>
                              {(r) => {
                                const result = () => figuresFor(c, month()!)?.rules[r.key];
                                return (
                                  <li>
                                    <strong>{pickText(r.label, locale())}</strong>{' '}
                                    <span class="num">{formatScore(result()?.score, locale())}</span>
                                    <ul class="checks">
                                      <For each={r.checks}>
                                        {(check) => {
                                          const met = () => result()?.checks[check.key] === true;
                                          return (
                                            <li classList={{ met: met() }}>
                                              <span class="mark" aria-hidden="true">
                                                {met() ? '✓' : '✗'}
                                              </span>
                                              <span class="visually-hidden">{met() ? t('consultant.met') : t('consultant.notMet')}：</span>
                                              {pickText(check.label, locale())}
                                            </li>
                                          );
                                        }}
                                      </For>
                                    </ul>
                                  </li>
                                );
                              }}
                            </For>
                          </ul>
                        </details>
                      )}
                    </For>
                  </div>
                </div>
              </Show>
            </>
          )}
        </Show>
      </ConsultantGate>
    </section>
  );
}
