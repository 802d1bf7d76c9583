/**
 * What the consultant's pages show, built once from the API's figures: the tables render these views and the
 * CSV export is made from the same views, so the file holds exactly what is on the screen.
 */
import { formatDateTime } from './format';

export type Unit = 'count' | 'share' | 'per100' | 'days' | 'hours' | 'of-nine';
export type MetricGroup = 'scale' | 'participation' | 'coordination' | 'finance';
export type ViewLocale = 'zh-CN' | 'en';

interface Text {
  zh: string;
  en: string | null;
}

export interface MetricDefinitionView {
  key: string;
  group: MetricGroup;
  unit: Unit;
  higherIsBetter: boolean | null;
  label: Text;
  definition: Text;
}

export interface RuleDefinitionView {
  key: string;
  label: Text;
  definition: Text;
  checks: { key: string; label: Text }[];
}

export interface DefinitionsView {
  metrics: readonly MetricDefinitionView[];
  rules: readonly RuleDefinitionView[];
}

export interface FiguresView {
  values: Record<string, number | null>;
  rules: Record<string, { score: number; checks: Record<string, boolean> }>;
}

/** One community's figures month by month, as `/api/consultant/compare` and `/communities/{slug}` answer. */
export interface SeriesView {
  slug: string;
  name: Text;
  city: string | null;
  computedAt: string | null;
  /** The month in progress: its figures are month-to-date. */
  currentMonth: string;
  months: { month: string; figures: FiguresView }[];
}

/** The words a table needs besides the API's own labels, in the reader's language. */
export interface ViewLabels {
  /** The first column's heading. */
  metric: string;
  groups: Record<MetricGroup | 'rules', string>;
  /** Added to the current month's heading, e.g. "（本月至今）". */
  monthToDate: string;
}

export interface ViewContext {
  locale: ViewLocale;
  labels: ViewLabels;
}

export interface TableRow {
  key: string;
  label: string;
  definition: string;
  /** Formatted as shown; "—" where a figure does not apply. */
  cells: string[];
}

export interface TableSection {
  key: MetricGroup | 'rules';
  label: string;
  rows: TableRow[];
}

export interface TableView {
  corner: string;
  columns: { key: string; label: string }[];
  sections: TableSection[];
}

export const GROUPS: readonly MetricGroup[] = ['scale', 'participation', 'coordination', 'finance'];

export const NOT_APPLICABLE = '—';

export function pickText(text: Text, locale: ViewLocale): string {
  return locale === 'en' && text.en ? text.en : text.zh;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: ViewLocale, kind: 'count' | 'one-decimal' | 'percent'): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    format =
      kind === 'percent'
        ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
        : kind === 'one-decimal'
          ? new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
          : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format;
}

/** A figure as shown: shares as %, rates and durations with one decimal, programs as "n / 9"; null as "—", never 0. */
export function formatValue(value: number | null | undefined, unit: Unit, locale: ViewLocale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NOT_APPLICABLE;
  switch (unit) {
    case 'share':
      return numberFormat(locale, 'percent').format(value);
    case 'per100':
    case 'hours':
    case 'days':
      return numberFormat(locale, 'one-decimal').format(value);
    case 'of-nine':
      return `${value} / 9`;
    default:
      return numberFormat(locale, 'count').format(value);
  }
}

/** A rule's score (0–1) as a whole percentage. */
export function formatScore(score: number | null | undefined, locale: ViewLocale): string {
  if (score === null || score === undefined) return NOT_APPLICABLE;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);
}

/** "2026年10月" / "October 2026". */
export function formatMonth(month: string, locale: ViewLocale): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleDateString(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** When figures were computed, to the minute, on the community's clock (Asia/Shanghai on the platform host). */
export function formatComputedAt(iso: string, locale: ViewLocale): string {
  return formatDateTime(iso, locale);
}

/** The oldest of several computation times: every figure shown was computed at or after it. */
export function oldestComputedAt(series: readonly { computedAt: string | null }[]): string | null {
  const times = series.map((s) => s.computedAt).filter((t): t is string => t !== null);
  return times.sort()[0] ?? null;
}

/** The complete months (not the one in progress) any of these communities has figures for, oldest first, at most 12. */
export function completeMonths(series: readonly SeriesView[]): string[] {
  const months = new Set<string>();
  for (const s of series) for (const m of s.months) if (m.month < s.currentMonth) months.add(m.month);
  return [...months].sort().slice(-12);
}

export function figuresFor(series: SeriesView, month: string): FiguresView | null {
  return series.months.find((m) => m.month === month)?.figures ?? null;
}

/** Rows = metrics by group, then the five operating rules' scores; one column per figure set. */
function buildTable(
  columns: { key: string; label: string; figures: FiguresView | null }[],
  definitions: DefinitionsView,
  context: ViewContext,
): TableView {
  const { locale, labels } = context;
  const sections: TableSection[] = GROUPS.map((group) => ({
    key: group,
    label: labels.groups[group],
    rows: definitions.metrics
      .filter((m) => m.group === group)
      .map((m) => ({
        key: m.key,
        label: pickText(m.label, locale),
        definition: pickText(m.definition, locale),
        cells: columns.map((c) => formatValue(c.figures?.values[m.key] ?? null, m.unit, locale)),
      })),
  })).filter((s) => s.rows.length > 0);
  sections.push({
    key: 'rules',
    label: labels.groups.rules,
    rows: definitions.rules.map((r) => ({
      key: `rule:${r.key}`,
      label: pickText(r.label, locale),
      definition: pickText(r.definition, locale),
      cells: columns.map((c) => formatScore(c.figures?.rules[r.key]?.score, locale)),
    })),
  });
  return { corner: labels.metric, columns: columns.map(({ key, label }) => ({ key, label })), sections };
}

/** Communities side by side for one month. */
export function compareView(series: readonly SeriesView[], definitions: DefinitionsView, month: string, context: ViewContext): TableView {
  return buildTable(
    series.map((s) => ({ key: s.slug, label: pickText(s.name, context.locale), figures: figuresFor(s, month) })),
    definitions,
    context,
  );
}

/** One community month by month, the month in progress last and labelled as month-to-date. */
export function trajectoryView(series: SeriesView, definitions: DefinitionsView, context: ViewContext): TableView {
  const months = [...series.months].sort((a, b) => a.month.localeCompare(b.month));
  return buildTable(
    months.map((m) => ({
      key: m.month,
      label: formatMonth(m.month, context.locale) + (m.month === series.currentMonth ? context.labels.monthToDate : ''),
      figures: m.figures,
    })),
    definitions,
    context,
  );
}

// The one CSV writer, shared with the Worker's exports: it writes formula-like cells as text (worker/http/csv.ts).
export { toCsv } from '../../../worker/http/csv';

/** The table as CSV rows: a preamble line, the header, each group's heading row, then its metrics. */
export function tableCsvRows(view: TableView, preamble: readonly string[]): string[][] {
  const width = view.columns.length + 1;
  const pad = (row: string[]) => [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')];
  return [
    pad([...preamble]),
    [view.corner, ...view.columns.map((c) => c.label)],
    ...view.sections.flatMap((s) => [pad([s.label]), ...s.rows.map((r) => [r.label, ...r.cells])]),
  ];
}

/** Saves text as a file through a temporary Blob link. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A figure as a chart plots it: shares in percent, so that the axis reads 0–100. */
export function chartValue(value: number | null | undefined, unit: Unit): number | null {
  if (value === null || value === undefined) return null;
  return unit === 'share' ? Math.round(value * 1000) / 10 : value;
}
