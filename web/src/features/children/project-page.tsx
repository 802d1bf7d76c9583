import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';

/** A 小小建筑师 project: its stages with dates, outputs and photos; the lead adds and finishes stages and raises designs. */
export default function ProjectPage() {
  const params = useParams<{ id: string }>();
  const { t } = useI18n();
  const { member, isAdmin } = useMembership();
  const [project, { refetch }] = createResource(
    () => member() && params.id,
    (id) => request(api.api['architect-projects'][':id'].$get({ param: { id } })),
  );
  const action = createAction(() => refetch());
  const isLead = () => project.latest?.leadMemberId === member()?.id || isAdmin();
  const [title, setTitle] = createSignal('');
  const [startsOn, setStartsOn] = createSignal('');
  const [endsOn, setEndsOn] = createSignal('');
  const [output, setOutput] = createSignal('');
  const [activityId, setActivityId] = createSignal('');
  const stageParam = (stageId: number) => ({ param: { id: params.id, stageId: String(stageId) } });

  return (
    <section class="architects">
      <MemberGate next={`/little-architects/${params.id}`} />
      <p>
        <A href="/little-architects">{t('architects.title')}</A>
      </p>
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <ErrorMessage error={action.error() ?? project.error} detail />
      <Show when={project.latest}>
        {(p) => (
          <>
            <h1>{p().title}</h1>
            <p class="lead">{p().summary}</p>
            <p class="help">{t('architects.lead', { name: p().leadName })}</p>
            <h2>{t('architects.stages')}</h2>
            <Show when={p().stages.length > 0} fallback={<p class="card empty">{t('architects.noStages')}</p>}>
              <ol class="book-list">
                <For each={p().stages}>
                  {(s) => (
                    <li class="card">
                      <div class="book-main">
                        <strong>{s.title}</strong>
                        <span class="help block">
                          {s.startsOn} – {s.endsOn} · {s.state === 'finished' ? t('architects.finished') : t('architects.planned')}
                        </span>
                        <Show when={s.output}>
                          <span class="help block">{s.output}</span>
                        </Show>
                        <Show when={s.activityId}>
                          <A href={`/activities/${s.activityId}`}>{t('architects.photos', { n: String(s.photos) })}</A>
                        </Show>
                        <Show when={s.issueId}>
                          <A href={`/issues/${s.issueId}`}>{t('architects.issue')}</A>
                        </Show>
                      </div>
                      <Show when={isLead()}>
                        <Show when={s.state !== 'finished'}>
                          <button
                            type="button"
                            class="button secondary"
                            disabled={action.busy()}
                            onClick={() =>
                              void action.run(() =>
                                request(api.api['architect-projects'][':id'].stages[':stageId'].finish.$post(stageParam(s.id))),
                              )
                            }
                          >
                            {t('architects.finish')}
                          </button>
                        </Show>
                        <Show when={s.state === 'finished' && s.issueId === null}>
                          <button
                            type="button"
                            class="button secondary"
                            disabled={action.busy()}
                            onClick={() =>
                              void action.run(
                                () => request(api.api['architect-projects'][':id'].stages[':stageId'].issue.$post(stageParam(s.id))),
                                t('architects.raised'),
                              )
                            }
                          >
                            {t('architects.toIssue')}
                          </button>
                        </Show>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <Show when={isLead()}>
              <form
                class="card"
                onSubmit={(e) => {
                  e.preventDefault();
                  void action.run(
                    () =>
                      request(
                        api.api['architect-projects'][':id'].stages.$post({
                          param: { id: params.id },
                          json: {
                            title: title().trim(),
                            startsOn: startsOn(),
                            endsOn: endsOn(),
                            output: output().trim(),
                            activityId: activityId() ? Number(activityId()) : null,
                          },
                        }),
                      ),
                    t('architects.stageAdded'),
                  );
                }}
              >
                <h2>{t('architects.addStage')}</h2>
                <div class="field">
                  <label for="stage-title">{t('architects.stageTitle')}</label>
                  <input id="stage-title" required maxlength="40" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="stage-starts">{t('architects.startsOn')}</label>
                  <input id="stage-starts" type="date" required value={startsOn()} onInput={(e) => setStartsOn(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="stage-ends">{t('architects.endsOn')}</label>
                  <input id="stage-ends" type="date" required value={endsOn()} onInput={(e) => setEndsOn(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="stage-output">{t('architects.output')}</label>
                  <textarea id="stage-output" maxlength="300" value={output()} onInput={(e) => setOutput(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="stage-activity">{t('architects.activityId')}</label>
                  <input
                    id="stage-activity"
                    type="number"
                    min="1"
                    value={activityId()}
                    onInput={(e) => setActivityId(e.currentTarget.value)}
                  />
                </div>
                <button type="submit" class="button" disabled={action.busy()}>
                  {t('architects.addStage')}
                </button>
              </form>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
