import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** The register's last twelve months: posted, claimed, turned into something, solved, and the median days to claim. */
export function NeedsFigures() {
  const { t, locale } = useI18n();
  const [data] = createResource(() => request(api.api.needs.figures.$get()));
  const label = (f: { labelZh: string; labelEn: string; unit: string }) =>
    f.unit === 'hours' ? t('needs.medianDays') : locale() === 'en' ? f.labelEn : f.labelZh;
  // The median comes in hours; the register speaks of days.
  const cell = (value: number | undefined, unit: string) =>
    value === undefined ? '–' : unit === 'hours' ? (value / 24).toFixed(1) : String(value);
  const monthName = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale(), { year: 'numeric', month: 'short', timeZone: 'UTC' });
  };
  return (
    <Show when={data()}>
      {(d) => (
        <section class="needs-figures" aria-labelledby="needs-figures-title">
          <h2 id="needs-figures-title">{t('needs.figuresTitle')}</h2>
          <section class="table-wrap" aria-labelledby="needs-figures-title" tabindex="0">
            <table class="metrics-table">
              <thead>
                <tr>
                  <th scope="col">{t('needs.month')}</th>
                  <For each={d().figures}>{(f) => <th scope="col">{label(f)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={[...d().months].reverse()}>
                  {(month) => (
                    <tr>
                      <th scope="row">{monthName(month)}</th>
                      <For each={d().figures}>{(f) => <td>{cell(f.values[month], f.unit)}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </section>
      )}
    </Show>
  );
}
