import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { formatWhen, yuan } from '../../../lib/format';
import type { ProgramPage } from './program';

/** The program's clubs, its activities coming up, and who volunteered for it (names for members only). */
export function ProgramPeople(props: { program: ProgramPage }) {
  const { t, locale } = useI18n();
  return (
    <>
      <section class="card" aria-labelledby="program-clubs">
        <h2 id="program-clubs">{t('program.clubsTitle')}</h2>
        <Show when={props.program.clubs.length > 0} fallback={<p>{t('program.noClubs')}</p>}>
          <ul class="plain program-rows" data-testid="program-clubs">
            <For each={props.program.clubs}>
              {(club) => (
                <li>
                  <A href={`/clubs/${club.id}`}>{club.name}</A>{' '}
                  <span class="help">{t('program.clubMembers', { count: String(club.memberCount) })}</span>
                  <Show when={club.status === 'dormant'}>
                    {' '}
                    <span class="tag warn">{t('program.dormant')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p>
          <A href="/clubs">{t('program.proposeClub')}</A>
        </p>
      </section>

      <section class="card" aria-labelledby="program-activities">
        <h2 id="program-activities">{t('program.activitiesTitle')}</h2>
        <Show when={props.program.activities.length > 0} fallback={<p>{t('program.noActivities')}</p>}>
          <ul class="plain program-rows" data-testid="program-activities">
            <For each={props.program.activities}>
              {(a) => (
                <li>
                  <A href={`/activities/${a.id}`}>{a.title}</A>
                  <br />
                  <span class="help">
                    {formatWhen(a.startsAt, locale())} · {a.place}
                    <Show when={a.clubName}> · {a.clubName}</Show> ·{' '}
                    {t('program.places', { confirmed: String(a.confirmed), capacity: String(a.capacity) })}
                    <Show when={a.feeFen > 0}> · {yuan(a.feeFen)}</Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section class="card" aria-labelledby="program-volunteers">
        <h2 id="program-volunteers">{t('program.volunteersTitle')}</h2>
        <p>{t('program.volunteersCount', { count: String(props.program.volunteers.count) })}</p>
        <Show when={props.program.volunteers.people} fallback={<p class="help">{t('program.volunteersNamesForMembers')}</p>}>
          {(people) => (
            <ul class="plain program-rows" data-testid="program-volunteers">
              <For each={people()}>
                {(v) => (
                  <li>
                    {v.displayName} <span class="help">{t('program.volunteerHours', { hours: String(v.hours) })}</span>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
      </section>
    </>
  );
}
