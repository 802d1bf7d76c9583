import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import type { Meeting } from './meeting';

/** The chair adds an agenda item: an issue referred to this body, or a topic of their own, with its papers. */
export function AddItemForm(props: { id: string; meeting: Meeting; action: Action }) {
  const { t } = useI18n();
  // Referred issues for this body (and, for a committee meeting, those this committee studies).
  const [referred, { refetch: refetchReferred }] = createResource(
    () => props.id,
    async () =>
      (await request(api.api.issues.$get())).issues.filter(
        (i) =>
          i.state === 'referred' &&
          i.bodyKey === props.meeting.body.key &&
          (props.meeting.body.key !== 'professional-committees' || i.studyCommitteeId === props.meeting.committee?.id),
      ),
  );
  const [source, setSource] = createSignal<'issue' | 'free'>('issue');
  createEffect(
    on(
      () => referred()?.length,
      (n) => n === 0 && setSource('free'),
    ),
  );
  const [issueId, setIssueId] = createSignal('');
  const [itemTitle, setItemTitle] = createSignal('');
  const [presenter, setPresenter] = createSignal('');
  const [minutes, setMinutes] = createSignal('15');
  const [papers, setPapers] = createSignal('');
  function addItem(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(async () => {
      await request(
        api.api.meetings[':id'].items.$post({
          param: { id: props.id },
          json: {
            issueId: source() === 'issue' && issueId() ? Number(issueId()) : undefined,
            title: source() === 'free' ? itemTitle().trim() : undefined,
            presenter: presenter().trim(),
            minutesAllotted: Number(minutes()),
            papers: papers(),
          },
        }),
      );
      setIssueId('');
      setItemTitle('');
      setPapers('');
      await refetchReferred();
    }, t('meeting.itemAdded'));
  }

  return (
    <section aria-labelledby="add-item-title">
      <h2 id="add-item-title">{t('meeting.addItemTitle')}</h2>
      <form class="card" onSubmit={addItem}>
        <fieldset class="plain-fieldset">
          <legend>{t('meeting.itemSource')}</legend>
          <label class="radio">
            <input
              type="radio"
              name="item-source"
              value="issue"
              checked={source() === 'issue'}
              disabled={(referred()?.length ?? 0) === 0}
              onChange={() => setSource('issue')}
            />
            {t('meeting.sourceIssue', { count: String(referred()?.length ?? 0) })}
          </label>
          <label class="radio">
            <input type="radio" name="item-source" value="free" checked={source() === 'free'} onChange={() => setSource('free')} />
            {t('meeting.sourceFree')}
          </label>
        </fieldset>
        <Show
          when={source() === 'issue'}
          fallback={
            <div class="field">
              <label for="item-title">{t('meeting.itemTitle')}</label>
              <input
                id="item-title"
                type="text"
                required
                maxlength="80"
                value={itemTitle()}
                onInput={(e) => setItemTitle(e.currentTarget.value)}
              />
            </div>
          }
        >
          <div class="field">
            <label for="item-issue">{t('meeting.itemIssue')}</label>
            <select id="item-issue" required value={issueId()} onChange={(e) => setIssueId(e.currentTarget.value)}>
              <option value="">{t('issue.chooseIssue')}</option>
              <For each={referred() ?? []}>
                {(i) => (
                  <option value={String(i.id)}>
                    #{i.id} {i.title}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <div class="field-row">
          <div class="field">
            <label for="item-presenter">{t('meeting.presenter')}</label>
            <input
              id="item-presenter"
              type="text"
              required
              maxlength="40"
              value={presenter()}
              onInput={(e) => setPresenter(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="item-minutes">{t('meeting.minutesAllotted')}</label>
            <input
              id="item-minutes"
              type="number"
              required
              min="1"
              max="240"
              value={minutes()}
              onInput={(e) => setMinutes(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="field">
          <label for="item-papers">{t('meeting.papers')}</label>
          <textarea
            id="item-papers"
            rows="5"
            maxlength="20000"
            value={papers()}
            onInput={(e) => setPapers(e.currentTarget.value)}
            aria-describedby="item-papers-help"
          />
          <span class="help" id="item-papers-help">
            {t('meeting.papersHelp')}
          </span>
        </div>
        <button type="submit" class="button" disabled={props.action.busy()}>
          {t('meeting.addItemSubmit')}
        </button>
      </form>
    </section>
  );
}
