import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { createEffect, createSignal, type JSX, onCleanup, Show } from 'solid-js';
import { useI18n } from '../i18n';

// Only what the consultant's pages draw, so the chunk stays small; this module is imported by those pages only.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  Filler,
);
Chart.defaults.font.family = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
Chart.defaults.color = '#56635b';

/** Colours told apart by most readers, including with red–green colour blindness (Okabe–Ito, bamboo first). */
export const SERIES_COLOURS = [
  '#1f6f4a',
  '#e69f00',
  '#0072b2',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#7a5200',
  '#009e73',
  '#4a4a4a',
  '#a4441c',
  '#5d3a9b',
  '#8c8c8c',
];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** A colour with transparency, for filled areas. */
export function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * A value axis from zero: shares read in percent and stop at 100% only when a figure comes near it, so that a
 * 7% participation rate is not a sliver against an empty 100%.
 */
export function valueAxis(unit: string, values: readonly (number | null | undefined)[]) {
  if (unit !== 'share') return { beginAtZero: true, ticks: { precision: unit === 'count' || unit === 'of-nine' ? 0 : 1 } };
  const highest = Math.max(0, ...values.map((v) => v ?? 0));
  return { beginAtZero: true, ...(highest >= 0.8 ? { max: 100 } : {}), ticks: { callback: (v: string | number) => `${v}%` } };
}

export interface ChartFigureProps<T extends ChartType> {
  /** Built anew when its inputs change; the chart is redrawn from it. */
  config: () => ChartConfiguration<T>;
  /** Names the chart for screen readers, e.g. "家庭参与率，各社区对比". */
  label: string;
  /** The visible caption; says where the same figures are given as text. */
  caption: JSX.Element;
  /** The id of the element holding the same figures as text (a table or its caption). */
  describedBy: string;
  /** Drawing height in CSS pixels; the width follows the container. */
  height?: number;
  class?: string;
}

/**
 * A chart.js chart in a figure with a caption that points at its text alternative. Where a canvas cannot be
 * drawn on (no 2D context, as in jsdom or a locked-down browser), the figure keeps its caption and says so.
 */
export function ChartFigure<T extends ChartType>(props: ChartFigureProps<T>) {
  const { t } = useI18n();
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<T> | undefined;
  const [unavailable, setUnavailable] = createSignal(false);
  createEffect(() => {
    const config = props.config();
    if (!canvas) return;
    chart?.destroy();
    chart = undefined;
    let context: CanvasRenderingContext2D | null = null;
    try {
      context = canvas.getContext('2d');
    } catch {
      context = null;
    }
    if (!context) {
      setUnavailable(true);
      return;
    }
    try {
      chart = new Chart(context, {
        ...config,
        options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
      } as ChartConfiguration<T>);
      setUnavailable(false);
    } catch {
      setUnavailable(true);
    }
  });
  onCleanup(() => chart?.destroy());
  return (
    <figure class={`chart-figure ${props.class ?? ''}`}>
      <div class="chart-box" style={{ height: `${props.height ?? 280}px` }}>
        <canvas ref={canvas} role="img" aria-label={props.label} aria-describedby={props.describedBy} />
      </div>
      <Show when={unavailable()}>
        <p class="help chart-unavailable">{t('consultant.chartUnavailable')}</p>
      </Show>
      <figcaption class="help">{props.caption}</figcaption>
    </figure>
  );
}
