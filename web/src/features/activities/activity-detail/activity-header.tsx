import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ShareButton } from '../../../components/share-button';
import { useI18n } from '../../../i18n';
import { type Activity, PROCESS } from './activity';

/** The way back (to the club or this week), the title, state and responsible person, and where the activity is on its path. */
export function ActivityHeader(props: { activity: Activity }) {
  const { t, pick } = useI18n();
  return (
    <>
      <p class="no-print">
        <Show when={props.activity.club} fallback={<A href="/this-week">{t('activity.backToWeek')}</A>}>
          {(club) => <A href={`/clubs/${club().id}`}>{t('activity.backToClub', { name: club().name })}</A>}
        </Show>
      </p>
      <header class="activity-head">
        <h1>{props.activity.title}</h1>
        <p>
          <span class="tag" classList={{ warn: props.activity.state === 'cancelled' }}>
            {t(`activityState.${props.activity.state}`)}
          </span>
          <Show when={props.activity.club}>{(club) => <span class="tag">{club().name}</span>}</Show>
        </p>
        <p class="no-print">
          <ShareButton title={props.activity.title} />
        </p>
        <Show when={props.activity.program}>
          {(program) => (
            <p class="activity-program">
              {t('activity.program')}
              <A href={`/programs/${program().key}`}>{pick(program().name)}</A>
            </p>
          )}
        </Show>
        <p class="responsible">
          {t('activity.responsible', { name: props.activity.responsible?.displayName ?? t('clubs.namesForMembers') })}{' '}
          <span class="help">{t('principles.whoProposes')}</span>
        </p>
      </header>
      <Show
        when={props.activity.state !== 'cancelled'}
        fallback={<p class="alert">{t('activity.cancelledBecause', { reason: props.activity.cancelledReason || '—' })}</p>}
      >
        <ol class="steps compact" aria-label={t('activity.process')}>
          <For each={PROCESS}>
            {(s, i) => (
              <li
                classList={{ done: PROCESS.indexOf(props.activity.state) > i(), current: props.activity.state === s }}
                aria-current={props.activity.state === s ? 'step' : undefined}
              >
                <span class="dot" aria-hidden="true">
                  {PROCESS.indexOf(props.activity.state) > i() ? '✓' : i() + 1}
                </span>
                {t(`activityState.${s}`)}
              </li>
            )}
          </For>
        </ol>
      </Show>
    </>
  );
}
