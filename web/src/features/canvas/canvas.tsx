import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';

type Entry = { key: string; title: { zh: string; en: string }; questions: { zh: string; en: string }[]; content: string };

/** The canvas as a board: four systems around the nine modules, like a business model canvas. */
export default function Canvas() {
  const { t, pick } = useI18n();
  const { me } = useSite();
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
  const [canvas, { refetch }] = createResource(() => request(api.api.canvas.$get()));
  const [editing, setEditing] = createSignal<string>();
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<unknown>();

  async function save(key: string) {
    setError(undefined);
    try {
      await request(api.api.canvas[':key'].$put({ param: { key }, json: { content: draft() } }));
      setEditing(undefined);
      await refetch();
    } catch (e) {
      setError(e);
    }
  }

  const cell = (entry: Entry, area: string) => (
    <section class="canvas-cell" style={{ 'grid-area': area }} data-canvas={entry.key} aria-labelledby={`canvas-${entry.key}`}>
      <h3 id={`canvas-${entry.key}`}>
        {/* A module is one of the programs: its title opens the program's page. */}
        <Show when={entry.key.startsWith('module:')} fallback={pick(entry.title)}>
          <A href={`/programs/${entry.key.slice('module:'.length)}`}>{pick(entry.title)}</A>
        </Show>
      </h3>
      <Show
        when={editing() === entry.key}
        fallback={
          <>
            <Show when={entry.content} fallback={<p class="canvas-empty">{t('canvas.empty')}</p>}>
              <p class="canvas-content">{entry.content}</p>
            </Show>
            <ul class="canvas-questions">
              <For each={entry.questions}>{(q) => <li>{pick(q)}</li>}</For>
            </ul>
            <Show when={isAdmin()}>
              <button
                type="button"
                class="button secondary no-print"
                onClick={() => {
                  setDraft(entry.content);
                  setEditing(entry.key);
                }}
              >
                {t('canvas.edit')}
              </button>
            </Show>
          </>
        }
      >
        <label class="visually-hidden" for={`canvas-input-${entry.key}`}>
          {pick(entry.title)}
        </label>
        <textarea id={`canvas-input-${entry.key}`} rows="6" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
        <div class="actions">
          <button type="button" class="button" onClick={() => save(entry.key)}>
            {t('canvas.save')}
          </button>
          <button type="button" class="button secondary" onClick={() => setEditing(undefined)}>
            {t('canvas.cancel')}
          </button>
        </div>
      </Show>
    </section>
  );

  const areas: Record<string, string> = {
    'core-resources': 'resources',
    'key-businesses': 'businesses',
    'people-served': 'people',
    'funding-sources': 'funding',
  };

  return (
    <section>
      <h1>{t('canvas.title')}</h1>
      <p class="lead">{t('canvas.intro')}</p>
      <ErrorMessage error={canvas.error ?? error()} />
      <Show when={canvas()}>
        {(data) => (
          <div class="canvas-board" data-testid="canvas-board">
            <For each={data().systems}>{(s) => cell(s, areas[s.key] ?? 'auto')}</For>
            <div class="canvas-modules" style={{ 'grid-area': 'modules' }}>
              <h2>{t('canvas.modules')}</h2>
              <div class="canvas-module-grid">
                <For each={data().modules}>{(m) => cell(m, 'auto')}</For>
              </div>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
