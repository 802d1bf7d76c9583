import { createSignal, For, Show } from 'solid-js';
import { normaliseIsbn } from '../../../../../worker/community/library/rules';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { Scanner } from '../scanner';
import { BorrowerPanel } from './borrower-panel';

type Copy = Awaited<ReturnType<typeof findCopy>>;
const findCopy = (mark: string) => request(api.api.library.copies.$get({ query: { mark } }));
type Choice = { id: number; shelfMark: string; state: string; dueOn: string | null };

/**
 * The desk's first step: a copy by its spine label (typed or scanned), or by the book's ISBN barcode then choosing
 * the copy. A lent copy is taken back or renewed; a copy on the shelf goes on to the borrower.
 */
export function CopyPanel() {
  const { t, locale } = useI18n();
  const [mark, setMark] = createSignal('');
  const [copy, setCopy] = createSignal<Copy | null>(null);
  const [choices, setChoices] = createSignal<{ title: string; copies: Choice[] } | null>(null);
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');

  async function run(step: () => Promise<void>) {
    setError(undefined);
    setNote('');
    try {
      await step();
    } catch (e) {
      setError(e);
    }
  }
  const open = (m: string) =>
    run(async () => {
      setChoices(null);
      setCopy(await findCopy(m));
    });
  async function scanned(text: string) {
    const isbn = normaliseIsbn(text);
    if (!isbn) {
      setMark(text);
      return open(text);
    }
    await run(async () => {
      setCopy(null);
      const found = await request(api.api.library.catalogue.$get({ query: { q: isbn } }));
      const title = found.titles[0];
      if (!title) throw new Error('not found');
      const detail = await request(api.api.library.titles[':id'].$get({ param: { id: String(title.id) } }));
      setChoices({ title: detail.title, copies: detail.copyList });
    });
  }
  const giveBack = (c: Copy) =>
    run(async () => {
      const r = await request(api.api['library-loans'][':id'].return.$post({ param: { id: String(c.loanId) } }));
      setNote(
        r.heldFor
          ? t('libraryDesk.heldFor', { name: r.heldFor.name, date: r.heldFor.heldUntil ? formatDate(r.heldFor.heldUntil, locale()) : '' })
          : t('libraryDesk.returned'),
      );
      setCopy(await findCopy(c.shelfMark));
    });
  const renew = (c: Copy) =>
    run(async () => {
      const r = await request(api.api['library-loans'][':id'].renewal.$post({ param: { id: String(c.loanId) } }));
      setNote(t('library.renewed', { date: r.dueOn }));
      setCopy(await findCopy(c.shelfMark));
    });

  return (
    <section class="card" aria-labelledby="desk-copy">
      <h2 id="desk-copy">{t('libraryDesk.copyStep')}</h2>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (mark().trim()) void scanned(mark().trim());
        }}
      >
        <div class="field">
          <label for="desk-mark">{t('libraryDesk.copyLabel')}</label>
          <input
            type="text"
            id="desk-mark"
            maxlength="20"
            autocomplete="off"
            value={mark()}
            onInput={(e) => setMark(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {t('libraryDesk.find')}
        </button>
      </form>
      <Scanner id="desk-copy-scan" onCode={(text) => void scanned(text)} />
      <ErrorMessage error={error()} detail />
      <Show when={note()}>
        <p class="notice" role="status">
          {note()}
        </p>
      </Show>
      <Show when={choices()}>
        {(c) => (
          <ul class="rows">
            <For each={c().copies}>
              {(x) => (
                <li>
                  <span>
                    《{c().title}》 {x.shelfMark}
                  </span>
                  <button type="button" class="button secondary" onClick={() => void open(x.shelfMark)}>
                    {x.shelfMark}
                  </button>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <Show when={copy()}>
        {(c) => (
          <div data-testid="desk-copy">
            <p class="lead">{t('libraryDesk.copyFound', { title: c().title, mark: c().shelfMark })}</p>
            <Show
              when={c().loanId}
              fallback={
                <>
                  <p class="tag">{c().heldFor ? t('libraryDesk.keptFor', { name: c().heldFor ?? '' }) : t('libraryDesk.onShelf')}</p>
                  <BorrowerPanel copyId={c().id} onLent={(due) => setNote(t('libraryDesk.lent', { date: due }))} />
                </>
              }
            >
              <p>{t('libraryDesk.onLoanTo', { name: c().borrower ?? '', date: c().dueOn ?? '' })}</p>
              <div class="actions">
                <button type="button" class="button" onClick={() => void giveBack(c())}>
                  {t('libraryDesk.returnBook')}
                </button>
                <button type="button" class="button secondary" onClick={() => void renew(c())}>
                  {t('libraryDesk.renewLoan')}
                </button>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
