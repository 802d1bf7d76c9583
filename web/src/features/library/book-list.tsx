import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

export interface Title {
  id: number;
  title: string;
  author: string;
  isbn: string | null;
  category: 'children' | 'literature' | 'society' | 'life' | 'science' | 'other';
  thankedDonor: string | null;
  copies: number;
  available: number;
  waiting: number;
  nextDue: string | null;
}

/** Catalogue results: each title with its shelf state; a member reserves a title whose copies are all out. */
export function BookList(props: { titles: Title[]; canReserve: boolean; onReserved: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal<number | null>(null);
  async function reserve(id: number) {
    setError(undefined);
    try {
      await request(api.api.library.titles[':id'].reservations.$post({ param: { id: String(id) } }));
      setDone(id);
      props.onReserved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <ErrorMessage error={error()} detail />
      <ul class="book-list">
        <For each={props.titles}>
          {(b) => (
            <li class="card">
              <div class="book-main">
                <span class="book-title">《{b.title}》</span>
                <Show when={b.author}>
                  <span class="help block">{t('library.by', { author: b.author })}</span>
                </Show>
                <span class="help block">
                  {t(`library.category_${b.category}`)}
                  <Show when={b.isbn}> · ISBN {b.isbn}</Show>
                </span>
                <Show when={b.thankedDonor}>{(name) => <span class="help block">{t('library.thanks', { name: name() })}</span>}</Show>
              </div>
              <div>
                <Show
                  when={b.available > 0}
                  fallback={
                    <span class="tag">
                      {t('library.allOut')}
                      <Show when={b.nextDue}>{(d) => <> · {t('library.dueBack', { date: d() })}</>}</Show>
                    </span>
                  }
                >
                  <span class="tag">{t('library.available', { n: String(b.available) })}</span>
                </Show>
                <Show when={b.waiting > 0}>
                  <span class="help block">{t('library.waiting', { n: String(b.waiting) })}</span>
                </Show>
                <Show when={props.canReserve && b.available === 0}>
                  <Show
                    when={done() !== b.id}
                    fallback={
                      <p class="help" role="status">
                        {t('library.reserved')}
                      </p>
                    }
                  >
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => void reserve(b.id)}
                      aria-label={t('library.reserveNamed', { title: b.title })}
                    >
                      {t('library.reserve')}
                    </button>
                  </Show>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
