import { A, useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { MetricName } from './consultant-definition';
import { ConsultantGate } from './consultant-gate';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { formatComputedAt, formatMonth, formatScore, formatValue, HEADLINE_KEYS, pickText } from '../../lib/metrics-view';
import { useSite } from '../../lib/site-context';

const MAX_COMPARED = 12;

/** The consultant's home: every community that granted access, with its latest complete month's figures. */
export default function ConsultantCommunities() {
  const { t, locale, pick } = useI18n();
  const { me } = useSite();
  const navigate = useNavigate();
  const [resource] = createResource(
    () => me()?.userId,
    () => request(api.api.consultant.communities.$get()),
  );
  // A resource in error throws when read; the page shows the error instead.
  const data = () => (resource.error ? undefined : resource());
  const [selected, setSelected] = createSignal<string[]>([]);
  const headline = createMemo(() => {
    const metrics = data()?.definitions.metrics ?? [];
    return HEADLINE_KEYS.map((key) => metrics.find((m) => m.key === key)).filter((m) => m !== undefined);
  });
  const toggle = (slug: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== slug), slug] : s.filter((x) => x !== slug)));
  const forbidden = () => resource.error instanceof ApiError && resource.error.status === 403;
  // With hundreds of pilot sites the list needs narrowing down and ordering by what the consultant is looking at.
  const [query, setQuery] = createSignal('');
  const [sortKey, setSortKey] = createSignal('name');
  const visible = createMemo(() => {
    const q = query().trim().toLowerCase();
    const rows = (data()?.communities ?? []).filter(
      (c) => !q || [c.slug, c.name.zh, c.name.en ?? '', c.city ?? ''].some((text) => text.toLowerCase().includes(q)),
    );
    const key = sortKey();
    if (key === 'name') return [...rows].sort((a, b) => pick(a.name).localeCompare(pick(b.name), locale()));
    // Best first: highest, or lowest where lower is better (days to decision); communities without the figure last.
    const lowerIsBetter = data()?.definitions.metrics.find((m) => m.key === key)?.higherIsBetter === false;
    const value = (c: (typeof rows)[number]) => c.headline?.values[key] ?? null;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
      return lowerIsBetter ? x - y : y - x;
    });
  });

  return (
    <section class="consultant">
      <h1>{t('consultant.title')}</h1>
      <p class="lead">{t('consultant.intro')}</p>
      <ConsultantGate forbidden={forbidden()}>
        <ErrorMessage error={resource.error} />
        <Show when={data()}>
          {(d) => (
            <Show
              when={d().communities.length > 0}
              fallback={
                <div class="notice consultant-empty">
                  <p>
                    <strong>{t('consultant.empty')}</strong>
                  </p>
                  <p>{t('consultant.emptyHow')}</p>
                </div>
              }
            >
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (selected().length >= 2) navigate(`/consultant/compare?slugs=${selected().join(',')}`);
                }}
              >
                <div class="consultant-filters">
                  <div class="field">
                    <label for="consultant-filter">{t('consultant.filter')}</label>
                    <input id="consultant-filter" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
                  </div>
                  <div class="field">
                    <label for="consultant-sort">{t('consultant.sortBy')}</label>
                    <select id="consultant-sort" value={sortKey()} onChange={(e) => setSortKey(e.currentTarget.value)}>
                      <option value="name">{t('consultant.sortName')}</option>
                      <For each={headline()}>{(m) => <option value={m.key}>{pickText(m.label, locale())}</option>}</For>
                    </select>
                  </div>
                  <p class="help" role="status">
                    {t('consultant.showing', { shown: String(visible().length), total: String(d().communities.length) })}
                  </p>
                </div>
                <ul class="consultant-cards">
                  <For each={visible()}>
                    {(c) => {
                      const checked = () => selected().includes(c.slug);
                      const name = () => pick(c.name);
                      return (
                        <li class="card consultant-card" classList={{ selected: checked() }}>
                          <div class="card-head">
                            <label class="radio pick">
                              <input
                                type="checkbox"
                                name="slugs"
                                value={c.slug}
                                checked={checked()}
                                disabled={!checked() && selected().length >= MAX_COMPARED}
                                onChange={(e) => toggle(c.slug, e.currentTarget.checked)}
                              />
                              <span>
                                {`${t('consultant.pick')} `}
                                <span class="visually-hidden">{name()}</span>
                              </span>
                            </label>
                            <h2>
                              <A href={`/consultant/communities/${c.slug}`}>{name()}</A>
                            </h2>
                            <p class="help">
                              {[c.city, c.month ? t('consultant.monthFigures', { month: formatMonth(c.month, locale()) }) : null]
                                .filter(Boolean)
                                .join(' · ')}
                            </p>
                          </div>
                          <Show when={c.headline} fallback={<p class="empty">{t('consultant.noFigures')}</p>}>
                            {(figures) => (
                              <>
                                <dl class="headline-figures">
                                  <For each={headline()}>
                                    {(m) => (
                                      <div data-metric={m.key}>
                                        <dt>
                                          <MetricName label={pickText(m.label, locale())} definition={pickText(m.definition, locale())} />
                                        </dt>
                                        <dd>{formatValue(figures().values[m.key], m.unit, locale())}</dd>
                                      </div>
                                    )}
                                  </For>
                                </dl>
                                <h3 class="rules-heading">{t('consultant.rulesHeading')}</h3>
                                <ul class="rule-scores">
                                  <For each={d().definitions.rules}>
                                    {(r) => {
                                      const score = () => figures().rules[r.key]?.score ?? 0;
                                      return (
                                        <li>
                                          <MetricName label={pickText(r.label, locale())} definition={pickText(r.definition, locale())} />
                                          <span class="score-bar" aria-hidden="true">
                                            <span style={{ width: `${Math.round(score() * 100)}%` }} />
                                          </span>
                                          <span class="num">{formatScore(figures().rules[r.key]?.score, locale())}</span>
                                        </li>
                                      );
                                    }}
                                  </For>
                                </ul>
                              </>
                            )}
                          </Show>
                          <p class="help computed">
                            {c.computedAt
                              ? t('consultant.computedAt', { time: formatComputedAt(c.computedAt, locale()) })
                              : t('consultant.notComputed')}
                            {' · '}
                            {t('consultant.grantedOn', { time: formatComputedAt(c.grantedAt, locale()) })}
                          </p>
                          <A class="trajectory-link" href={`/consultant/communities/${c.slug}`}>
                            {`${t('consultant.trajectory')} `}
                            <span class="visually-hidden">{`· ${name()}`}</span>
                          </A>
                        </li>
                      );
                    }}
                  </For>
                </ul>
                <div class="compare-bar">
                  <span class="help" role="status">
                    {selected().length > 0
                      ? t('consultant.selectedCount', { count: String(selected().length) })
                      : t('consultant.compareHint')}
                  </span>
                  <button type="submit" class="button" disabled={selected().length < 2}>
                    {t('consultant.compare')}
                  </button>
                </div>
              </form>
            </Show>
          )}
        </Show>
      </ConsultantGate>
    </section>
  );
}
