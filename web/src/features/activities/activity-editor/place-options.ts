import { createResource } from 'solid-js';
import { api, request } from '../../../lib/api';
import type { ActivityForm } from './activity-form';

/** The shared spaces, and the club's bookings the activity could use (only for a signed-in member), and the one chosen. */
export function createPlaceOptions(form: ActivityForm, options: { signedIn: () => boolean; activityId: () => string | undefined }) {
  const [places] = createResource(
    () => (options.signedIn() ? { clubId: form.clubId() } : undefined),
    ({ clubId: club }) => request(api.api['activity-places'].$get({ query: club ? { clubId: club } : {} })).catch(() => null),
  );
  const spaceOptions = () => places()?.spaces ?? [];
  const bookingOptions = () =>
    (places()?.bookings ?? []).filter((b) => b.activityId === null || String(b.activityId) === options.activityId());
  const chosenSpace = () => {
    const [kind, id] = form.placeChoice().split(':');
    if (kind === 'space') return spaceOptions().find((s) => String(s.id) === id) ?? null;
    if (kind === 'booking') {
      const booking = bookingOptions().find((b) => String(b.id) === id);
      return booking ? (spaceOptions().find((s) => s.id === booking.spaceId) ?? null) : null;
    }
    return null;
  };
  const chosenBooking = () => {
    const [kind, id] = form.placeChoice().split(':');
    return kind === 'booking' ? (bookingOptions().find((b) => String(b.id) === id) ?? null) : null;
  };
  const overCapacity = () => {
    const space = chosenSpace();
    return space !== null && Number(form.capacity()) > space.capacity;
  };
  return { places, spaceOptions, bookingOptions, chosenSpace, chosenBooking, overCapacity };
}

export type PlaceOptions = ReturnType<typeof createPlaceOptions>;
