import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { loadActivity } from '../activities/activity-detail/activity';

/** A holiday programme's parent rota: guardians claim days; the organiser adds them. */
export default function RotaPage() {
  const params = useParams<{ id: string }>();
  const { t } = useI18n();
  const { member } = useMembership();
  const [activity] = createResource(() => member() && params.id, loadActivity);
  const [rota, { refetch }] = createResource(
    () => member() && params.id,
    (id) => request(api.api.activities[':id'].rota.$get({ param: { id } })),
  );
  const action = createAction(() => refetch());
  const [day, setDay] = createSignal('');
  const [needed, setNeeded] = createSignal('2');
  const [note, setNote] = createSignal('');
  const isResponsible = () => activity.latest?.responsibleMemberId === member()?.id;

  return (
    <section class="children-rota">
      <MemberGate next={`/activities/${params.id}/rota`} />
      <Show when={activity.latest}>
        {(a) => (
          <>
            <h1>{t('children.rotaTitle', { title: a().title })}</h1>
            <p class="lead">{t('children.rotaIntro')}</p>
            <p>
              <A href={`/activities/${params.id}`}>{t('children.back')}</A>
            </p>
          </>
        )}
      </Show>
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <ErrorMessage error={action.error() ?? rota.error} detail />
      <Show when={rota.latest}>
        {(r) => (
          <Show when={r().days.length > 0} fallback={<p class="card empty">{t('children.noDays')}</p>}>
            <ul class="book-list">
              <For each={r().days}>
                {(d) => (
                  <li class="card">
                    <div class="book-main">
                      <strong>{d.day}</strong>
                      <span class="help block">
                        {t('children.parentsOf', { n: String(d.parents.length), needed: String(d.needed) })}
                        <Show when={d.note}> · {d.note}</Show>
                      </span>
                      <span class="help block">{d.parents.map((p) => p.name).join('、')}</span>
                    </div>
                    <Show when={!d.mine} fallback={<span class="tag">{t('children.mine')}</span>}>
                      <Show when={d.parents.length < d.needed}>
                        <button
                          type="button"
                          class="button secondary"
                          aria-label={t('children.claimNamed', { day: d.day })}
                          disabled={action.busy()}
                          onClick={() =>
                            void action.run(
                              () =>
                                request(
                                  api.api.activities[':id'].rota[':dayId'].claims.$post({ param: { id: params.id, dayId: String(d.id) } }),
                                ),
                              t('children.claimed'),
                            )
                          }
                        >
                          {t('children.claim')}
                        </button>
                      </Show>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={isResponsible()}>
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(
              () =>
                request(
                  api.api.activities[':id'].rota.$post({
                    param: { id: params.id },
                    json: { days: [{ day: day(), needed: Number(needed()), note: note().trim() }] },
                  }),
                ),
              t('children.dayAdded'),
            );
          }}
        >
          <h2>{t('children.addDay')}</h2>
          <div class="field">
            <label for="rota-day">{t('children.day')}</label>
            <input id="rota-day" type="date" required value={day()} onInput={(e) => setDay(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="rota-needed">{t('children.needed')}</label>
            <input
              id="rota-needed"
              type="number"
              min="1"
              max="10"
              required
              value={needed()}
              onInput={(e) => setNeeded(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="rota-note">{t('children.note')}</label>
            <input id="rota-note" maxlength="60" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button" disabled={action.busy()}>
            {t('children.addDay')}
          </button>
        </form>
      </Show>
    </section>
  );
}
