import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { editableStates } from '../../../lib/budget';
import { formatRange, yuan } from '../../../lib/format';
import type { Activity } from './activity';

/** When and where (with the booked space), for whom and at what fee; the calendar file and editing; the places taken. */
export function ActivityFacts(props: { activity: Activity; isResponsible: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      <dl class="facts-list card">
        <div>
          <dt>{t('activity.when')}</dt>
          <dd>{formatRange(props.activity.startsAt, props.activity.endsAt, locale())}</dd>
        </div>
        <div>
          <dt>{t('activity.where')}</dt>
          <dd>{props.activity.place}</dd>
        </div>
        <Show when={props.activity.space}>
          {(space) => (
            <div data-testid="activity-space">
              <dt>{t('activity.space')}</dt>
              <dd>
                {space().name}
                <span class="help block">
                  {t('activity.spaceFacts', { opens: space().opensAt, closes: space().closesAt, capacity: String(space().capacity) })}
                </span>
                <Show when={space().rules}>
                  <span class="help block">{space().rules}</span>
                </Show>
                <span class="tag">{props.activity.booking?.borrowed ? t('activity.spaceBorrowed') : t('activity.spaceBooked')}</span>
                <A class="block" href={`/spaces/${space().id}`}>
                  {t('activity.spaceCalendarLink')}
                </A>
              </dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{t('activity.audience')}</dt>
          <dd>{t(`audience.${props.activity.audience}`)}</dd>
        </div>
        <div>
          <dt>{t('activity.fee')}</dt>
          <dd>{props.activity.feeFen === 0 ? t('money.free') : yuan(props.activity.feeFen)}</dd>
        </div>
      </dl>
      <Show when={props.activity.description}>
        <p class="description">{props.activity.description}</p>
      </Show>
      <div class="actions">
        <a
          class="button secondary"
          href={`/api/activities/${props.activity.id}/calendar.ics`}
          download={`activity-${props.activity.id}.ics`}
        >
          {t('activity.addToCalendar')}
        </a>
        <Show when={props.activity.isOrganiser && props.isResponsible && editableStates.includes(props.activity.state)}>
          <A class="button secondary" href={`/activities/${props.activity.id}/edit`}>
            {t('activity.edit')}
          </A>
        </Show>
      </div>

      <h2>{t('activity.places')}</h2>
      <div class="stats">
        <div class="stat">
          <strong>
            {props.activity.places.confirmed}/{props.activity.capacity}
          </strong>
          {t('activity.confirmed')}
        </div>
        <div class="stat">
          <strong>{props.activity.places.free}</strong>
          {t('activity.free')}
        </div>
        <div class="stat">
          <strong>{props.activity.places.waitlisted}</strong>
          {t('activity.waitlisted')}
        </div>
        <Show when={props.activity.places.checkedIn > 0}>
          <div class="stat">
            <strong>{props.activity.places.checkedIn}</strong>
            {t('activity.checkedIn')}
          </div>
        </Show>
      </div>
    </>
  );
}
