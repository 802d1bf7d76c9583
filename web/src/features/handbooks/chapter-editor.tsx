import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MarkdownView } from '../../components/markdown-view';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { renderPlaceholders } from './placeholders';

export default function ChapterEditor() {
  const params = useParams<{ handbook: string; key: string }>();
  const { t, locale } = useI18n();
  const [handbook, { refetch }] = createResource(
    () => ({ handbook: params.handbook, locale: locale() }),
    (key) => request(api.api.handbooks[':handbook'].$get({ param: { handbook: key.handbook }, query: { locale: key.locale } })),
  );
  const chapter = createMemo(() => handbook()?.chapters.find((c) => c.key === params.key));
  const [title, setTitle] = createSignal('');
  const [body, setBody] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const [publish, setPublish] = createSignal(true);
  const [baseRevision, setBaseRevision] = createSignal(0);
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<number>();
  const [busy, setBusy] = createSignal(false);

  // Load the chapter (its private draft when there is one) once per opening.
  createEffect(
    on(chapter, (c) => {
      if (!c || baseRevision() === c.revision) return;
      setTitle(c.draft?.title ?? c.title);
      setBody(c.draft?.body ?? c.body ?? '');
      setBaseRevision(c.revision);
    }),
  );
  const preview = createMemo(() => {
    const facts = handbook()?.facts;
    return facts ? renderPlaceholders(body(), facts, locale()) : body();
  });
  const conflict = () => error() instanceof ApiError && (error() as ApiError).status === 409;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const result = await request(
        api.api.handbooks[':handbook'].chapters[':key'].$put({
          param: { handbook: params.handbook, key: params.key },
          query: { locale: locale() },
          json: { title: title(), body: body(), summary: summary(), publish: publish(), baseRevision: baseRevision() },
        }),
      );
      setSaved(result.revision);
      setBaseRevision(result.revision);
      setSummary('');
      void refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="editor">
      <p class="no-print">
        <A href={`/handbooks/${params.handbook}#${params.key}`}>{t('handbooks.backToHandbook')}</A>
      </p>
      <h1>{t('editor.title')}</h1>
      <Show when={error() instanceof ApiError && (error() as ApiError).status === 403}>
        <p class="alert">{t('editor.forbidden')}</p>
      </Show>
      <Show when={conflict()} fallback={<ErrorMessage error={error()} />}>
        <p class="alert" role="alert">
          {t('editor.conflict')}
        </p>
      </Show>
      <Show when={saved()}>
        <p class="notice" role="status">
          {t('editor.saved', { revision: String(saved()) })}
        </p>
      </Show>
      <Show when={chapter()?.draft}>
        <p class="help">{t('editor.draftLoaded')}</p>
      </Show>
      <form onSubmit={save}>
        <div class="field">
          <label for="chapter-title">{t('editor.chapterTitle')}</label>
          <input id="chapter-title" type="text" required maxlength="120" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <div class="editor-panes">
          <div class="field">
            <label for="chapter-body">{t('editor.body')}</label>
            <textarea id="chapter-body" rows="18" value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
            <span class="help">{t('editor.bodyHelp', { placeholder: '{{community.name}}', example: '{{party.association}}' })}</span>
          </div>
          <div class="field">
            <span class="label" id="preview-label">
              {t('editor.preview')}
            </span>
            <section class="preview card" aria-labelledby="preview-label" aria-live="polite">
              <MarkdownView source={preview()} />
            </section>
          </div>
        </div>
        <div class="field">
          <label for="chapter-summary">{t('editor.summary')}</label>
          <input
            id="chapter-summary"
            type="text"
            required
            maxlength="200"
            value={summary()}
            onInput={(e) => setSummary(e.currentTarget.value)}
            aria-describedby="summary-help"
          />
          <span class="help" id="summary-help">
            {t('editor.summaryHelp')}
          </span>
        </div>
        <label class="radio">
          <input type="checkbox" checked={publish()} onChange={(e) => setPublish(e.currentTarget.checked)} />
          {t('editor.publish')}
        </label>
        <div class="actions">
          <button class="button" type="submit" disabled={busy() || !chapter()}>
            {busy() ? t('editor.saving') : t('editor.save')}
          </button>
          <A class="button secondary" href={`/handbooks/${params.handbook}/${params.key}/history`}>
            {t('handbooks.history')}
          </A>
        </div>
      </form>
    </section>
  );
}
