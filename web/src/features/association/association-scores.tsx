import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { ChartFigure, seriesColour, valueAxis } from '../../components/charts';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { chartValue, formatComputedAt, formatMonth, formatScore, pickText, type SeriesView, trajectoryView } from '../../lib/metrics-view';
import { useSite } from '../../lib/site-context';
import { ChartMetricPicker, MetricName } from '../consultants/consultant-definition';
import { MetricsTable, useViewContext } from '../consultants/consultant-table';

const DEFAULT_METRIC = 'activitiesHeld';

/**
 * The association's own figures month by month (the definitions consultants see), the five operating rules as
 * checklists, the joint meeting's cadence, contact coverage, and the next useful steps with the screens that fix
 * them. Loaded lazily with the chart chunk, like the consultant's pages.
 */
export default function AssociationScores() {
  const { t, locale, pick } = useI18n();
  const { me } = useSite();
  const [resource] = createResource(
    () => me()?.userId,
    () => request(api.api.association.scores.$get()),
  );
  const data = () => (resource.error ? undefined : resource());
  const forbidden = () => resource.error instanceof ApiError && resource.error.status === 403;
  const context = useViewContext();
  const series = createMemo((): SeriesView | undefined => {
    const d = data();
    return (
      d && {
        slug: 'association',
        name: { zh: '', en: null },
        city: null,
        computedAt: d.computedAt,
        currentMonth: d.currentMonth,
        months: d.months,
      }
    );
  });
  const view = createMemo(() => {
    const s = series();
    const d = data();
    return s && d ? trajectoryView(s, d.definitions, context()) : undefined;
  });
  const latest = () => data()?.months.at(-1);
  const [metricKey, setMetricKey] = createSignal(DEFAULT_METRIC);
  const metric = () => data()?.definitions.metrics.find((m) => m.key === metricKey()) ?? data()?.definitions.metrics[0];
  const labels = () => data()?.months.map((m) => formatMonth(m.month, locale())) ?? [];
  const tableId = `association-table-${createUniqueId()}`;

  return (
    <section class="association-scores">
      <h1>{t('association.title')}</h1>
      <Show when={!forbidden()} fallback={<p class="alert">{t('association.forbidden')}</p>}>
        <ErrorMessage error={resource.error} />
        <Show when={data()}>
          {(d) => (
            <>
              <p class="lead">{t('association.intro')}</p>
              <p class="help">{t('association.computedAt', { time: formatComputedAt(d().computedAt, locale()) })}</p>

              <section class="card" aria-labelledby="next-steps-title">
                <h2 id="next-steps-title">{t('association.nextTitle')}</h2>
                <Show when={d().nextSteps.length > 0} fallback={<p>{t('association.nextNone')}</p>}>
                  <ul class="next-steps" data-testid="next-steps">
                    <For each={d().nextSteps}>
                      {(step) => (
                        <li data-step={step.key}>
                          <A href={step.href}>{t(`association.next_${step.key}`, { count: String(step.count) })}</A>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>

              <section aria-labelledby="rules-title">
                <h2 id="rules-title">{t('association.rulesTitle')}</h2>
                <p class="help">{t('association.rulesIntro')}</p>
                <div class="rule-checklists" data-testid="rules">
                  <For each={d().definitions.rules}>
                    {(rule) => {
                      const result = () => latest()?.figures.rules[rule.key];
                      return (
                        <div class="card" data-rule={rule.key}>
                          <h3>
                            <MetricName label={pick(rule.label)} definition={pick(rule.definition)} />{' '}
                            <span class="tag">{formatScore(result()?.score, locale())}</span>
                          </h3>
                          <ul class="checklist">
                            <For each={rule.checks}>
                              {(check) => {
                                const met = () => result()?.checks[check.key] === true;
                                return (
                                  <li data-check={check.key} data-met={met()}>
                                    <span class="check" classList={{ done: met() }} aria-hidden="true">
                                      {met() ? '✓' : '✗'}
                                    </span>
                                    {pick(check.label)}
                                    <span class="visually-hidden"> · {met() ? t('association.met') : t('association.notMet')}</span>
                                  </li>
                                );
                              }}
                            </For>
                          </ul>
                        </div>
                      );
                    }}
                  </For>
                </div>
              </section>

              <div class="chart-grid">
                <section class="card" aria-labelledby="cadence-title">
                  <h2 id="cadence-title">{t('association.cadenceTitle')}</h2>
                  <Show when={d().monthsWithoutJointMeeting.length > 0} fallback={<p>{t('association.cadenceAll')}</p>}>
                    <p>{t('association.cadenceMissing')}</p>
                    <ul data-testid="months-without-meeting">
                      <For each={d().monthsWithoutJointMeeting}>{(month) => <li>{formatMonth(month, locale())}</li>}</For>
                    </ul>
                    <p>
                      <A href="/meetings">{t('nav.meetings')}</A>
                    </p>
                  </Show>
                </section>
                <section class="card" aria-labelledby="contacts-title">
                  <h2 id="contacts-title">{t('association.contactsTitle')}</h2>
                  <p>
                    {t('association.contactsSummary', { withTwo: String(d().contacts.withTwo), buildings: String(d().contacts.buildings) })}
                  </p>
                  <Show when={d().contacts.short.length > 0}>
                    <ul>
                      <For each={d().contacts.short}>
                        {(b) => <li>{t('association.contactsShort', { name: b.name, contacts: String(b.contacts) })}</li>}
                      </For>
                    </ul>
                    <p>
                      <A href="/buildings">{t('association.next_building-second-contact', { count: String(d().contacts.short.length) })}</A>
                    </p>
                  </Show>
                </section>
              </div>

              <Show when={view()}>
                {(v) => <MetricsTable view={v()} captionId={tableId} caption={t('association.tableCaption')} class="months" scrollToEnd />}
              </Show>

              <h2>{t('association.chartsTitle')}</h2>
              <ChartMetricPicker id="association-metric" metrics={d().definitions.metrics} value={metric()?.key} onChange={setMetricKey} />
              <div class="chart-grid">
                <div class="card">
                  <ChartFigure
                    label={t('association.trendLabel', { metric: pickText(metric()!.label, locale()) })}
                    caption={t('association.chartCaption')}
                    describedBy={tableId}
                    config={() => {
                      const m = metric()!;
                      const values = d().months.map((mo) => mo.figures.values[m.key]);
                      return {
                        type: 'line' as const,
                        data: {
                          labels: labels(),
                          datasets: [
                            {
                              label: pickText(m.label, locale()),
                              data: values.map((v) => chartValue(v, m.unit)),
                              borderColor: seriesColour(0),
                              backgroundColor: seriesColour(0),
                              pointRadius: 3,
                            },
                          ],
                        },
                        options: { plugins: { legend: { display: false } }, scales: { y: valueAxis(m.unit, values) } },
                      };
                    }}
                  />
                </div>
                <div class="card">
                  <ChartFigure
                    label={t('association.rulesTrend')}
                    caption={t('association.chartCaption')}
                    describedBy={tableId}
                    config={() => ({
                      type: 'line' as const,
                      data: {
                        labels: labels(),
                        datasets: d().definitions.rules.map((r, i) => ({
                          label: pickText(r.label, locale()),
                          data: d().months.map((mo) => {
                            const score = mo.figures.rules[r.key]?.score;
                            return score === undefined ? null : Math.round(score * 100);
                          }),
                          borderColor: seriesColour(i),
                          backgroundColor: seriesColour(i),
                          pointRadius: 3,
                        })),
                      },
                      options: {
                        plugins: { legend: { position: 'bottom' as const } },
                        scales: { y: { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } } },
                      },
                    })}
                  />
                </div>
              </div>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
