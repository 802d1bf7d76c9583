import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MarkdownView } from '../../components/markdown-view';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';
import { loadProgram, type ProgramSectionKey } from './program-page/program';

/** An administrator puts one section of a program's page in the community's own words; each save is a revision. */
export default function SectionEditor() {
  const params = useParams<{ key: string; section: ProgramSectionKey }>();
  const { t, locale, pick } = useI18n();
  const { me } = useSite();
  const [program, { refetch }] = createResource(
    () => ({ key: params.key, locale: locale(), who: me()?.userId ?? '' }),
    (k) => loadProgram(k.key, k.locale),
  );
  const section = createMemo(() => program()?.sections.find((s) => s.key === params.section));
  const title = () => t(`program.section_${params.section}`);
  const [body, setBody] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const [baseRevision, setBaseRevision] = createSignal(0);
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<number>();
  const [busy, setBusy] = createSignal(false);
  const conflict = () => error() instanceof ApiError && (error() as ApiError).status === 409;

  // Load the section's text once per opening (and again after a save, from the newest revision).
  createEffect(
    on(section, (s) => {
      if (!s || baseRevision() === s.revision) return;
      setBody(s.body);
      setBaseRevision(s.revision);
    }),
  );

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const result = await request(
        api.api.programs[':key'].sections[':section'].$put({
          param: { key: params.key, section: params.section },
          query: { locale: locale() },
          json: { body: body(), summary: summary(), baseRevision: baseRevision() },
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
        <A href={`/programs/${params.key}`}>{program() ? pick(program()!.name) : t('programEditor.back')}</A>
      </p>
      <h1>{t('programEditor.title', { section: title() })}</h1>
      <p class="lead">{t('programEditor.intro')}</p>
      <ErrorMessage error={program.error} />
      <Show when={conflict()} fallback={<ErrorMessage error={error()} />}>
        <p class="alert" role="alert">
          {t('programEditor.conflict')}
        </p>
      </Show>
      <Show when={saved()}>
        <p class="notice" role="status">
          {t('programEditor.saved', { revision: String(saved()) })}
        </p>
      </Show>
      <form onSubmit={save}>
        <div class="editor-panes">
          <div class="field">
            <label for="section-body">{t('programEditor.body')}</label>
            <textarea
              id="section-body"
              rows="14"
              required
              maxlength="20000"
              value={body()}
              onInput={(e) => setBody(e.currentTarget.value)}
              aria-describedby="section-body-help"
            />
            <span class="help" id="section-body-help">
              {t('programEditor.bodyHelp')}
            </span>
          </div>
          <div class="field">
            <span class="label" id="section-preview-label">
              {t('programEditor.preview')}
            </span>
            <section class="preview card" aria-labelledby="section-preview-label" aria-live="polite">
              <MarkdownView source={body()} />
            </section>
          </div>
        </div>
        <div class="field">
          <label for="section-summary">{t('programEditor.summary')}</label>
          <input
            id="section-summary"
            type="text"
            required
            maxlength="200"
            value={summary()}
            onInput={(e) => setSummary(e.currentTarget.value)}
            aria-describedby="section-summary-help"
          />
          <span class="help" id="section-summary-help">
            {t('programEditor.summaryHelp')}
          </span>
        </div>
        <div class="actions">
          <button class="button" type="submit" disabled={busy() || !section()}>
            {busy() ? t('programEditor.saving') : t('programEditor.save')}
          </button>
          <A class="button secondary" href={`/programs/${params.key}/${params.section}/history`}>
            {t('program.history')}
          </A>
        </div>
      </form>
    </section>
  );
}
