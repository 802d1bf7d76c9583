import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import type { monthlyBy as monthlyRules } from '../../../../worker/community/series/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

type MonthlyBy = (typeof monthlyRules)[number];

/**
 * On an activity's page, for who may organise a series of it (an administrator, or its club's responsible person):
 * a link to its series, or a form that makes it recurring.
 */
export function MakeRecurring(props: { activityId: number; clubId: number | null; canOrganise: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [found] = createResource(
    () => props.activityId,
    (id) => request(api.api.series.$get({ query: { activityId: String(id) } })),
  );
  const [open, setOpen] = createSignal(false);
  const [every, setEvery] = createSignal(2);
  const [unit, setUnit] = createSignal<'week' | 'month'>('month');
  const [by, setBy] = createSignal<MonthlyBy>('weekday-of-month');
  const [count, setCount] = createSignal('');
  const [until, setUntil] = createSignal('');
  const [ahead, setAhead] = createSignal(2);
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const json = {
        activityId: props.activityId,
        clubId: props.clubId,
        every: every(),
        unit: unit(),
        ...(unit() === 'month' ? { monthlyBy: by() } : {}),
        count: count() ? Number(count()) : null,
        until: until() || null,
        ahead: ahead(),
      };
      const made = await request(api.api.series.$post({ json }));
      navigate(`/series/${made.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={found.state === 'ready'}>
      <Show
        when={found()?.seriesId}
        fallback={
          <Show when={props.canOrganise}>
            <div class="make-recurring">
              <button type="button" class="button secondary" aria-expanded={open()} onClick={() => setOpen(!open())}>
                {t('series.makeRecurring')}
              </button>
              <Show when={open()}>
                <form class="card" onSubmit={(e) => void submit(e)}>
                  <p class="help">{t('series.recurringHelp')}</p>
                  <div class="toolbar">
                    <div class="field">
                      <label for="series-every">{t('series.every')}</label>
                      <input
                        id="series-every"
                        type="number"
                        min={1}
                        max={12}
                        required
                        value={every()}
                        onInput={(e) => setEvery(Number(e.currentTarget.value))}
                      />
                    </div>
                    <div class="field">
                      <label for="series-unit">{t('series.unit_month')}</label>
                      <select id="series-unit" value={unit()} onChange={(e) => setUnit(e.currentTarget.value as 'week' | 'month')}>
                        <option value="week">{t('series.unit_week')}</option>
                        <option value="month">{t('series.unit_month')}</option>
                      </select>
                    </div>
                  </div>
                  <Show when={unit() === 'month'}>
                    <div class="field">
                      <label for="series-by">{t('series.by')}</label>
                      <select id="series-by" value={by()} onChange={(e) => setBy(e.currentTarget.value as MonthlyBy)}>
                        <option value="weekday-of-month">{t('series.by_weekday-of-month')}</option>
                        <option value="day-of-month">{t('series.by_day-of-month')}</option>
                      </select>
                    </div>
                  </Show>
                  <div class="field">
                    <label for="series-count">{t('series.count')}</label>
                    <input
                      id="series-count"
                      type="number"
                      min={2}
                      max={104}
                      value={count()}
                      onInput={(e) => setCount(e.currentTarget.value)}
                    />
                  </div>
                  <div class="field">
                    <label for="series-until">{t('series.until')}</label>
                    <input id="series-until" type="date" value={until()} onInput={(e) => setUntil(e.currentTarget.value)} />
                  </div>
                  <div class="field">
                    <label for="series-ahead">{t('series.ahead')}</label>
                    <input
                      id="series-ahead"
                      type="number"
                      min={0}
                      max={12}
                      value={ahead()}
                      onInput={(e) => setAhead(Number(e.currentTarget.value))}
                    />
                  </div>
                  <ErrorMessage error={error()} detail />
                  <button type="submit" class="button" disabled={busy()}>
                    {t('series.create')}
                  </button>
                </form>
              </Show>
            </div>
          </Show>
        }
      >
        {(id) => (
          <p class="notice">
            {t('series.partOf')} <A href={`/series/${id()}`}>{t('series.toSeries')}</A>
          </p>
        )}
      </Show>
    </Show>
  );
}
