import { createMemo, createSignal, For, type Resource, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { type Activity, HAPPENED } from './activity';
import type { RosterData } from './roster';
import { dayOf } from '../../../lib/format';

/**
 * Once the activity has happened, its responsible person records who volunteered at it and for how long; each
 * volunteer then confirms their own hours on the volunteering page.
 */
export function VolunteerHoursForm(props: {
  id: string;
  activity: Activity;
  roster: Resource<RosterData>;
  isResponsible: boolean;
  action: Action;
}) {
  const { t } = useI18n();
  // The people who held a place, once each (a parent who brought children is one volunteer).
  const people = createMemo(() => {
    const rows = props.roster.state === 'ready' || props.roster.state === 'refreshing' ? props.roster().signups : [];
    const seen = new Map<number, string>();
    for (const s of rows) if (s.status === 'confirmed' && !seen.has(s.memberId)) seen.set(s.memberId, s.displayName);
    return [...seen].map(([id, name]) => ({ id, name }));
  });
  const [memberId, setMemberId] = createSignal('');
  const [hours, setHours] = createSignal('2');
  const [note, setNote] = createSignal('');
  function submit(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(
      () =>
        request(
          api.api['volunteer-hours'].$post({
            json: {
              memberId: Number(memberId()),
              activityId: Number(props.id),
              servedOn: dayOf(props.activity.startsAt),
              minutes: Math.round(Number(hours()) * 60),
              note: note().trim() || undefined,
            },
          }),
        ),
      t('activity.hoursRecorded'),
    );
  }
  return (
    <Show when={HAPPENED.includes(props.activity.state) && props.isResponsible && people().length > 0}>
      <form class="card" onSubmit={submit} aria-labelledby="volunteer-hours-title">
        <h3 id="volunteer-hours-title">{t('activity.hoursTitle')}</h3>
        <p class="help">{t('activity.hoursHelp')}</p>
        <div class="field">
          <label for="hours-member">{t('activity.hoursVolunteer')}</label>
          <select id="hours-member" required value={memberId()} onChange={(e) => setMemberId(e.currentTarget.value)}>
            <option value="">{t('activity.hoursChoose')}</option>
            <For each={people()}>{(p) => <option value={String(p.id)}>{p.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="hours-amount">{t('activity.hoursAmount')}</label>
          <input
            id="hours-amount"
            type="number"
            inputmode="decimal"
            required
            min="0.25"
            max="24"
            step="0.25"
            value={hours()}
            onInput={(e) => setHours(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="hours-note">{t('activity.hoursNote')}</label>
          <input id="hours-note" type="text" maxlength="300" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={props.action.busy()}>
          {t('activity.hoursSubmit')}
        </button>
      </form>
    </Show>
  );
}
