import { createEffect, createSignal, on, Show } from 'solid-js';
import { MarkdownView } from '../../../components/markdown-view';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import type { Meeting } from './meeting';

/** The minutes of a closed meeting: the chair edits the drafted text and publishes it; everyone reads it once published. */
export function Minutes(props: { id: string; meeting: Meeting; chairs: boolean; action: Action }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = createSignal('');
  createEffect(
    on(
      () => (props.meeting.status === 'closed' && !props.meeting.minutesPublishedAt ? props.meeting.minutes : undefined),
      (text) => text && !draft() && setDraft(text),
    ),
  );
  const [preview, setPreview] = createSignal(false);
  function publish(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(
      () => request(api.api.meetings[':id'].minutes.$post({ param: { id: props.id }, json: { text: draft().trim() } })),
      t('meeting.minutesPublishedNotice'),
    );
  }
  return (
    <section aria-labelledby="minutes-title" class="minutes">
      <h2 id="minutes-title">{t('meeting.minutesTitle')}</h2>
      <Show
        when={props.meeting.minutesPublishedAt}
        fallback={
          <Show when={props.chairs} fallback={<p class="card empty">{t('meeting.minutesNotYet')}</p>}>
            <form class="card" onSubmit={publish}>
              <p class="help">{t('meeting.minutesDraftHelp')}</p>
              <div class="field">
                <label for="minutes-text">{t('meeting.minutesDraft')}</label>
                <textarea
                  id="minutes-text"
                  class="minutes-editor"
                  rows="14"
                  required
                  minlength="10"
                  maxlength="50000"
                  value={draft()}
                  onInput={(e) => setDraft(e.currentTarget.value)}
                />
              </div>
              <div class="actions">
                <button
                  type="button"
                  class="button secondary"
                  aria-expanded={preview()}
                  aria-controls="minutes-preview"
                  onClick={() => setPreview(!preview())}
                >
                  {preview() ? t('meeting.hidePreview') : t('meeting.showPreview')}
                </button>
                <button type="submit" class="button" disabled={props.action.busy() || draft().trim().length < 10}>
                  {t('meeting.publishMinutes')}
                </button>
              </div>
              <Show when={preview()}>
                <div id="minutes-preview" class="card preview">
                  <MarkdownView source={draft()} />
                </div>
              </Show>
            </form>
          </Show>
        }
      >
        {(at) => (
          <article class="card">
            <p class="help">{t('meeting.publishedOn', { date: formatDate(at(), locale()) })}</p>
            <MarkdownView source={props.meeting.minutes ?? ''} />
          </article>
        )}
      </Show>
    </section>
  );
}
