import { For, type Resource, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatTime } from '../../../lib/format';
import { type Activity, CHECK_IN_STATES } from './activity';
import { nameOrErased } from '../../settings/erased-name';

export const loadRoster = (id: string) => request(api.api.activities[':id'].signups.$get({ param: { id } }));
export type RosterData = Awaited<ReturnType<typeof loadRoster>>;

/** Who signed up (and who brought whom); the responsible person checks people in from the list. */
export function Roster(props: { id: string; activity: Activity; roster: Resource<RosterData>; isResponsible: boolean; action: Action }) {
  const { t, locale } = useI18n();
  const rows = () =>
    props.roster.state === 'ready' || props.roster.state === 'refreshing'
      ? props.roster().signups.filter((s) => s.status !== 'cancelled')
      : [];
  return (
    <>
      <ErrorMessage error={props.roster.error} />
      <Show when={rows().length > 0}>
        <h3 class="subhead">{t('activity.roster', { count: String(rows().length) })}</h3>
        <ul class="rows roster">
          <For each={rows()}>
            {(s) => (
              <li>
                <span>
                  {nameOrErased(s.participant, t('retention.erased')) || s.displayName}
                  <Show when={s.isChild}>
                    {' '}
                    <span class="tag">{t('activity.child')}</span>
                  </Show>
                  <Show when={s.participant}>
                    <span class="help block">{t('activity.broughtBy', { name: s.displayName })}</span>
                  </Show>
                </span>
                <span class="tag" classList={{ warn: s.status === 'waitlisted' }}>
                  {t(`signupStatus.${s.status}`)}
                </span>
                <Show
                  when={s.checkedInAt}
                  fallback={
                    <Show when={s.status === 'confirmed' && props.isResponsible && CHECK_IN_STATES.includes(props.activity.state)}>
                      <button
                        type="button"
                        class="button secondary"
                        disabled={props.action.busy()}
                        aria-label={t('activity.checkInNamed', {
                          name: nameOrErased(s.participant, t('retention.erased')) || s.displayName,
                        })}
                        onClick={() =>
                          void props.action.run(() =>
                            request(api.api.activities[':id'].checkins.$post({ param: { id: props.id }, json: { signupId: s.id } })),
                          )
                        }
                      >
                        {t('activity.checkInButton')}
                      </button>
                    </Show>
                  }
                >
                  {(at) => <span class="tag">{t('activity.checkedInAt', { time: formatTime(at(), locale()) })}</span>}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
