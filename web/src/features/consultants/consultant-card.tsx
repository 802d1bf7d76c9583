import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatComputedAt, formatMonth, formatScore, formatValue, pickText } from '../../lib/metrics-view';
import { MetricName } from './consultant-definition';

type ListQuery = Parameters<typeof api.api.consultant.communities.$get>[0]['query'];

/** One page of the granted communities, in an order and a search, after `cursor`. */
export const fetchListPage = (query: ListQuery) => request(api.api.consultant.communities.$get({ query }));
export type ListPage = Awaited<ReturnType<typeof fetchListPage>>;
export type GrantedRow = ListPage['communities'][number];
type Definitions = ListPage['definitions'];

/** One granted community on the consultant's list: its headline figures, its rules' scores, a tick to compare it. */
export function ConsultantCard(props: {
  community: GrantedRow;
  headline: Definitions['metrics'];
  rules: Definitions['rules'];
  checked: boolean;
  canPick: boolean;
  onPick: (on: boolean) => void;
}) {
  const { t, locale, pick } = useI18n();
  const c = () => props.community;
  const name = () => pick(c().name);
  return (
    <li class="card consultant-card" classList={{ selected: props.checked }} data-slug={c().slug}>
      <div class="card-head">
        <label class="radio pick">
          <input
            type="checkbox"
            name="slugs"
            value={c().slug}
            checked={props.checked}
            disabled={!props.checked && !props.canPick}
            onChange={(e) => props.onPick(e.currentTarget.checked)}
          />
          <span>
            {`${t('consultant.pick')} `}
            <span class="visually-hidden">{name()}</span>
          </span>
        </label>
        <h2>
          <A href={`/consultant/communities/${c().slug}`}>{name()}</A>
        </h2>
        <p class="help">
          {[c().city, c().month ? t('consultant.monthFigures', { month: formatMonth(c().month!, locale()) }) : null]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <Show when={c().headline} fallback={<p class="empty">{t('consultant.noFigures')}</p>}>
        {(figures) => (
          <>
            <dl class="headline-figures">
              <For each={props.headline}>
                {(m) => (
                  <div data-metric={m.key}>
                    <dt>
                      <MetricName label={pickText(m.label, locale())} definition={pickText(m.definition, locale())} />
                    </dt>
                    <dd>{formatValue((figures().values as Record<string, number | null>)[m.key], m.unit, locale())}</dd>
                  </div>
                )}
              </For>
            </dl>
            <h3 class="rules-heading">{t('consultant.rulesHeading')}</h3>
            <ul class="rule-scores">
              <For each={props.rules}>
                {(r) => {
                  const score = () => figures().scores[r.key] ?? 0;
                  return (
                    <li>
                      <MetricName label={pickText(r.label, locale())} definition={pickText(r.definition, locale())} />
                      <span class="score-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(score() * 100)}%` }} />
                      </span>
                      <span class="num">{formatScore(figures().scores[r.key], locale())}</span>
                    </li>
                  );
                }}
              </For>
            </ul>
          </>
        )}
      </Show>
      <p class="help computed">
        {c().computedAt ? t('consultant.computedAt', { time: formatComputedAt(c().computedAt!, locale()) }) : t('consultant.notComputed')}
        {' · '}
        {t('consultant.grantedOn', { time: formatComputedAt(c().grantedAt, locale()) })}
      </p>
      <A class="trajectory-link" href={`/consultant/communities/${c().slug}`}>
        {`${t('consultant.trajectory')} `}
        <span class="visually-hidden">{`· ${name()}`}</span>
      </A>
    </li>
  );
}
