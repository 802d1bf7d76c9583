import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { NeedDetailData } from './need';

/** What the need became: the activity (a link once the reader may open it), the club proposal, or the program's task. */
export function NeedOutcome(props: { need: NeedDetailData }) {
  const { t, pick } = useI18n();
  return (
    <Show when={props.need.outcome}>
      {(outcome) => (
        <section class="card need-outcome" aria-labelledby="need-outcome-title">
          <h2 id="need-outcome-title">{t(`needOutcome.${outcome()}`)}</h2>
          <Show when={props.need.activity}>
            {(activity) => (
              <Show
                when={activity().opens}
                fallback={
                  <p>
                    {t('need.activityLink', { title: activity().title })}
                    <br />
                    {t('need.activityDraft')}
                  </p>
                }
              >
                <p>
                  <A href={`/activities/${activity().id}`}>{t('need.activityLink', { title: activity().title })}</A>
                </p>
              </Show>
            )}
          </Show>
          <Show when={props.need.club}>
            {(club) => (
              <p>
                <A href={`/clubs/${club().id}`}>{t('need.clubLink', { name: club().name })}</A>
              </p>
            )}
          </Show>
          <Show when={props.need.program}>{(program) => <p>{t('need.programTask', { name: pick(program().name) })}</p>}</Show>
          <Show when={props.need.closingNote}>
            {(note) => (
              <p>
                <strong>{t('need.closingNote')}</strong> {note()}
              </p>
            )}
          </Show>
        </section>
      )}
    </Show>
  );
}
