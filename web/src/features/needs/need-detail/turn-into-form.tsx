import { createResource, createSignal, For, Match, Switch } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { localInputToIso } from '../../../lib/format';
import { needOutcomes } from '../../../../../worker/community/needs/rules';
import type { NeedDetailData } from './need';

type Kind = (typeof needOutcomes)[number];

/** The claimant (or a coordinator) turns the need into a draft activity, a club proposal or a program's task, prefilled from it. */
export function TurnIntoForm(props: { need: NeedDetailData; action: Action; onTurned: (to: { activityId: number | null }) => void }) {
  const { t, pick } = useI18n();
  const [kind, setKind] = createSignal<Kind>('activity');
  const [programs] = createResource(() => request(api.api.community.$get()).then((c) => c.programs));
  const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const param = { id: String(props.need.id) };
    const k = kind();
    const json =
      k === 'activity'
        ? {
            kind: k,
            title: field(form, 'title'),
            startsAt: localInputToIso(field(form, 'startsAt')) ?? '',
            endsAt: localInputToIso(field(form, 'endsAt')) ?? '',
            place: field(form, 'place') || undefined,
            capacity: Number(field(form, 'capacity')),
          }
        : k === 'club'
          ? { kind: k, name: field(form, 'name'), purpose: field(form, 'purpose') }
          : { kind: k, programKey: field(form, 'programKey'), note: field(form, 'note') };
    void props.action.run(
      async () => {
        const turned = await request(api.api.needs[':id']['turn-into'].$post({ param, json }));
        props.onTurned(turned);
      },
      t('need.turned', { what: t(`need.kind_${k}`) }),
    );
  }

  return (
    <form class="card turn-into" onSubmit={submit} aria-labelledby="turn-into-title">
      <h3 id="turn-into-title">{t('need.turnTitle')}</h3>
      <div class="field">
        <label for="turn-kind">{t('need.turnKind')}</label>
        <select id="turn-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          <For each={[...needOutcomes]}>{(k) => <option value={k}>{t(`need.kind_${k}`)}</option>}</For>
        </select>
      </div>
      <Switch>
        <Match when={kind() === 'activity'}>
          <div class="field">
            <label for="turn-title">{t('need.activityTitle')}</label>
            <input id="turn-title" type="text" name="title" required minlength="2" maxlength="80" value={props.need.title} />
          </div>
          <div class="field-row">
            <div class="field">
              <label for="turn-starts">{t('need.startsAt')}</label>
              <input id="turn-starts" name="startsAt" type="datetime-local" required />
            </div>
            <div class="field">
              <label for="turn-ends">{t('need.endsAt')}</label>
              <input id="turn-ends" name="endsAt" type="datetime-local" required />
            </div>
          </div>
          <div class="field-row">
            <div class="field">
              <label for="turn-place">{t('need.place')}</label>
              <input id="turn-place" type="text" name="place" maxlength="120" />
            </div>
            <div class="field">
              <label for="turn-capacity">{t('need.capacity')}</label>
              <input
                id="turn-capacity"
                name="capacity"
                type="number"
                min="1"
                max="5000"
                required
                value={String(Math.max(10, props.need.meToo + 1))}
              />
            </div>
          </div>
        </Match>
        <Match when={kind() === 'club'}>
          <div class="field">
            <label for="turn-club">{t('need.clubName')}</label>
            <input id="turn-club" type="text" name="name" required minlength="2" maxlength="40" />
          </div>
          <div class="field">
            <label for="turn-purpose">{t('need.clubPurpose')}</label>
            <textarea
              id="turn-purpose"
              name="purpose"
              rows="3"
              required
              minlength="4"
              maxlength="1000"
              value={props.need.description || props.need.title}
            />
          </div>
        </Match>
        <Match when={kind() === 'program-task'}>
          <div class="field">
            <label for="turn-program">{t('need.program')}</label>
            <select id="turn-program" name="programKey" required>
              <For each={programs() ?? []}>{(p) => <option value={p.key}>{pick(p.name)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="turn-note">{t('need.taskNote')}</label>
            <textarea id="turn-note" name="note" rows="3" required minlength="2" maxlength="1000" />
          </div>
        </Match>
      </Switch>
      <button type="submit" class="button" disabled={props.action.busy()}>
        {t('need.turnSubmit')}
      </button>
    </form>
  );
}
