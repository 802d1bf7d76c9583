import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDateTime } from '../../../lib/coordination';
import { type ItemPartProps, itemParams } from './meeting';

/** A blocked or undecided item goes back, revised, to a later meeting of the same body; the item then links to it. */
export function BringBack(props: ItemPartProps & { prefix: string; chairs: boolean; action: Action }) {
  const { t, locale } = useI18n();
  const [bringOpen, setBringOpen] = createSignal(false);
  const [later] = createResource(
    () => (bringOpen() ? props.meeting.id : undefined),
    async () =>
      (await request(api.api.meetings.$get())).meetings.filter(
        (x) =>
          x.id !== props.meeting.id &&
          x.status !== 'closed' &&
          x.scheduledFor > props.meeting.scheduledFor &&
          x.bodyKey === props.meeting.body.key &&
          x.committeeId === (props.meeting.committee?.id ?? null),
      ),
  );
  const [toMeeting, setToMeeting] = createSignal('');
  const [revisedPapers, setRevisedPapers] = createSignal('');
  const [revisedPresenter, setRevisedPresenter] = createSignal('');
  const [revisedMinutes, setRevisedMinutes] = createSignal('');
  function openBringBack() {
    setBringOpen(!bringOpen());
    if (!revisedPapers()) setRevisedPapers(props.item.papers);
    if (!revisedPresenter()) setRevisedPresenter(props.item.presenter);
    if (!revisedMinutes()) setRevisedMinutes(String(props.item.minutesAllotted));
  }
  function bringBack(event: SubmitEvent) {
    event.preventDefault();
    const target = later()?.find((x) => String(x.id) === toMeeting());
    void props.action.run(async () => {
      await request(
        api.api.meetings[':id'].items[':itemId']['bring-back'].$post({
          param: itemParams(props.meeting, props.item),
          json: {
            toMeetingId: Number(toMeeting()),
            papers: revisedPapers(),
            presenter: revisedPresenter().trim(),
            minutesAllotted: Number(revisedMinutes()),
          },
        }),
      );
      setBringOpen(false);
      props.action.setMessage(t('meeting.broughtBack', { meeting: target?.title ?? '' }));
    });
  }

  return (
    <>
      <Show when={props.item.broughtBackTo}>
        {(to) => (
          <p class="notice">
            {t('governance.broughtBack')} <A href={`/meetings/${to()}`}>{t('governance.broughtBackLink')}</A>
          </p>
        )}
      </Show>
      <Show when={props.chairs && !props.item.broughtBackTo && (props.item.outcome === 'blocked' || props.item.outcome === 'undecided')}>
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            aria-expanded={bringOpen()}
            aria-controls={`${props.prefix}-bring`}
            onClick={openBringBack}
          >
            {t('meeting.bringBack')}
          </button>
        </div>
        <Show when={bringOpen()}>
          <form id={`${props.prefix}-bring`} class="card inline-form" onSubmit={bringBack}>
            <h4>{t('meeting.bringBack')}</h4>
            <p class="help">{t('meeting.bringBackHelp')}</p>
            <Show
              when={(later()?.length ?? 0) > 0}
              fallback={
                <Show when={!later.loading} fallback={<p>{t('app.loading')}</p>}>
                  <p class="notice">
                    {t('meeting.noLaterMeeting')} <A href="/meetings#schedule-title">{t('meeting.scheduleNext')}</A>
                  </p>
                </Show>
              }
            >
              <div class="field">
                <label for={`${props.prefix}-to`}>{t('meeting.toMeeting')}</label>
                <select id={`${props.prefix}-to`} required value={toMeeting()} onChange={(e) => setToMeeting(e.currentTarget.value)}>
                  <option value="">{t('meeting.chooseMeeting')}</option>
                  <For each={later() ?? []}>
                    {(x) => <option value={String(x.id)}>{`${x.title} · ${formatDateTime(x.scheduledFor, locale())}`}</option>}
                  </For>
                </select>
              </div>
              <div class="field-row">
                <div class="field">
                  <label for={`${props.prefix}-re-presenter`}>{t('meeting.presenter')}</label>
                  <input
                    id={`${props.prefix}-re-presenter`}
                    type="text"
                    required
                    maxlength="40"
                    value={revisedPresenter()}
                    onInput={(e) => setRevisedPresenter(e.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for={`${props.prefix}-re-minutes`}>{t('meeting.minutesAllotted')}</label>
                  <input
                    id={`${props.prefix}-re-minutes`}
                    type="number"
                    required
                    min="1"
                    max="240"
                    value={revisedMinutes()}
                    onInput={(e) => setRevisedMinutes(e.currentTarget.value)}
                  />
                </div>
              </div>
              <div class="field">
                <label for={`${props.prefix}-re-papers`}>{t('meeting.revisedPapers')}</label>
                <textarea
                  id={`${props.prefix}-re-papers`}
                  rows="5"
                  maxlength="20000"
                  value={revisedPapers()}
                  onInput={(e) => setRevisedPapers(e.currentTarget.value)}
                  aria-describedby={`${props.prefix}-re-papers-help`}
                />
                <span class="help" id={`${props.prefix}-re-papers-help`}>
                  {t('meeting.revisedPapersHelp')}
                </span>
              </div>
              <button type="submit" class="button" disabled={props.action.busy()}>
                {t('meeting.bringBackSubmit')}
              </button>
            </Show>
          </form>
        </Show>
      </Show>
    </>
  );
}
