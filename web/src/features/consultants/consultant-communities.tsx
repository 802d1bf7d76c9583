import { useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { HEADLINE_KEYS, LIST_ORDERS, type ListOrder } from '../../../../worker/metrics/list-rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { pickText } from '../../lib/metrics-view';
import { useSite } from '../../lib/site-context';
import { ConsultantCard, fetchListPage, type ListPage } from './consultant-card';
import { ConsultantGate } from './consultant-gate';

const MAX_COMPARED = 12;
/** Typing pauses this long before the search goes to the server. */
const SEARCH_PAUSE_MS = 300;

const isOrder = (value: string): value is ListOrder => (LIST_ORDERS as readonly string[]).includes(value);

/**
 * The consultant's home: the communities that granted access, a page at a time, searched and ordered by the
 * server, with their latest complete month's headline figures; ticked ones (across searches) are compared.
 */
export default function ConsultantCommunities() {
  const { t, locale } = useI18n();
  const { me } = useSite();
  const navigate = useNavigate();
  const [typed, setTyped] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [order, setOrder] = createSignal<ListOrder>('name');
  const [pages, setPages] = createSignal<ListPage[]>([]);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [selected, setSelected] = createSignal<string[]>([]);
  let list: HTMLUListElement | undefined;
  // Answers to an earlier search or order that arrive late are dropped.
  let generation = 0;

  async function load(more: boolean) {
    const mine = more ? generation : ++generation;
    const cursor = more ? pages().at(-1)?.nextCursor : undefined;
    setLoading(true);
    try {
      const page = await fetchListPage({ order: order(), ...(search() ? { q: search() } : {}), ...(cursor ? { cursor } : {}) });
      if (mine !== generation) return;
      const firstNew = page.communities[0]?.slug;
      setPages((loaded) => (more ? [...loaded, page] : [page]));
      setError(undefined);
      // Keyboard users carry on from the first community just loaded.
      if (more && firstNew) list?.querySelector<HTMLElement>(`[data-slug="${firstNew}"] h2 a`)?.focus();
    } catch (e) {
      if (mine === generation) setError(e);
    } finally {
      if (mine === generation) setLoading(false);
    }
  }
  createEffect(
    on([() => me()?.userId, search, order], ([user]) => {
      if (user) void load(false);
    }),
  );
  let pause: ReturnType<typeof setTimeout> | undefined;
  const searchNow = () => {
    clearTimeout(pause);
    setSearch(typed().trim());
  };
  onCleanup(() => clearTimeout(pause));

  const first = () => pages()[0];
  const rows = createMemo(() => pages().flatMap((p) => p.communities));
  const definitions = () => first()?.definitions;
  const headline = createMemo(() => {
    const metrics = definitions()?.metrics ?? [];
    return HEADLINE_KEYS.map((key) => metrics.find((m) => m.key === key)).filter((m) => m !== undefined);
  });
  const toggle = (slug: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== slug), slug] : s.filter((x) => x !== slug)));
  const forbidden = () => error() instanceof ApiError && (error() as ApiError).status === 403;
  const noGrants = () => first()?.total === 0 && search() === '';

  return (
    <section class="consultant">
      <h1>{t('consultant.title')}</h1>
      <p class="lead">{t('consultant.intro')}</p>
      <ConsultantGate forbidden={forbidden()}>
        <ErrorMessage error={error()} />
        <Show when={first()}>
          {(page) => (
            <Show
              when={!noGrants()}
              fallback={
                <div class="notice consultant-empty">
                  <p>
                    <strong>{t('consultant.empty')}</strong>
                  </p>
                  <p>{t('consultant.emptyHow')}</p>
                </div>
              }
            >
              <form
                class="consultant-filters"
                onSubmit={(e) => {
                  e.preventDefault();
                  searchNow();
                }}
              >
                <div class="field">
                  <label for="consultant-filter">{t('consultant.filter')}</label>
                  <div class="search-row">
                    <input
                      id="consultant-filter"
                      type="search"
                      maxLength={64}
                      value={typed()}
                      onInput={(e) => {
                        setTyped(e.currentTarget.value);
                        clearTimeout(pause);
                        pause = setTimeout(searchNow, SEARCH_PAUSE_MS);
                      }}
                    />
                    <button type="submit" class="button secondary">
                      {t('consultant.search')}
                    </button>
                  </div>
                </div>
                <div class="field">
                  <label for="consultant-sort">{t('consultant.sortBy')}</label>
                  <select
                    id="consultant-sort"
                    value={order()}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      if (isOrder(value)) setOrder(value);
                    }}
                  >
                    <option value="name">{t('consultant.sortName')}</option>
                    <option value="granted">{t('consultant.sortGranted')}</option>
                    <option value="computed">{t('consultant.sortComputed')}</option>
                    <For each={headline()}>{(m) => <option value={m.key}>{pickText(m.label, locale())}</option>}</For>
                  </select>
                </div>
                <p class="help" role="status">
                  {loading()
                    ? t('consultant.loading')
                    : page().total === 0
                      ? t('consultant.noMatch', { q: search() })
                      : t('consultant.showing', { shown: String(rows().length), total: String(page().total) })}
                </p>
              </form>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (selected().length >= 2) navigate(`/consultant/compare?slugs=${selected().join(',')}`);
                }}
              >
                <ul class="consultant-cards" ref={list}>
                  <For each={rows()}>
                    {(c) => (
                      <ConsultantCard
                        community={c}
                        headline={headline()}
                        rules={definitions()?.rules ?? []}
                        checked={selected().includes(c.slug)}
                        canPick={selected().length < MAX_COMPARED}
                        onPick={(on) => toggle(c.slug, on)}
                      />
                    )}
                  </For>
                </ul>
                <Show when={pages().at(-1)?.nextCursor}>
                  <p class="load-more">
                    <button type="button" class="button secondary" disabled={loading()} onClick={() => void load(true)}>
                      {loading() ? t('consultant.loading') : t('consultant.loadMore')}
                    </button>
                  </p>
                </Show>
                <div class="compare-bar">
                  <span class="help" role="status">
                    {selected().length > 0
                      ? t('consultant.selectedCount', { count: String(selected().length) })
                      : t('consultant.compareHint')}
                  </span>
                  <button type="submit" class="button" disabled={selected().length < 2}>
                    {t('consultant.compare')}
                  </button>
                </div>
              </form>
            </Show>
          )}
        </Show>
      </ConsultantGate>
    </section>
  );
}
