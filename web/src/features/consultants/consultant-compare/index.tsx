import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { ChartMetricPicker } from '../consultant-definition';
import { ConsultantGate } from '../consultant-gate';
import { MetricsTable, useViewContext } from '../consultant-table';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import {
  compareView,
  completeMonths,
  downloadCsv,
  formatComputedAt,
  formatMonth,
  oldestComputedAt,
  tableCsvRows,
  toCsv,
} from '../../../lib/metrics-view';
import { useSite } from '../../../lib/site-context';
import { loadCompare } from './compare';
import { CompareCharts } from './compare-charts';
import { RuleRadar } from './rule-radar';

const DEFAULT_METRIC = 'householdParticipation';

/** Several granted communities side by side: a table for one month, bars, the five rules as a radar, and trends. */
export default function ConsultantCompare() {
  const { t, locale, pick } = useI18n();
  const { me } = useSite();
  const [search, setSearch] = useSearchParams<{ slugs?: string; month?: string }>();
  const slugs = () => [...new Set((search.slugs ?? '').split(',').filter(Boolean))];
  const [resource] = createResource(() => (me()?.userId && slugs().length > 0 ? slugs().join(',') : undefined), loadCompare);
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
                <CompareCharts data={d()} metric={metric()!} month={month()!} months={months()} tableId={ids.table} trendId={ids.trend} />

                <h2>{t('consultant.radarTitle')}</h2>
                <RuleRadar data={d()} month={month()!} tableId={ids.table} checklistsId={ids.checklists} />
              </Show>
            </>
          )}
        </Show>
      </ConsultantGate>
    </section>
  );
}
