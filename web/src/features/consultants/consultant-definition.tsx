import { createSignal, createUniqueId, For } from 'solid-js';
import { useI18n } from '../../i18n';

/**
 * A figure's name with its written definition one step away: shown while the pointer rests on the name, while
 * the ⓘ button has keyboard focus, and kept open by a click or tap on it (Escape closes). Screen readers hear it
 * as the button's description.
 */
export function MetricName(props: { label: string; definition: string }) {
  const { t } = useI18n();
  const id = `definition-${createUniqueId()}`;
  const [open, setOpen] = createSignal(false);
  return (
    <span class="metric-name" classList={{ open: open() }}>
      <span class="metric-label">{props.label}</span>
      <button
        type="button"
        class="info-toggle"
        aria-label={t('consultant.definitionOf', { name: props.label })}
        aria-expanded={open()}
        aria-controls={id}
        aria-describedby={id}
        onClick={() => setOpen(!open())}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <span aria-hidden="true">i</span>
      </button>
      <span id={id} class="metric-definition" role="note">
        {props.definition}
      </span>
    </span>
  );
}

/** The chart heading's toolbar: which metric the charts below draw, from the definitions the API sent. */
export function ChartMetricPicker(props: {
  id: string;
  metrics: { key: string; label: { zh: string; en: string } }[];
  value: string | undefined;
  onChange: (key: string) => void;
}) {
  const { t, pick } = useI18n();
  return (
    <div class="toolbar no-print">
      <div class="field">
        <label for={props.id}>{t('consultant.chartMetric')}</label>
        <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <For each={props.metrics}>{(m) => <option value={m.key}>{pick(m.label)}</option>}</For>
        </select>
      </div>
    </div>
  );
}
