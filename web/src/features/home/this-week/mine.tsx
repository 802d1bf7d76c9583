import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { formatWhen } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { CalendarFeed } from './calendar-feed';
import type { Overview } from './overview';

/** The member's own corner of the week: their sign-ups (to cancel), their clubs, volunteering, and their calendar feed. */
export function Mine(props: { overview: Overview | undefined; reload: () => Promise<unknown> | unknown }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  const [cancelError, setCancelError] = createSignal<unknown>();
  async function cancel(activityId: number, signupId: number) {
    setCancelError(undefined);
    try {
      await request(
        api.api.activities[':id'].signups[':signupId'].$delete({ param: { id: String(activityId), signupId: String(signupId) } }),
      );
      await props.reload();
    } catch (error) {
      setCancelError(error);
    }
  }
  return (
    <div class="grid">
      <div class="card">
        <h3>{t('week.mySignups')}</h3>
        <ErrorMessage error={cancelError()} />
        <Show when={(props.overview?.signups.length ?? 0) > 0} fallback={<p>{t('week.noSignups')}</p>}>
          <ul class="rows">
            <For each={props.overview?.signups ?? []}>
              {(s) => (
                <li>
                  <span>
                    <A href={`/activities/${s.activityId}`}>{s.title}</A>
                    <span class="help block">
                      {formatWhen(s.startsAt, locale())} · {s.place}
                      <Show when={s.participant}> · {s.participant}</Show>
                    </span>
                  </span>
                  <span class="tag" classList={{ warn: s.status === 'waitlisted' }}>
                    {label(`signupStatus.${s.status}`, s.status)}
                  </span>
                  <Show when={['approved', 'open', 'closed'].includes(s.state)}>
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => void cancel(s.activityId, s.signupId)}
                      aria-label={t('week.cancelFor', { title: s.title })}
                    >
                      {t('week.cancel')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
      <div class="card">
        <h3>{t('week.myClubs')}</h3>
        <Show when={(props.overview?.clubs.length ?? 0) > 0} fallback={<p>{t('week.noClubs')}</p>}>
          <ul class="rows">
            <For each={props.overview?.clubs ?? []}>
              {(c) => (
                <li>
                  <A href={`/clubs/${c.id}`}>{c.name}</A>
                  <Show when={c.role === 'leader'}>
                    <span class="tag">{t('clubs.leader')}</span>
                  </Show>
                  <Show when={c.status !== 'active'}>
                    <span class="tag warn">{label(`clubStatus.${c.status}`, c.status)}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p>
          <A href="/clubs">{t('week.allClubs')}</A>
        </p>
      </div>
      <div class="card">
        <h3>{t('week.volunteering')}</h3>
        <p>{t('week.volunteeringBody')}</p>
        <p>
          <A href="/volunteering">{t('week.volunteeringLink')}</A>
        </p>
      </div>
      <CalendarFeed />
      <div class="card">
        <h3>{t('personalData.linksTitle')}</h3>
        <p>{t('personalData.linksBody')}</p>
        <ul class="plain">
          <li>
            <A href="/me/profile">{t('personalData.profileLink')}</A>
          </li>
          <li>
            <A href="/me/data">{t('personalData.dataLink')}</A>
          </li>
          <li>
            <A href="/me/leave">{t('personalData.leaveLink')}</A>
          </li>
        </ul>
      </div>
    </div>
  );
}
