import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { type BodyKey, type IssueState, type IssueStep, stepTarget } from '../../../lib/coordination';
import { today } from '../../../lib/format';
import type { Committee, Issue } from './issue';

/** Steps whose note must be filled in (the API refuses them without one). */
const NOTE_REQUIRED: IssueStep[] = ['resolved-directly', 'deferred'];

/** The steps the reader may take from here, each with its form: merge into, refer to a body, name an owner and a due date, a note. */
export function NextSteps(props: {
  id: string;
  issue: Issue;
  steps: IssueStep[];
  bodies: { key: string; name: { zh: string; en: string | null } }[];
  committees: Committee[] | undefined;
  isCoordinator: boolean;
  reload: () => Promise<unknown> | unknown;
}) {
  const { t, pick } = useI18n();
  const [others] = createResource(
    () => (props.steps.includes('merged') ? props.id : undefined),
    () => request(api.api.issues.$get()).catch(() => null),
  );
  const mergeCandidates = () => (others()?.issues ?? []).filter((i) => String(i.id) !== props.id && i.state !== 'merged');

  const [error, setError] = createSignal<unknown>();
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

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
      await request(api.api.issues[':id'].transitions.$post({ param: { id: props.id }, json: body }));
      setMessage(t(`issue.stepDone_${step}`));
      setOpen(null);
      setNote('');
      await props.reload();
    } catch (e) {
      setError(e);
      // Someone else may have moved the issue meanwhile: show where it is now, and the steps left from there.
      if (e instanceof ApiError && e.code === 'conflict') {
        setOpen(null);
        await props.reload();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={message()}>
        <p class="notice" role="status">
          {message()}
        </p>
      </Show>
      <ErrorMessage error={error()} detail />

      <Show when={props.steps.length > 0 || (props.issue.state === 'referred' && props.isCoordinator)}>
        <section class="organiser" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('issue.nextSteps')}</h2>
          <Show when={props.issue.state === 'referred'}>
            <p class="help">
              {t('issue.referredHelp')} <A href="/meetings">{t('issue.toMeetings')}</A>
            </p>
          </Show>
          <div class="actions">
            <For each={props.steps}>
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
                      <For each={props.bodies}>
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
                        <For each={props.committees ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
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
    </>
  );
}
