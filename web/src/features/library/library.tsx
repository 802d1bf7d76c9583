import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { BookList } from './book-list';
import { LibraryFigures } from './library-figures';
import { loadMine, MyLibrary } from './my-library';
import { useLibraryRoles } from './roles';

const PAGE = 30;

/** 明志书屋: search the catalogue with availability; members see their loans and reservations and the figures. */
export default function Library() {
  const { t } = useI18n();
  const { member, isLibrarian, isKeeper } = useLibraryRoles();
  const [query, setQuery] = createSignal('');
  const [search, setSearch] = createSignal({ q: '', limit: PAGE });
  const [rules] = createResource(() => request(api.api.library.settings.$get()).catch(() => null));
  const [results, { refetch: refetchResults }] = createResource(search, (s) =>
    request(api.api.library.catalogue.$get({ query: { q: s.q || undefined, limit: String(s.limit) } })),
  );
  const [mine, { refetch: refetchMine }] = createResource(() => member()?.id, loadMine);
  const changed = () => {
    void refetchMine();
    void refetchResults();
  };

  return (
    <section class="library">
      <h1>{t('library.title')}</h1>
      <p class="lead">{t('library.intro')}</p>
      <Show when={rules()}>
        {(r) => (
          <p class="help">
            {t('library.rules', {
              max: String(r().maxLoans),
              days: String(r().loanDays),
              hold: String(r().holdDays),
              months: String(r().eraseAfterMonths),
            })}
          </p>
        )}
      </Show>
      <Show when={member()}>
        <nav class="library-links" aria-label={t('library.title')}>
          <A class="button secondary" href="/library/card">
            {t('library.myCard')}
          </A>
          <A class="button secondary" href="/library/roster">
            {t('library.roster')}
          </A>
          <Show when={isLibrarian()}>
            <A class="button" href="/library/desk">
              {t('library.desk')}
            </A>
          </Show>
          <Show when={isKeeper()}>
            <A class="button secondary" href="/library/settings">
              {t('library.settings')}
            </A>
          </Show>
        </nav>
      </Show>
      <MemberGate next="/library" />
      <Show when={mine.latest}>{(record) => <MyLibrary record={record()} onChanged={changed} />}</Show>
      <h2>{t('library.catalogue')}</h2>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch({ q: query().trim(), limit: PAGE });
        }}
      >
        <div class="field">
          <label for="library-q">{t('library.searchLabel')}</label>
          <input id="library-q" type="search" maxlength="60" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button">
          {t('library.search')}
        </button>
      </form>
      <ErrorMessage error={results.error} />
      <Show when={results.latest}>
        {(r) => (
          <>
            <p class="help" role="status">
              {t('library.results', { count: String(r().total) })}
            </p>
            <Show when={r().titles.length > 0} fallback={<p class="card empty">{t('library.noResults')}</p>}>
              <BookList titles={r().titles} canReserve={Boolean(member())} onReserved={changed} />
            </Show>
            <Show when={r().titles.length < r().total}>
              <button type="button" class="button secondary" onClick={() => setSearch((s) => ({ ...s, limit: s.limit + PAGE }))}>
                {t('library.more')}
              </button>
            </Show>
          </>
        )}
      </Show>
      <Show when={member()}>
        <LibraryFigures />
      </Show>
    </section>
  );
}
