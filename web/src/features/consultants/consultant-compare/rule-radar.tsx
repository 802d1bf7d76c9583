import { For } from 'solid-js';
import { ChartFigure, seriesColour, translucent } from '../../../components/charts';
import { useI18n } from '../../../i18n';
import { figuresFor, formatMonth, formatScore, pickText } from '../../../lib/metrics-view';
import type { CompareData } from './compare';

/** The five rules as a radar, one shape per community, and each community's checklist of what it meets. */
export function RuleRadar(props: { data: CompareData; month: string; tableId: string; checklistsId: string }) {
  const { t, locale, pick } = useI18n();
  return (
    <div class="radar-section">
      <div class="card radar-card">
        <ChartFigure
          class="radar"
          label={t('consultant.radarLabel', { month: formatMonth(props.month, locale()) })}
          caption={t('consultant.radarCaption')}
          describedBy={`${props.tableId} ${props.checklistsId}`}
          height={320}
          config={() => {
            const mo = props.month;
            return {
              type: 'radar' as const,
              data: {
                labels: props.data.definitions.rules.map((r) => pickText(r.label, locale())),
                datasets: props.data.communities.map((c, i) => ({
                  label: pick(c.name),
                  data: props.data.definitions.rules.map((r) => Math.round((figuresFor(c, mo)?.rules[r.key]?.score ?? 0) * 100)),
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
      <div id={props.checklistsId} class="rule-checklists">
        <h3 class="visually-hidden">{t('consultant.checklistTitle')}</h3>
        <For each={props.data.communities}>
          {(c, i) => (
            <details class="card rule-checklist" open={props.data.communities.length <= 3}>
              <summary>
                <span class="swatch-dot" style={{ background: seriesColour(i()) }} aria-hidden="true" />
                {pick(c.name)}
              </summary>
              <ul>
                <For each={props.data.definitions.rules}>
                  {(r) => {
                    const result = () => figuresFor(c, props.month)?.rules[r.key];
                    return (
                      <li>
                        <strong>{pickText(r.label, locale())}</strong> <span class="num">{formatScore(result()?.score, locale())}</span>
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
  );
}
