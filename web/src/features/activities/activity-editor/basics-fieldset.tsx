import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { ActivityForm } from './activity-form';
import { PlaceField } from './place-field';
import type { PlaceOptions } from './place-options';

/** What, which club, when and where, how many places and how many people are expected. */
export function BasicsFieldset(props: {
  form: ActivityForm;
  places: PlaceOptions;
  /** A new activity may belong to one of the reader's active clubs. */
  editing: boolean;
  myClubs: { id: number; name: string }[];
  /** The programs switched on, which an activity without a club may count for. */
  programs: { key: string; name: { zh: string; en: string } }[];
  clubActivity: boolean;
  /** The form was submitted once, so a missing value shows. */
  submitted: boolean;
  error: unknown;
  invalid: (field: string) => boolean;
}) {
  const { t, pick } = useI18n();
  const form = props.form;
  return (
    <fieldset>
      <legend>{t('activityEditor.basics')}</legend>
      <div class="field" classList={{ invalid: props.invalid('title') }}>
        <label for="a-title">{t('activityEditor.title')}</label>
        <input
          id="a-title"
          type="text"
          required
          minlength="2"
          maxlength="80"
          value={form.title()}
          onInput={(e) => form.setTitle(e.currentTarget.value)}
        />
      </div>
      <Show when={!props.editing}>
        <div class="field">
          <label for="a-club">{t('activityEditor.club')}</label>
          <select id="a-club" value={form.clubId()} onChange={(e) => form.setClubId(e.currentTarget.value)} aria-describedby="a-club-help">
            <option value="">{t('activityEditor.noClub')}</option>
            <For each={props.myClubs}>
              {(c) => (
                <option value={String(c.id)} selected={form.clubId() === String(c.id)}>
                  {c.name}
                </option>
              )}
            </For>
          </select>
          <span class="help" id="a-club-help">
            {t('activityEditor.clubHelp')}
          </span>
        </div>
      </Show>
      <Show when={!props.clubActivity} fallback={<p class="help">{t('activityEditor.programFromClub')}</p>}>
        <div class="field" classList={{ invalid: props.invalid('programKey') }}>
          <label for="a-program">{t('activityEditor.program')}</label>
          <select
            id="a-program"
            value={form.programKey()}
            onChange={(e) => form.setProgramKey(e.currentTarget.value)}
            aria-describedby="a-program-help"
          >
            <option value="">{t('activityEditor.noProgram')}</option>
            <For each={props.programs}>
              {(p) => (
                <option value={p.key} selected={form.programKey() === p.key}>
                  {pick(p.name)}
                </option>
              )}
            </For>
          </select>
          <span class="help" id="a-program-help">
            {t('activityEditor.programHelp')}
          </span>
        </div>
      </Show>
      <div class="field">
        <label for="a-description">{t('activityEditor.description')}</label>
        <textarea
          id="a-description"
          rows="4"
          maxlength="4000"
          value={form.description()}
          onInput={(e) => form.setDescription(e.currentTarget.value)}
        />
      </div>
      <div class="field-row">
        <div class="field" classList={{ invalid: props.invalid('startsAt') }}>
          <label for="a-start">{t('activityEditor.startsAt')}</label>
          <input
            id="a-start"
            type="datetime-local"
            required
            value={form.startsAt()}
            onInput={(e) => form.setStartsAt(e.currentTarget.value)}
          />
        </div>
        <div class="field" classList={{ invalid: props.invalid('endsAt') || Boolean(form.timeProblem()) }}>
          <label for="a-end">{t('activityEditor.endsAt')}</label>
          <input
            id="a-end"
            type="datetime-local"
            required
            min={form.startsAt()}
            value={form.endsAt()}
            onInput={(e) => form.setEndsAt(e.currentTarget.value)}
            aria-describedby="a-end-error"
          />
          <Show when={form.timeProblem() || props.invalid('endsAt')}>
            <span class="field-error" id="a-end-error">
              {t('activityEditor.endAfterStart')}
            </span>
          </Show>
        </div>
      </div>
      <PlaceField form={form} options={props.places} error={props.error} invalid={props.invalid} />
      <div class="field-row">
        <div class="field" classList={{ invalid: props.invalid('capacity') || props.places.overCapacity() }}>
          <label for="a-capacity">{t('activityEditor.capacity')}</label>
          <input
            id="a-capacity"
            type="number"
            inputmode="numeric"
            required
            min="1"
            max={String(props.places.chosenSpace()?.capacity ?? 5000)}
            step="1"
            value={form.capacity()}
            onInput={(e) => form.setCapacity(e.currentTarget.value)}
            aria-invalid={props.invalid('capacity') || props.places.overCapacity()}
            aria-describedby="a-capacity-error"
          />
          <Show
            when={
              props.places.chosenSpace() && (props.places.overCapacity() || props.invalid('capacity')) ? props.places.chosenSpace() : null
            }
          >
            {(space) => (
              <span class="field-error" id="a-capacity-error">
                {t('activityEditor.overCapacity', { name: space().name, capacity: String(space().capacity) })}
              </span>
            )}
          </Show>
        </div>
        <div
          class="field"
          classList={{ invalid: props.invalid('expectedParticipants') || (props.submitted && form.expectedValue() === null) }}
        >
          <label for="a-expected">{t('activityEditor.expected')}</label>
          <input
            id="a-expected"
            type="number"
            inputmode="numeric"
            required
            min="0"
            max="5000"
            step="1"
            value={form.expected()}
            onInput={(e) => form.setExpected(e.currentTarget.value)}
            aria-describedby="a-expected-help"
          />
          <span class="help" id="a-expected-help">
            {t('activityEditor.expectedHelp')}
          </span>
        </div>
      </div>
      <div class="field">
        <label for="a-max-places">{t('activityEditor.maxPlaces')}</label>
        <input
          id="a-max-places"
          type="number"
          inputmode="numeric"
          required
          min="1"
          max="20"
          step="1"
          value={form.maxPlaces()}
          onInput={(e) => form.setMaxPlaces(e.currentTarget.value)}
          aria-describedby="a-max-places-help"
        />
        <span class="help" id="a-max-places-help">
          {t('activityEditor.maxPlacesHelp')}
        </span>
      </div>
      <label class="radio">
        <input type="checkbox" checked={form.waitlist()} onChange={(e) => form.setWaitlist(e.currentTarget.checked)} />
        {t('activityEditor.waitlist')}
      </label>
    </fieldset>
  );
}
