import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatRange } from '../../../lib/format';
import type { ActivityForm } from './activity-form';
import { clashOf } from './clash';
import type { PlaceOptions } from './place-options';

/** Where: a place typed in, a shared space booked for the activity, or one of the club's weekly bookings; and why the server refused it. */
export function PlaceField(props: { form: ActivityForm; options: PlaceOptions; error: unknown; invalid: (field: string) => boolean }) {
  const { t, locale } = useI18n();
  const form = props.form;
  const clash = () => clashOf(props.error);
  return (
    <>
      <div class="field" classList={{ invalid: props.invalid('spaceId') || props.invalid('bookingId') || clash() !== null }}>
        <label for="a-place-choice">{t('activityEditor.placeKind')}</label>
        <select
          id="a-place-choice"
          value={form.placeChoice()}
          onChange={(e) => form.setPlaceChoice(e.currentTarget.value)}
          aria-describedby="a-place-help a-place-problem"
          aria-invalid={props.invalid('spaceId') || props.invalid('bookingId') || clash() !== null}
        >
          <option value="" selected={form.placeChoice() === ''}>
            {t('activityEditor.placeTyped')}
          </option>
          <Show when={props.options.spaceOptions().length > 0}>
            <optgroup label={t('activityEditor.placeSpaces')}>
              <For each={props.options.spaceOptions()}>
                {(s) => (
                  <option value={`space:${s.id}`} selected={form.placeChoice() === `space:${s.id}`}>
                    {t('activityEditor.placeSpaceOption', {
                      name: s.name,
                      capacity: String(s.capacity),
                      opens: s.opensAt,
                      closes: s.closesAt,
                    })}
                  </option>
                )}
              </For>
            </optgroup>
          </Show>
          <Show when={props.options.bookingOptions().length > 0}>
            <optgroup label={t('activityEditor.placeClubBookings')}>
              <For each={props.options.bookingOptions()}>
                {(b) => (
                  <option value={`booking:${b.id}`} selected={form.placeChoice() === `booking:${b.id}`}>
                    {t('activityEditor.placeBookingOption', {
                      space: b.spaceName,
                      when: formatRange(b.startsAt, b.endsAt, locale()),
                      purpose: b.purpose,
                    })}
                  </option>
                )}
              </For>
            </optgroup>
          </Show>
        </select>
        <span class="help" id="a-place-help">
          <Show
            when={props.options.chosenSpace()}
            fallback={
              props.options.places.state === 'ready' && props.options.spaceOptions().length === 0
                ? t('activityEditor.noSpaces')
                : t('activityEditor.placeHelp')
            }
          >
            {(space) => (
              <>
                {t('activityEditor.placeSpaceFacts', {
                  name: space().name,
                  opens: space().opensAt,
                  closes: space().closesAt,
                  capacity: String(space().capacity),
                  rules: space().rules,
                })}
                <Show when={props.options.chosenBooking()}>
                  {(booking) => (
                    <span class="block">
                      {t('activityEditor.placeBookingFacts', { when: formatRange(booking().startsAt, booking().endsAt, locale()) })}
                    </span>
                  )}
                </Show>
              </>
            )}
          </Show>
        </span>
        <span id="a-place-problem" role="alert">
          <Show when={clash()}>
            {(c) => (
              <span class="field-error block">
                {t('activityEditor.placeClash', {
                  who: c().who,
                  when: formatRange(c().startsAt, c().endsAt, locale()),
                  purpose: c().purpose,
                })}
              </span>
            )}
          </Show>
          <Show when={!clash() && props.invalid('bookingId') && props.error instanceof ApiError && props.error.code === 'conflict'}>
            <span class="field-error block">{t('activityEditor.placeTaken')}</span>
          </Show>
          <Show
            when={
              props.options.chosenSpace() && (props.invalid('startsAt') || props.invalid('endsAt')) ? props.options.chosenSpace() : null
            }
          >
            {(space) => (
              <span class="field-error block">
                {t('activityEditor.outsideHours', { name: space().name, opens: space().opensAt, closes: space().closesAt })}
              </span>
            )}
          </Show>
        </span>
      </div>
      <Show when={form.placeChoice() === ''}>
        <div class="field" classList={{ invalid: props.invalid('place') }}>
          <label for="a-place">{t('activityEditor.place')}</label>
          <input
            id="a-place"
            type="text"
            required
            maxlength="80"
            value={form.place()}
            onInput={(e) => form.setPlace(e.currentTarget.value)}
          />
        </div>
      </Show>
    </>
  );
}
