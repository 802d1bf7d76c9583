import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useMembership } from '../../components/member-gate';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatRange } from '../../lib/format';
import { BookingForm } from './booking-form';
import { SlotRequestForm } from './slot-request-form';

/**
 * A shared space's bookings for the next four weeks: who holds it when, and the activity each booking is for, as
 * far as the reader may see (visitors see clubs, not residents' names); members book it below.
 */
export default function SpaceCalendar() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const [spaces] = createResource(() => request(api.api.spaces.$get()));
  const [bookings, { refetch }] = createResource(
    () => params.id,
    (id) => request(api.api.spaces[':id'].bookings.$get({ param: { id }, query: {} })),
  );
  const space = () => spaces()?.spaces.find((s) => String(s.id) === params.id);
  const { member, isAdmin } = useMembership();
  const [cancelError, setCancelError] = createSignal<unknown>();
  // A resident's own booking, or any for an administrator; the server decides (a booking that holds an activity
  // is released with the activity instead).
  const canCancel = (b: { bookedBy: string | null; clubName: string | null; activityId: number | null }) =>
    b.activityId === null && (isAdmin() || (b.clubName === null && b.bookedBy !== null && b.bookedBy === member()?.displayName));
  async function cancel(id: number) {
    setCancelError(undefined);
    try {
      await request(api.api.bookings[':id'].$delete({ param: { id: String(id) } }));
      await refetch();
    } catch (err) {
      setCancelError(err);
    }
  }
  return (
    <section class="space-calendar">
      <h1>{space()?.name ?? t('activity.space')}</h1>
      <Show when={space()}>
        {(s) => (
          <p class="lead">
            {t('activity.spaceFacts', { opens: s().opensAt, closes: s().closesAt, capacity: String(s().capacity) })}
            <Show when={s().rules}>
              <span class="help block">{s().rules}</span>
            </Show>
          </p>
        )}
      </Show>
      <ErrorMessage error={spaces.error ?? bookings.error} />
      <ErrorMessage error={cancelError()} detail />
      <h2>{t('activity.spaceCalendar')}</h2>
      <Show when={bookings()}>
        {(data) => (
          <Show when={data().bookings.length > 0} fallback={<p class="card empty">{t('activity.spaceNoBookings')}</p>}>
            <ul class="rows card" data-testid="space-bookings">
              <For each={data().bookings}>
                {(b) => (
                  <li>
                    <span>
                      <strong>{formatRange(b.startsAt, b.endsAt, locale())}</strong>
                      <span class="help block">
                        {b.clubName ?? b.bookedBy ?? t('spaces.byResident')} · {b.purpose ?? t('spaces.booked')}
                        <Show when={b.people}>{(n) => <> · {t('spaces.people', { count: String(n()) })}</>}</Show>
                      </span>
                    </span>
                    <Show when={canCancel(b)}>
                      <button
                        type="button"
                        class="button secondary"
                        aria-label={t('spaces.cancelNamed', { when: formatRange(b.startsAt, b.endsAt, locale()) })}
                        onClick={() => void cancel(b.id)}
                      >
                        {t('spaces.cancel')}
                      </button>
                    </Show>
                    <Show when={b.activityId !== null ? b.activityId : null}>
                      {(activityId) => (
                        <A href={`/activities/${activityId()}`}>{t('activity.spaceBookingFor', { title: b.activityTitle ?? '' })}</A>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={space()}>{(s) => <BookingForm space={s()} onBooked={refetch} />}</Show>
      <Show when={space()}>{(s) => <SlotRequestForm spaceId={s().id} />}</Show>
    </section>
  );
}
