import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, onMount, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { loadHandbook } from './load-handbook';
import { renderPlaceholders } from './placeholders';
import { useSite } from '../../lib/site-context';
import { formatDate, today } from '../../lib/format';

export default function HandbookReader() {
  const params = useParams<{ handbook: string }>();
  const { t, pick, locale } = useI18n();
  const { me } = useSite();
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
  const [handbook] = createResource(
    () => ({ handbook: params.handbook, locale: locale(), who: me()?.userId ?? '' }),
    (key) => loadHandbook(key.handbook, key.locale),
  );
  const [query, setQuery] = createSignal('');

  // The chapters arrive rendered (html, facts filled in); their plain text is worked out only for a search.
  const chapters = createMemo(() => {
    const data = handbook();
    if (!data) return [];
    return data.chapters.map((c) => ({ ...c, title: renderPlaceholders(c.title, data.facts, locale()) }));
  });
  const searching = createMemo(() => query().trim() !== '');
  const searchable = createMemo(() => {
    const data = handbook();
    if (!data || !searching()) return [];
    const reader = new DOMParser();
    return chapters().map((c) => ({
      key: c.key,
      text: `${c.title} ${reader.parseFromString(c.html, 'text/html').body.textContent ?? ''}`.toLowerCase(),
    }));
  });
  const matches = createMemo(() => {
    const q = query().trim().toLowerCase();
    if (!q) return null;
    return new Set(
      searchable()
        .filter((c) => c.text.includes(q))
        .map((c) => c.key),
    );
  });
  const visible = () => chapters().filter((c) => !matches() || matches()!.has(c.key));
  const communityName = () => {
    const facts = handbook()?.facts;
    return facts ? pick(facts.name) : '';
  };

  // Links between chapters are anchors (#chapter-key); open a chapter of another handbook where needed.
  function onClick(event: MouseEvent) {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    const key = href.slice(1);
    if (document.getElementById(key)) return;
    event.preventDefault();
    const target = key.startsWith('form-') ? 'forms' : params.handbook === 'operating' ? 'building' : 'operating';
    location.assign(`/handbooks/${target}#${key}`);
  }

  onMount(() => {
    if (new URLSearchParams(location.search).get('print') === '1') {
      const wait = setInterval(() => {
        if (handbook.state === 'ready') {
          clearInterval(wait);
          document.documentElement.classList.add('printing');
        }
      }, 50);
    }
  });

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: delegates link clicks, which keyboards trigger as clicks too
    <article class="handbook" onClick={onClick}>
      <ErrorMessage error={handbook.error} />
      <Show when={handbook()} fallback={<p>{t('handbooks.loading')}</p>}>
        {(data) => (
          <>
            <header class="handbook-cover">
              <p class="cover-community">{communityName()}</p>
              <h1>{data().title}</h1>
              <p class="cover-meta">
                {t('handbooks.version', { version: String(data().templateVersion) })}
                <span class="print-only"> · {t('handbooks.printedOn', { date: formatDate(today(), locale()) })}</span>
              </p>
            </header>
            <div class="handbook-tools no-print">
              <label class="visually-hidden" for="handbook-search">
                {t('handbooks.search')}
              </label>
              <input
                id="handbook-search"
                type="search"
                placeholder={t('handbooks.search')}
                value={query()}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
              <button type="button" class="button secondary" onClick={() => window.print()}>
                {t('handbooks.print')}
              </button>
            </div>
            <Show when={matches()}>
              {(found) => (
                <p role="status" class="help">
                  {found().size > 0
                    ? t('handbooks.searchResults', { count: String(found().size), query: query().trim() })
                    : t('handbooks.noResults', { query: query().trim() })}
                </p>
              )}
            </Show>
            <nav class="handbook-toc" aria-labelledby="toc-title">
              <h2 id="toc-title">{t('handbooks.contents')}</h2>
              <ol>
                <For each={visible()}>
                  {(c) => (
                    <li>
                      <a href={`#${c.key}`}>{c.title}</a>
                    </li>
                  )}
                </For>
              </ol>
            </nav>
            <For each={visible()}>
              {(c) => (
                <section class="chapter" id={c.key} aria-labelledby={`${c.key}-title`} data-chapter={c.key}>
                  <h2 id={`${c.key}-title`}>{c.title}</h2>
                  <Show when={isAdmin()}>
                    <p class="chapter-admin no-print">
                      <Show when={c.edited}>
                        <span class="tag">{t('handbooks.edited')}</span>
                      </Show>
                      <Show when={c.draft}>
                        <span class="tag warn">{t('handbooks.draft')}</span>
                      </Show>
                      <A href={`/handbooks/${params.handbook}/${c.key}/edit`}>{t('handbooks.edit')}</A>
                      {' · '}
                      <A href={`/handbooks/${params.handbook}/${c.key}/history`}>{t('handbooks.history')}</A>
                    </p>
                  </Show>
                  {/* innerHTML is safe here: the Worker renders the Markdown with raw HTML escaped (templates/markdown.ts). */}
                  <div class="prose" innerHTML={c.html} />
                </section>
              )}
            </For>
          </>
        )}
      </Show>
    </article>
  );
}
