import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import type { Overview } from './coordinator';

type Visit = Overview['concerns'][number];
const visitParam = (v: Visit) => ({ param: { id: String(v.recipientId), visitId: String(v.id) } });

/** Concerns volunteers raised, newest first, each with a form to record the follow-up. */
export function ConcernList(props: { concerns: Visit[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  async function followUp(e: SubmitEvent, v: Visit) {
    e.preventDefault();
    const note = String(new FormData(e.currentTarget as HTMLFormElement).get('note') ?? '').trim();
    setError(undefined);
    try {
      await request(api.api['care-recipients'][':id'].visits[':visitId']['follow-up'].$post({ ...visitParam(v), json: { note } }));
      props.onChanged();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section aria-labelledby="concerns-title">
      <h2 id="concerns-title">{t('careCoordinator.concerns')}</h2>
      <ErrorMessage error={error()} detail />
      <Show when={props.concerns.length > 0} fallback={<p class="card empty">{t('careCoordinator.noConcerns')}</p>}>
        <ul class="book-list">
          <For each={props.concerns}>
            {(v) => (
              <li class="card">
                <strong>
                  <A href={`/care/recipients/${v.recipientId}`}>{v.recipientName}</A> · {v.visitedOn} · {v.volunteerName}
                </strong>
                <p>{v.observations || v.done}</p>
                <form onSubmit={(e) => void followUp(e, v)}>
                  <div class="field">
                    <label for={`fu-${v.id}`}>{t('careCoordinator.followUpLabel', { name: v.recipientName })}</label>
                    <textarea id={`fu-${v.id}`} name="note" rows="2" required maxlength="1000" />
                  </div>
                  <button type="submit" class="button">
                    {t('careCoordinator.followUp')}
                  </button>
                </form>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** Visits waiting for a coordinator; confirming one banks its hours for the volunteer. */
export function ConfirmList(props: { visits: Visit[]; myId: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  async function confirm(v: Visit) {
    setError(undefined);
    try {
      await request(api.api['care-recipients'][':id'].visits[':visitId'].confirmation.$post(visitParam(v)));
      props.onChanged();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('careCoordinator.toConfirm')}</h2>
      <ErrorMessage error={error()} detail />
      <Show when={props.visits.length > 0} fallback={<p class="card empty">{t('careCoordinator.nothingToConfirm')}</p>}>
        <ul class="book-list">
          <For each={props.visits}>
            {(v) => (
              <li class="card">
                {v.visitedOn} · {v.recipientName} · {v.volunteerName} · {t('careRecipient.minutes', { n: String(v.minutes) })}
                <span class="help block">{v.done}</span>
                <Show when={v.volunteerId !== props.myId}>
                  <button type="button" class="button secondary" onClick={() => void confirm(v)}>
                    {t('careCoordinator.confirm')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** The number of days without a visit before a recipient is flagged. */
export function StaleDaysForm(props: { staleDays: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const staleDays = Number(new FormData(e.currentTarget as HTMLFormElement).get('staleDays'));
    setError(undefined);
    try {
      await request(api.api.care.settings.$put({ json: { staleDays } }));
      props.onChanged();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form class="card" onSubmit={save}>
      <ErrorMessage error={error()} detail />
      <div class="field">
        <label for="care-stale">{t('careCoordinator.staleDays')}</label>
        <input id="care-stale" name="staleDays" type="number" inputmode="numeric" min="3" max="90" required value={props.staleDays} />
      </div>
      <button type="submit" class="button secondary">
        {t('careCoordinator.save')}
      </button>
    </form>
  );
}
