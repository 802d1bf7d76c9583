import { For, type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/coordination';

export interface History {
  signups: {
    signupId: number;
    activityId: number;
    title: string;
    startsAt: string;
    checkedInAt: string | null;
    onBehalfBy: string | null;
  }[];
  issues: { id: number; title: string; onBehalfBy: string | null }[];
  needs: { id: number; title: string; onBehalfBy: string | null }[];
  hours: { id: number; servedOn: string; minutes: number; note: string; activityTitle: string | null; onBehalfBy: string | null }[];
}

/** 由 X 代为登记, beside anything someone recorded on the member's behalf. */
function Mark(props: { by: string | null }) {
  const { t } = useI18n();
  return <Show when={props.by}>{(by) => <span class="tag on-behalf">{t('assisted.onBehalf', { name: by() })}</span>}</Show>;
}

function Part<T>(props: { title: string; rows: T[]; children: (row: T) => JSX.Element }) {
  const { t } = useI18n();
  return (
    <section class="card">
      <h2>{props.title}</h2>
      <Show when={props.rows.length > 0} fallback={<p class="help">{t('assisted.nothing')}</p>}>
        <ul class="rows">
          <For each={props.rows}>{(row) => <li>{props.children(row)}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}

/** A member's activities, issues, needs and hours, each marked when someone recorded it for them. */
export function HistoryList(props: { history: History; signupAction?: (row: History['signups'][number]) => JSX.Element }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Part title={t('assisted.activities')} rows={props.history.signups}>
        {(s) => (
          <span>
            <a href={`/activities/${s.activityId}`}>{s.title}</a>
            <span class="help block">{formatDateTime(s.startsAt, locale())}</span>
            <Mark by={s.onBehalfBy} /> {s.checkedInAt ? <span class="tag">{t('assisted.checkedIn')}</span> : props.signupAction?.(s)}
          </span>
        )}
      </Part>
      <Part title={t('assisted.issues')} rows={props.history.issues}>
        {(i) => (
          <span>
            <a href={`/issues/${i.id}`}>{i.title}</a> <Mark by={i.onBehalfBy} />
          </span>
        )}
      </Part>
      <Part title={t('assisted.needs')} rows={props.history.needs}>
        {(n) => (
          <span>
            <a href={`/needs/${n.id}`}>{n.title}</a> <Mark by={n.onBehalfBy} />
          </span>
        )}
      </Part>
      <Part title={t('assisted.hours')} rows={props.history.hours}>
        {(h) => (
          <span>
            {h.servedOn} · {t('assisted.minutes', { n: String(h.minutes) })} · {h.activityTitle ?? h.note} <Mark by={h.onBehalfBy} />
          </span>
        )}
      </Part>
    </>
  );
}
