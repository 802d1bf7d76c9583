import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { useLabel } from '../../lib/labels';

/** A start and end on the series' own wall clock (the community's time zone), e.g. "3月8日周六 09:00–12:00". */
function inZone(startIso: string, endIso: string, locale: string, timeZone: string) {
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return `${day.format(new Date(startIso))} ${time.format(new Date(startIso))}–${time.format(new Date(endIso))}`;
}

/** A recurring activity: its rule, the occurrences the reader may see, the next dates; organisers add more or end it. */
export default function SeriesPage() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const label = useLabel();
  const [series, { refetch }] = createResource(
    () => params.id,
    (id) => request(api.api.series[':id'].$get({ param: { id } })),
  );
  const action = createAction(() => refetch());
  const [howMany, setHowMany] = createSignal(1);
  const [confirming, setConfirming] = createSignal(false);
  const s = () => (series.state === 'ready' || series.state === 'refreshing' ? series() : undefined);
  const add = () =>
    action.run(async () => {
      const res = await request(api.api.series[':id'].occurrences.$post({ param: { id: params.id }, json: { count: howMany() } }));
      action.setMessage(t('series.added', { count: res.activityIds.length }));
    });
  const end = () => action.run(() => request(api.api.series[':id'].end.$post({ param: { id: params.id } })), t('series.endDone'));

  return (
    <section class="series">
      <ErrorMessage error={series.error} />
      <Show when={s()}>
        {(sr) => (
          <>
            <h1>{t('series.title', { title: sr().title })}</h1>
            <p class="lead">
              {t('series.rule', { every: sr().every, unit: t(`series.unit_${sr().unit}`) })}
              <Show when={sr().monthlyBy}>{(by) => t('series.ruleMonthBy', { by: t(`series.by_${by()}`) })}</Show>
              <Show when={sr().endCount}>{(n) => <> · {t('series.endsAfter', { count: n() })}</>}</Show>
              <Show when={sr().endUntil}>{(d) => <> · {t('series.endsOn', { date: d() })}</>}</Show>
              <Show when={sr().status === 'ended'}>
                {' '}
                <span class="tag">{t('series.ended')}</span>
              </Show>
            </p>
            <p class="help">{t('series.timeZone', { zone: sr().timeZone })}</p>
            <Show when={sr().club}>{(club) => <A href={`/clubs/${club().id}`}>{club().name}</A>}</Show>
            <h2>{t('series.occurrences')}</h2>
            <Show when={sr().occurrences.length > 0} fallback={<p class="empty">{t('series.noOccurrences')}</p>}>
              <ul class="rows occurrences">
                <For each={sr().occurrences}>
                  {(o) => (
                    <li class="row card" data-activity={o.activityId}>
                      <A href={`/activities/${o.activityId}`}>{inZone(o.startsAt, o.endsAt, locale(), sr().timeZone)}</A>{' '}
                      <span class="tag">{label(`activityState.${o.state}`, o.state)}</span>{' '}
                      <span class="help">
                        {t('series.places', { confirmed: o.confirmed, capacity: o.capacity })} · {t('series.fee', { fee: yuan(o.feeFen) })}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={sr().upcoming.length > 0}>
              <h2>{t('series.upcoming')}</h2>
              <ul class="rows">
                <For each={sr().upcoming}>{(u) => <li class="row">{inZone(u.startsAt, u.endsAt, locale(), sr().timeZone)}</li>}</For>
              </ul>
            </Show>
            <Show when={sr().canManage && sr().status === 'active'}>
              <section class="card organiser" aria-labelledby="series-manage">
                <h2 id="series-manage">{t('series.addNext')}</h2>
                <div class="toolbar">
                  <div class="field">
                    <label for="series-add-count">{t('series.addCount')}</label>
                    <input
                      id="series-add-count"
                      type="number"
                      min={1}
                      max={12}
                      value={howMany()}
                      onInput={(e) => setHowMany(Number(e.currentTarget.value))}
                    />
                  </div>
                  <button type="button" class="button" disabled={action.busy() || sr().upcoming.length === 0} onClick={() => void add()}>
                    {t('series.add')}
                  </button>
                </div>
                <Show
                  when={confirming()}
                  fallback={
                    <button type="button" class="button secondary" onClick={() => setConfirming(true)}>
                      {t('series.end')}
                    </button>
                  }
                >
                  <p class="help">{t('series.endConfirm')}</p>
                  <button type="button" class="button" disabled={action.busy()} onClick={() => void end()}>
                    {t('series.end')}
                  </button>
                </Show>
              </section>
            </Show>
            <ErrorMessage error={action.error()} detail />
            <Show when={action.message()}>
              <p class="notice success" role="status">
                {action.message()}
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
