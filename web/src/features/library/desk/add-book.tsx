import { createSignal, For, Show } from 'solid-js';
import { normaliseIsbn } from '../../../../../worker/community/library/rules';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { Scanner } from '../scanner';

const categories = ['children', 'literature', 'society', 'life', 'science', 'other'] as const;
const conditions = ['good', 'worn', 'damaged'] as const;
type Known = { id: number; title: string };

/** Catalogues a donated book: the ISBN scanned from its barcode (or typed), checked, then its details and copies. */
export function AddBook() {
  const { t } = useI18n();
  const [isbn, setIsbn] = createSignal('');
  const [isbnError, setIsbnError] = createSignal('');
  const [known, setKnown] = createSignal<Known | null>(null);
  const [form, setForm] = createSignal({ title: '', author: '', publisher: '', year: '', donorName: '' });
  const [category, setCategory] = createSignal<(typeof categories)[number]>('literature');
  const [condition, setCondition] = createSignal<(typeof conditions)[number]>('good');
  const [copies, setCopies] = createSignal(1);
  const [thanked, setThanked] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  const field = (key: keyof ReturnType<typeof form>) => (e: { currentTarget: HTMLInputElement }) =>
    setForm((f) => ({ ...f, [key]: e.currentTarget.value }));

  /** Checks the ISBN and whether the book is already catalogued (then a copy is added to it instead). */
  async function checkIsbn(text: string) {
    setIsbn(text);
    setKnown(null);
    setNote('');
    if (!text.trim()) return setIsbnError('');
    const normal = normaliseIsbn(text);
    setIsbnError(normal ? '' : t('libraryDesk.isbnInvalid'));
    if (!normal) return;
    const found = await request(api.api.library.catalogue.$get({ query: { q: normal } })).catch(() => null);
    const title = found?.titles[0];
    if (title) setKnown({ id: title.id, title: title.title });
  }
  async function addCopy(k: Known) {
    setError(undefined);
    try {
      const c = await request(
        api.api.library.titles[':id'].copies.$post({ param: { id: String(k.id) }, json: { condition: condition() } }),
      );
      setNote(t('libraryDesk.copyAdded', { mark: c.shelfMark }));
    } catch (e) {
      setError(e);
    }
  }
  async function save(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    setNote('');
    const f = form();
    try {
      const created = await request(
        api.api.library.titles.$post({
          json: {
            title: f.title.trim(),
            author: f.author.trim(),
            publisher: f.publisher.trim(),
            category: category(),
            donorThanked: thanked(),
            copies: Array.from({ length: copies() }, () => ({ condition: condition() })),
            ...(isbn().trim() ? { isbn: isbn().trim() } : {}),
            ...(f.year ? { year: Number(f.year) } : {}),
            ...(f.donorName.trim() ? { donorName: f.donorName.trim() } : {}),
          },
        }),
      );
      const detail = await request(api.api.library.titles[':id'].$get({ param: { id: String(created.id) } }));
      setNote(t('libraryDesk.added', { marks: detail.copyList.map((c) => c.shelfMark).join('、') }));
      setForm({ title: '', author: '', publisher: '', year: '', donorName: '' });
      setIsbn('');
      setThanked(false);
      setCopies(1);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section class="card" aria-labelledby="desk-add">
      <h2 id="desk-add">{t('libraryDesk.addTitle')}</h2>
      <p class="help">{t('libraryDesk.addHelp')}</p>
      <Scanner id="desk-isbn-scan" onCode={(text) => void checkIsbn(text)} />
      <form onSubmit={save}>
        <div class="field">
          <label for="add-isbn">{t('libraryDesk.isbn')}</label>
          <input
            type="text"
            id="add-isbn"
            inputmode="numeric"
            maxlength="20"
            autocomplete="off"
            value={isbn()}
            aria-invalid={isbnError() ? 'true' : undefined}
            aria-describedby={isbnError() ? 'add-isbn-error' : undefined}
            onChange={(e) => void checkIsbn(e.currentTarget.value)}
          />
          <Show when={isbnError()}>
            <span class="field-error" id="add-isbn-error">
              {isbnError()}
            </span>
          </Show>
        </div>
        <Show when={known()}>
          {(k) => (
            <p class="notice">
              {t('libraryDesk.isbnKnown', { title: k().title })}{' '}
              <button type="button" class="button secondary" onClick={() => void addCopy(k())}>
                {t('libraryDesk.addCopyToKnown')}
              </button>
            </p>
          )}
        </Show>
        <div class="field">
          <label for="add-title">{t('libraryDesk.bookTitle')}</label>
          <input type="text" id="add-title" required maxlength="120" value={form().title} onInput={field('title')} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="add-author">{t('libraryDesk.author')}</label>
            <input type="text" id="add-author" maxlength="80" value={form().author} onInput={field('author')} />
          </div>
          <div class="field">
            <label for="add-publisher">{t('libraryDesk.publisher')}</label>
            <input type="text" id="add-publisher" maxlength="80" value={form().publisher} onInput={field('publisher')} />
          </div>
          <div class="field">
            <label for="add-year">{t('libraryDesk.year')}</label>
            <input id="add-year" type="number" inputmode="numeric" min="1800" max="2100" value={form().year} onInput={field('year')} />
          </div>
          <div class="field">
            <label for="add-category">{t('libraryDesk.category')}</label>
            <select
              id="add-category"
              value={category()}
              onChange={(e) => setCategory(e.currentTarget.value as (typeof categories)[number])}
            >
              <For each={categories}>{(c) => <option value={c}>{t(`library.category_${c}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="add-copies">{t('libraryDesk.copies')}</label>
            <input
              id="add-copies"
              type="number"
              min="1"
              max="20"
              value={copies()}
              onInput={(e) => setCopies(Number(e.currentTarget.value) || 1)}
            />
          </div>
          <div class="field">
            <label for="add-condition">{t('libraryDesk.condition')}</label>
            <select
              id="add-condition"
              value={condition()}
              onChange={(e) => setCondition(e.currentTarget.value as (typeof conditions)[number])}
            >
              <For each={conditions}>{(c) => <option value={c}>{t(`library.condition_${c}`)}</option>}</For>
            </select>
          </div>
        </div>
        <div class="field">
          <label for="add-donor">{t('libraryDesk.donor')}</label>
          <input type="text" id="add-donor" maxlength="40" value={form().donorName} onInput={field('donorName')} />
        </div>
        <label class="radio">
          <input type="checkbox" checked={thanked()} onChange={(e) => setThanked(e.currentTarget.checked)} />
          {t('libraryDesk.donorThanked')}
        </label>
        <ErrorMessage error={error()} detail />
        <button type="submit" class="button">
          {t('libraryDesk.save')}
        </button>
        <Show when={note()}>
          <p class="notice" role="status">
            {note()}
          </p>
        </Show>
      </form>
    </section>
  );
}
