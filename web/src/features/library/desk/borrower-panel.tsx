import { createSignal, For, Show } from 'solid-js';
import { cardNumberOf } from '../../../../../worker/community/library/rules';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { Scanner } from '../scanner';

type Borrower = { id: number; displayName: string; buildingName: string | null; household: string | null; onLoan: number };

/** The desk's second step: the borrower by their card (scanned or typed) or by name, then lend the copy to them. */
export function BorrowerPanel(props: { copyId: number; onLent: (dueOn: string) => void }) {
  const { t } = useI18n();
  const [card, setCard] = createSignal('');
  const [name, setName] = createSignal('');
  const [people, setPeople] = createSignal<Borrower[] | null>(null);
  const [error, setError] = createSignal<unknown>();
  async function find(query: { card?: string; q?: string }) {
    setError(undefined);
    try {
      setPeople((await request(api.api.library.borrowers.$get({ query }))).borrowers);
    } catch (e) {
      setError(e);
    }
  }
  async function lend(memberId: number) {
    setError(undefined);
    try {
      const loan = await request(api.api.library.loans.$post({ json: { copyId: props.copyId, memberId } }));
      setPeople(null);
      props.onLent(loan.dueOn);
    } catch (e) {
      setError(e);
    }
  }
  const byCard = (text: string) => {
    const number = cardNumberOf(text);
    setCard(number ?? text);
    void find({ card: number ?? text });
  };
  return (
    <section aria-labelledby="desk-borrower">
      <h3 id="desk-borrower">{t('libraryDesk.borrowerStep')}</h3>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (card().trim()) byCard(card().trim());
          else if (name().trim()) void find({ q: name().trim() });
        }}
      >
        <div class="field">
          <label for="desk-card">{t('libraryDesk.cardLabel')}</label>
          <input
            type="text"
            id="desk-card"
            inputmode="numeric"
            maxlength="40"
            autocomplete="off"
            value={card()}
            onInput={(e) => setCard(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="desk-name">{t('libraryDesk.nameLabel')}</label>
          <input
            type="text"
            id="desk-name"
            maxlength="40"
            autocomplete="off"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {t('libraryDesk.searchPeople')}
        </button>
      </form>
      <Scanner id="desk-card-scan" onCode={byCard} />
      <ErrorMessage error={error()} detail />
      <Show when={people()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="help">{t('libraryDesk.noPeople')}</p>}>
            <ul class="rows">
              <For each={list()}>
                {(p) => (
                  <li>
                    <span>
                      {p.displayName}
                      <span class="help">
                        {' '}
                        {[p.buildingName, p.household].filter(Boolean).join(' ')} · {t('libraryDesk.onLoanCount', { n: String(p.onLoan) })}
                      </span>
                    </span>
                    <button type="button" class="button" onClick={() => void lend(p.id)}>
                      {t('libraryDesk.lendTo', { name: p.displayName })}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
