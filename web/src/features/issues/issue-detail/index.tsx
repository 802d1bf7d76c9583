import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { ApiError, api, request } from '../../../lib/api';
import {
  type BodyKey,
  FINISHED_STATES,
  formatDateTime,
  type IssueState,
  type IssueStep,
  issueSteps,
  stepTarget,
  useCoordinationRoles,
} from '../../../lib/coordination';
import { formatDate, today } from '../../../lib/format';

/** Steps whose note must be filled in (the API refuses them without one). */
const NOTE_REQUIRED: IssueStep[] = ['resolved-directly', 'deferred'];

/** One issue's whole path: a timeline of who moved it when, time per stage, the decision, and the reader's next steps. */
export default function IssueDetail() {
  const params = useParams<{ id: string }>();
  const { t, pick, locale } = useI18n();
  const { member, isCoordinator } = useCoordinationRoles();
  const [issue, { refetch }] = createResource(
    () => (member() ? params.id : undefined),
    (id) => request(api.api.issues[':id'].$get({ param: { id } })),
  );
  const current = () => (issue.state === 'ready' || issue.state === 'refreshing' ? issue() : undefined);
  const [buildings] = createResource(() => request(api.api.buildings.$get()).catch(() => null));
  const [community] = createResource(() => request(api.api.community.$get()).catch(() => null));
  const bodyName = (key: string | null) => {
    const body = community()?.bodies.find((b) => b.key === key);
    return body ? pick(body.name) : (key ?? '');
  };
  const buildingName = (id: number | null) => buildings()?.buildings.find((b) => b.id === id)?.name ?? null;
  /** The reader is a confirmed contact of this issue's building. */
  const isBuildingContact = () => {
    const b = buildings()?.buildings.find((x) => x.id === current()?.buildingId);
    return b?.contacts.some((c) => c.id === member()?.id) ?? false;
  };
  const steps = () => {
    const i = current();
    if (!i) return [];
    const actors: ('contact' | 'coordinator')[] = [];
    if (isCoordinator()) actors.push('coordinator');
    if (isBuildingContact()) actors.push('contact');
    return issueSteps(i.state, actors, i.outcome);
  };
  const [others] = createResource(
    () => (steps().includes('merged') ? params.id : undefined),
    () => request(api.api.issues.$get()).catch(() => null),
  );
  const mergeCandidates = () => (others()?.issues ?? []).filter((i) => String(i.id) !== params.id && i.state !== 'merged');

  const [error, setError] = createSignal<unknown>();
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  // Committees: who studies a referred issue, who assists an adopted decision.
  const [committees] = createResource(
    () => member()?.id,
    async () => (await request(api.api.committees.$get())).committees,
  );
  const inStudy = () => {
    const i = current();
    return i?.state === 'referred' && i.bodyKey === 'professional-committees' && i.studyCommittee !== null;
  };
  /** The reader sits on the committee studying the issue (or coordinates), so may record its recommendation. */
  const canRecommend = () => {
    const committee = committees()?.find((c) => c.id === current()?.studyCommittee?.id);
    return isCoordinator() || (committee?.members.some((m) => m.memberId !== null && m.memberId === member()?.id) ?? false);
  };
  const canAssign = () => {
    const i = current();
    return (
      isCoordinator() && i?.outcome === 'adopted' && (i.state === 'decided' || i.state === 'implementing') && i.assistCommittee === null
    );
  };
  const governance = createAction(() => refetch());
  const { run } = governance;
  // Support: the API says whether the reader already supported it (one support each).
  const support = () => run(() => request(api.api.issues[':id'].support.$post({ param: { id: params.id } })));
  const [recommendation, setRecommendation] = createSignal('');
  function recommend(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      await request(api.api.issues[':id'].recommendation.$post({ param: { id: params.id }, json: { text: recommendation().trim() } }));
      setRecommendation('');
    }, t('governance.recommendedNotice'));
  }
  const [assistId, setAssistId] = createSignal('');
  function assign(event: SubmitEvent) {
    event.preventDefault();
    void run(
      () => request(api.api.issues[':id'].assist.$post({ param: { id: params.id }, json: { committeeId: Number(assistId()) } })),
      t('governance.assignedNotice'),
    );
  }

  // The step being taken, and its fields.
  const [open, setOpen] = createSignal<IssueStep | null>(null);
  const [note, setNote] = createSignal('');
  const [mergedInto, setMergedInto] = createSignal('');
  const [bodyKey, setBodyKey] = createSignal<BodyKey>('joint-meeting');
  const [studyCommittee, setStudyCommittee] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const [dueOn, setDueOn] = createSignal('');
  function choose(step: IssueStep) {
    setOpen(open() === step ? null : step);
    setError(undefined);
    setMessage('');
    requestAnimationFrame(() => document.getElementById('step-form')?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  }
  async function take(event: SubmitEvent) {
    event.preventDefault();
    const step = open();
    if (!step) return;
    setBusy(true);
    setError(undefined);
    setMessage('');
    const body: {
      to: IssueState;
      note?: string;
      mergedInto?: number;
      bodyKey?: BodyKey;
      committeeId?: number;
      outcome?: 'deferred';
      owner?: string;
      dueOn?: string;
    } = {
      to: stepTarget(step),
      note: note().trim() || undefined,
    };
    if (step === 'merged') body.mergedInto = Number(mergedInto().replace(/^#/, ''));
    if (step === 'referred') {
      body.bodyKey = bodyKey();
      if (bodyKey() === 'professional-committees') body.committeeId = Number(studyCommittee());
    }
    if (step === 'deferred') body.outcome = 'deferred';
    if (step === 'implementing') {
      body.owner = owner().trim();
      body.dueOn = dueOn();
    }
    try {
      await request(api.api.issues[':id'].transitions.$post({ param: { id: params.id }, json: body }));
      setMessage(t(`issue.stepDone_${step}`));
      setOpen(null);
      setNote('');
      await refetch();
    } catch (e) {
      setError(e);
      // Someone else may have moved the issue meanwhile: show where it is now, and the steps left from there.
      if (e instanceof ApiError && e.code === 'conflict') {
        setOpen(null);
        await refetch();
      }
    } finally {
      setBusy(false);
    }
  }

  const maxDays = () => Math.max(1, ...(current()?.stages.map((s) => s.days) ?? [1]));
  const stateLabel = (state: string) => t(`issueState.${state as IssueState}`);

  return (
    <section class="issue coordination">
      <p class="no-print">
        <A href="/issues">{t('issue.back')}</A>
      </p>
      <MemberGate next={`/issues/${params.id}`} />
      <ErrorMessage error={issue.error} />
      <Show
        when={current()}
        fallback={
          <Show when={member() && !issue.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(i) => (
          <>
            <header>
              <h1>
                <span class="issue-number">#{i().id}</span> {i().title}
              </h1>
              <p class="tags">
                <span class="tag">{stateLabel(i().state)}</span>
                <Show when={i().overdue}>
                  <span class="tag warn">{t('issues.overdue')}</span>
                </Show>
                <span class="tag outline">{t(`issueCategory.${i().category}`)}</span>
              </p>
            </header>
            <Show when={i().overdue}>
              <p class="alert">{t('issue.overdueBanner', { state: stateLabel(i().state), days: String(i().waitingDays) })}</p>
            </Show>

            <dl class="facts-list card">
              <div>
                <dt>{t('issue.raisedBy')}</dt>
                <dd>{i().raiserName ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('issues.building')}</dt>
                <dd>{buildingName(i().buildingId) ?? t('issues.wholeCommunity')}</dd>
              </div>
              <div>
                <dt>{t('issues.raisedOn')}</dt>
                <dd>{formatDate(i().createdAt, locale())}</dd>
              </div>
              <div>
                <dt>{t('issues.waiting')}</dt>
                <dd>{t('issue.inStateFor', { state: stateLabel(i().state), days: String(i().waitingDays) })}</dd>
              </div>
              <Show when={i().bodyKey}>
                <div>
                  <dt>{t('issue.body')}</dt>
                  <dd>{bodyName(i().bodyKey)}</dd>
                </div>
              </Show>
            </dl>
            <p class="description">{i().description}</p>

            <div class="issue-support">
              <span>{t('issues.supports', { count: String(i().supports) })}</span>
              <Show when={!FINISHED_STATES.includes(i().state)}>
                <button
                  type="button"
                  class="button secondary"
                  aria-pressed={i().supportedByMe}
                  disabled={i().supportedByMe || governance.busy()}
                  onClick={() => void support()}
                >
                  {i().supportedByMe ? t('issues.supported') : t('issues.support')}
                </button>
              </Show>
            </div>

            <Show when={i().mergedInto}>
              {(target) => (
                <p class="notice">
                  {t('issue.mergedInto')} <A href={`/issues/${target()}`}>#{target()}</A>
                </p>
              )}
            </Show>

            <Show when={i().outcome}>
              {(outcome) => (
                <section class="card decision" classList={{ adopted: outcome() === 'adopted' }} aria-labelledby="decision-title">
                  <h2 id="decision-title">{t('issue.decisionTitle')}</h2>
                  <p>
                    <span class="tag" classList={{ warn: outcome() !== 'adopted' }}>
                      {t(`issueOutcome.${outcome()}`)}
                    </span>
                  </p>
                  <Show when={i().decisionText}>
                    <blockquote class="decision-text">{i().decisionText}</blockquote>
                  </Show>
                  <Show when={i().implementationOwner}>
                    <p>
                      {t('issue.implementation', {
                        owner: i().implementationOwner ?? '',
                        due: i().dueOn ? formatDate(i().dueOn ?? '', locale()) : '—',
                      })}
                    </p>
                  </Show>
                </section>
              )}
            </Show>

            <Show when={i().studyCommittee}>
              {(committee) => (
                <section class="card study" aria-labelledby="study-title">
                  <h2 id="study-title">{t('governance.studyTitle')}</h2>
                  <Show
                    when={i().recommendation}
                    fallback={
                      <p>
                        {t('governance.studying', { committee: committee().name })}{' '}
                        <A href="/committees">{t('governance.committeesTitle')}</A>
                      </p>
                    }
                  >
                    {(text) => (
                      <>
                        <h3>{t('governance.recommendationBy', { committee: committee().name })}</h3>
                        <blockquote class="decision-text">{text()}</blockquote>
                        <Show when={i().recommendedAt}>
                          {(at) => <p class="help">{t('governance.recommendedOn', { date: formatDate(at(), locale()) })}</p>}
                        </Show>
                      </>
                    )}
                  </Show>
                  <Show when={inStudy() && canRecommend()}>
                    <form class="inline-form" onSubmit={recommend}>
                      <div class="field">
                        <label for="recommendation">{t('governance.recommendationLabel')}</label>
                        <textarea
                          id="recommendation"
                          rows="3"
                          required
                          minlength="4"
                          maxlength="4000"
                          value={recommendation()}
                          onInput={(e) => setRecommendation(e.currentTarget.value)}
                          aria-describedby="recommendation-help"
                        />
                        <span class="help" id="recommendation-help">
                          {t('governance.recommendationHelp')}
                        </span>
                      </div>
                      <button type="submit" class="button" disabled={governance.busy() || recommendation().trim().length < 4}>
                        {t('governance.recommend')}
                      </button>
                    </form>
                  </Show>
                </section>
              )}
            </Show>

            <Show when={i().assistCommittee || canAssign()}>
              <section class="card assist" aria-labelledby="assist-title">
                <h2 id="assist-title">{t('governance.assistTitle')}</h2>
                <Show when={i().assistCommittee}>{(committee) => <p>{t('governance.assisting', { committee: committee().name })}</p>}</Show>
                <Show when={canAssign()}>
                  <form class="inline-form" onSubmit={assign}>
                    <div class="field">
                      <label for="assist-committee">{t('governance.assistLabel')}</label>
                      <select id="assist-committee" required value={assistId()} onChange={(e) => setAssistId(e.currentTarget.value)}>
                        <option value="">{t('governance.chooseCommittee')}</option>
                        <For each={committees() ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
                      </select>
                    </div>
                    <button type="submit" class="button secondary" disabled={governance.busy() || !assistId()}>
                      {t('governance.assign')}
                    </button>
                  </form>
                </Show>
              </section>
            </Show>

            <Show when={governance.message()}>
              <p class="notice" role="status">
                {governance.message()}
              </p>
            </Show>
            <ErrorMessage error={governance.error()} detail />
            <Show when={message()}>
              <p class="notice" role="status">
                {message()}
              </p>
            </Show>
            <ErrorMessage error={error()} detail />

            <Show when={steps().length > 0 || (i().state === 'referred' && isCoordinator())}>
              <section class="organiser" aria-labelledby="steps-title">
                <h2 id="steps-title">{t('issue.nextSteps')}</h2>
                <Show when={i().state === 'referred'}>
                  <p class="help">
                    {t('issue.referredHelp')} <A href="/meetings">{t('issue.toMeetings')}</A>
                  </p>
                </Show>
                <div class="actions">
                  <For each={steps()}>
                    {(step) => (
                      <button
                        type="button"
                        class="button"
                        classList={{ secondary: open() !== step }}
                        aria-expanded={open() === step}
                        aria-controls="step-form"
                        onClick={() => choose(step)}
                      >
                        {t(`issue.step_${step}`)}
                      </button>
                    )}
                  </For>
                </div>
                <Show when={open()}>
                  {(step) => (
                    <form id="step-form" class="card inline-form" onSubmit={take}>
                      <h3>{t(`issue.step_${step()}`)}</h3>
                      <p class="help">{t(`issue.stepHelp_${step()}`)}</p>
                      <Show when={step() === 'merged'}>
                        <div class="field">
                          <label for="step-merge">{t('issue.mergeInto')}</label>
                          <select id="step-merge" required value={mergedInto()} onChange={(e) => setMergedInto(e.currentTarget.value)}>
                            <option value="">{t('issue.chooseIssue')}</option>
                            <For each={mergeCandidates()}>
                              {(o) => (
                                <option value={String(o.id)}>
                                  #{o.id} {o.title}
                                </option>
                              )}
                            </For>
                          </select>
                        </div>
                      </Show>
                      <Show when={step() === 'referred'}>
                        <div class="field">
                          <label for="step-body">{t('issue.referTo')}</label>
                          <select id="step-body" value={bodyKey()} onChange={(e) => setBodyKey(e.currentTarget.value as BodyKey)}>
                            <For each={community()?.bodies ?? []}>
                              {(b) => (
                                <option value={b.key} selected={b.key === bodyKey()}>
                                  {pick(b.name)}
                                </option>
                              )}
                            </For>
                          </select>
                        </div>
                        <Show when={bodyKey() === 'professional-committees'}>
                          <div class="field">
                            <label for="step-committee">{t('governance.referCommittee')}</label>
                            <select
                              id="step-committee"
                              required
                              value={studyCommittee()}
                              onChange={(e) => setStudyCommittee(e.currentTarget.value)}
                            >
                              <option value="">{t('governance.chooseCommittee')}</option>
                              <For each={committees() ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
                            </select>
                          </div>
                        </Show>
                      </Show>
                      <Show when={step() === 'implementing'}>
                        <div class="field-row">
                          <div class="field">
                            <label for="step-owner">{t('issue.owner')}</label>
                            <input
                              id="step-owner"
                              type="text"
                              required
                              maxlength="80"
                              value={owner()}
                              onInput={(e) => setOwner(e.currentTarget.value)}
                            />
                          </div>
                          <div class="field">
                            <label for="step-due">{t('issue.dueOn')}</label>
                            <input
                              id="step-due"
                              type="date"
                              required
                              min={today()}
                              value={dueOn()}
                              onInput={(e) => setDueOn(e.currentTarget.value)}
                            />
                          </div>
                        </div>
                      </Show>
                      <div class="field">
                        <label for="step-note">
                          {NOTE_REQUIRED.includes(step())
                            ? t(`issue.noteRequired_${step() as 'deferred' | 'resolved-directly'}`)
                            : t('issue.note')}
                        </label>
                        <textarea
                          id="step-note"
                          rows="3"
                          maxlength="1000"
                          required={NOTE_REQUIRED.includes(step())}
                          value={note()}
                          onInput={(e) => setNote(e.currentTarget.value)}
                        />
                      </div>
                      <div class="actions">
                        <button type="submit" class="button" disabled={busy()}>
                          {t('issue.confirmStep', { step: t(`issue.step_${step()}`) })}
                        </button>
                        <button type="button" class="button secondary" onClick={() => setOpen(null)}>
                          {t('issue.cancel')}
                        </button>
                      </div>
                    </form>
                  )}
                </Show>
              </section>
            </Show>

            <section aria-labelledby="path-title">
              <h2 id="path-title">{t('issue.pathTitle')}</h2>
              <ol class="timeline" aria-label={t('issue.pathTitle')} data-testid="issue-timeline">
                <For each={i().events}>
                  {(event, n) => (
                    <li classList={{ current: n() === i().events.length - 1 }}>
                      <span class="dot" aria-hidden="true" />
                      <div>
                        <p class="timeline-head">
                          <strong>{stateLabel(event.toState)}</strong>
                          <time datetime={event.at}>{formatDateTime(event.at, locale())}</time>
                        </p>
                        <p class="help">
                          <Show when={event.actor} fallback={t('issue.byNobody')}>
                            {(actor) => t('issue.by', { name: actor() })}
                          </Show>
                          <Show when={i().stages[n()]}>
                            {(stage) => (
                              <>
                                {' '}
                                ·{' '}
                                {n() === i().events.length - 1
                                  ? t('issue.stageSoFar', { days: String(stage().days) })
                                  : t('issue.stageDays', { days: String(stage().days) })}
                              </>
                            )}
                          </Show>
                        </p>
                        <Show when={event.note}>
                          <p class="timeline-note">{event.note}</p>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ol>
            </section>

            <section aria-labelledby="stages-title">
              <h2 id="stages-title">{t('issue.stagesTitle')}</h2>
              <ul class="stage-bars plain">
                <For each={i().stages}>
                  {(stage) => (
                    <li>
                      <span class="stage-label">{stateLabel(stage.state)}</span>
                      <span class="stage-bar" aria-hidden="true">
                        <span style={{ width: `${Math.max(2, (stage.days / maxDays()) * 100)}%` }} />
                      </span>
                      <span class="num">{t('issue.days', { days: String(stage.days) })}</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </>
        )}
      </Show>
    </section>
  );
}
