import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { parseYuan, today, yuan } from '../../../lib/format';
import { TableWrap } from '../../../components/table-wrap';

export interface ClubOption {
  clubId: number;
  clubName: string;
}

/** The repayment form of one club's advance; refuses more than is outstanding before asking the server, which refuses too. */
function RepaymentForm(props: { clubId: number; clubName: string; outstandingFen: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = `repay-${props.clubId}`;
  const [amount, setAmount] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(undefined);
    const amountFen = parseYuan(amount());
    if (!amountFen) return setProblem(t('recordMoney.amountInvalid'));
    if (amountFen > props.outstandingFen) return setProblem(t('recordMoney.overOutstanding', { amount: yuan(props.outstandingFen) }));
    setProblem('');
    try {
      await request(
        api.api.ledger.advances[':clubId'].repayments.$post({
          param: { clubId: String(props.clubId) },
          json: { amountFen, occurredOn: today() },
        }),
      );
      props.onDone();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form class="stack" onSubmit={(e) => void submit(e)} aria-label={t('recordMoney.repayFor', { club: props.clubName })}>
      <div class="field">
        <label for={id}>{t('recordMoney.amount')}</label>
        <input
          id={id}
          inputmode="decimal"
          required
          aria-invalid={problem() !== ''}
          aria-describedby={problem() ? `${id}-error` : undefined}
          value={amount()}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
        <Show when={problem()}>
          <p class="field-error" id={`${id}-error`}>
            {problem()}
          </p>
        </Show>
      </div>
      <ErrorMessage error={error()} detail />
      <div class="actions">
        <button type="submit">{t('recordMoney.repaySubmit')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {t('recordMoney.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Advances from the hub to clubs: what is outstanding per club, a repayment action, and a new advance. */
export function Advances(props: { clubs: ClubOption[]; onChanged?: () => void }) {
  const { t } = useI18n();
  const [advances, { refetch }] = createResource(() => request(api.api.ledger.advances.$get()));
  const [repaying, setRepaying] = createSignal<number | null>(null);
  const [clubId, setClubId] = createSignal('');
  const [amount, setAmount] = createSignal('');
  const [note, setNote] = createSignal('');
  const [amountInvalid, setAmountInvalid] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const changed = async () => {
    setRepaying(null);
    await refetch();
    props.onChanged?.();
  };

  async function advance(event: SubmitEvent) {
    event.preventDefault();
    setError(undefined);
    const amountFen = parseYuan(amount());
    setAmountInvalid(!amountFen);
    const club = Number(clubId() || props.clubs[0]?.clubId);
    if (!amountFen || !club) return;
    try {
      await request(
        api.api.ledger.advances.$post({
          json: { clubId: club, amountFen, occurredOn: today(), ...(note().trim() ? { note: note().trim() } : {}) },
        }),
      );
      setAmount('');
      setNote('');
      await changed();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section class="card stack" aria-labelledby="advances-title">
      <h2 id="advances-title">{t('recordMoney.advancesTitle')}</h2>
      <p class="help">{t('recordMoney.advancesIntro')}</p>
      <ErrorMessage error={advances.error} />
      <Show when={(advances()?.advances.length ?? 0) > 0} fallback={<p class="help">{t('recordMoney.noAdvances')}</p>}>
        <TableWrap labelledBy="advances-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('recordMoney.club')}</th>
                <th scope="col" class="num">
                  {t('recordMoney.advanced')}
                </th>
                <th scope="col" class="num">
                  {t('recordMoney.repaid')}
                </th>
                <th scope="col" class="num">
                  {t('recordMoney.outstanding')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('recordMoney.repay')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={advances()?.advances ?? []}>
                {(a) => (
                  <tr data-club={a.clubId}>
                    <th scope="row">{a.clubName}</th>
                    <td class="num">{yuan(a.advancedFen)}</td>
                    <td class="num">{yuan(a.repaidFen)}</td>
                    <td class="num">
                      <strong>{yuan(a.outstandingFen)}</strong>
                    </td>
                    <td>
                      <Show
                        when={repaying() === a.clubId}
                        fallback={
                          <Show when={a.outstandingFen > 0}>
                            <button
                              type="button"
                              class="secondary"
                              aria-label={t('recordMoney.repayNamed', { club: a.clubName })}
                              onClick={() => setRepaying(a.clubId)}
                            >
                              {t('recordMoney.repay')}
                            </button>
                          </Show>
                        }
                      >
                        <RepaymentForm
                          clubId={a.clubId}
                          clubName={a.clubName}
                          outstandingFen={a.outstandingFen}
                          onDone={() => void changed()}
                          onCancel={() => setRepaying(null)}
                        />
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
      <h3>{t('recordMoney.newAdvance')}</h3>
      <Show when={props.clubs.length > 0} fallback={<p class="help">{t('recordMoney.noClubs')}</p>}>
        <form class="stack" onSubmit={(e) => void advance(e)} aria-label={t('recordMoney.newAdvance')}>
          <div class="field">
            <label for="advance-club">{t('recordMoney.club')}</label>
            <select id="advance-club" value={clubId()} onChange={(e) => setClubId(e.currentTarget.value)}>
              <For each={props.clubs}>{(c) => <option value={String(c.clubId)}>{c.clubName}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="advance-amount">{t('recordMoney.amount')}</label>
            <input
              id="advance-amount"
              inputmode="decimal"
              required
              aria-invalid={amountInvalid()}
              aria-describedby={amountInvalid() ? 'advance-amount-error' : undefined}
              value={amount()}
              onInput={(e) => setAmount(e.currentTarget.value)}
            />
            <Show when={amountInvalid()}>
              <p class="field-error" id="advance-amount-error">
                {t('recordMoney.amountInvalid')}
              </p>
            </Show>
          </div>
          <div class="field">
            <label for="advance-note">{t('recordMoney.note')}</label>
            <input id="advance-note" maxlength={200} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <ErrorMessage error={error()} detail />
          <button type="submit">{t('recordMoney.advanceSubmit')}</button>
        </form>
      </Show>
    </section>
  );
}
