import type { InferRequestType } from 'hono/client';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { parseYuan, today } from '../../../lib/format';
import { fundName, useLabel } from '../../../lib/labels';

type Money = InferRequestType<typeof api.api.ledger.money.$post>['json'];
type Kind = Money['kind'];
const KINDS: Kind[] = ['seed-fund', 'donation', 'grant', 'opening-balance'];

export interface FundOption {
  key: string;
  name: string;
  clubName: string | null;
}

/** Money coming into a fund: seed money, a donation (named or anonymous), a grant or an opening balance. */
export function IncomeForm(props: { funds: FundOption[]; onRecorded?: () => void }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  const [kind, setKind] = createSignal<Kind>('seed-fund');
  const [fund, setFund] = createSignal('hub');
  const [amount, setAmount] = createSignal('');
  const [date, setDate] = createSignal(today());
  const [note, setNote] = createSignal('');
  const [party, setParty] = createSignal('');
  const [anonymous, setAnonymous] = createSignal(false);
  const [donorName, setDonorName] = createSignal('');
  const [amountInvalid, setAmountInvalid] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  function body(amountFen: number): Money {
    const common = { fund: fund(), amountFen, occurredOn: date(), ...(note().trim() ? { note: note().trim() } : {}) };
    switch (kind()) {
      case 'seed-fund':
        return { kind: 'seed-fund', source: party().trim(), ...common };
      case 'grant':
        return { kind: 'grant', grantor: party().trim(), ...common };
      case 'donation':
        // An anonymous donation sends no name at all.
        return { kind: 'donation', donor: anonymous() ? { anonymous: true } : { anonymous: false, name: donorName().trim() }, ...common };
      default:
        return { kind: 'opening-balance', ...common };
    }
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setDone(false);
    setError(undefined);
    const amountFen = parseYuan(amount());
    setAmountInvalid(!amountFen);
    if (!amountFen) return;
    setBusy(true);
    try {
      await request(api.api.ledger.money.$post({ json: body(amountFen) }));
      setDone(true);
      setAmount('');
      setNote('');
      setDonorName('');
      props.onRecorded?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="income-title">
      <h2 id="income-title">{t('recordMoney.incomeTitle')}</h2>
      <fieldset>
        <legend>{t('recordMoney.kind')}</legend>
        <For each={KINDS}>
          {(k) => (
            <label class="radio">
              <input type="radio" name="money-kind" value={k} checked={kind() === k} onChange={() => setKind(k)} />
              {label(`ledgerCategory.${k}`, k)}
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for="money-fund">{t('recordMoney.fund')}</label>
        <select id="money-fund" value={fund()} onChange={(e) => setFund(e.currentTarget.value)}>
          <For each={props.funds}>
            {(f) => <option value={f.key}>{f.clubName ? t('accounts.clubFund', { name: f.clubName }) : fundName(f.name, locale())}</option>}
          </For>
        </select>
      </div>
      <Switch>
        <Match when={kind() === 'seed-fund' || kind() === 'grant'}>
          <div class="field">
            <label for="money-party">{kind() === 'grant' ? t('recordMoney.grantor') : t('recordMoney.source')}</label>
            <input
              id="money-party"
              required
              minlength={2}
              maxlength={80}
              placeholder={kind() === 'grant' ? t('recordMoney.grantorHint') : t('recordMoney.sourceHint')}
              value={party()}
              onInput={(e) => setParty(e.currentTarget.value)}
            />
          </div>
        </Match>
        <Match when={kind() === 'donation'}>
          <label class="radio">
            <input type="checkbox" checked={anonymous()} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
            {t('recordMoney.anonymous')}
          </label>
          <Show when={!anonymous()}>
            <div class="field">
              <label for="money-donor">{t('recordMoney.donorName')}</label>
              <input
                id="money-donor"
                required
                maxlength={60}
                aria-describedby="money-donor-help"
                value={donorName()}
                onInput={(e) => setDonorName(e.currentTarget.value)}
              />
              <p class="help" id="money-donor-help">
                {t('recordMoney.donorHelp')}
              </p>
            </div>
          </Show>
        </Match>
        <Match when={kind() === 'opening-balance'}>
          <p class="help">{t('recordMoney.openingHelp')}</p>
        </Match>
      </Switch>
      <div class="field">
        <label for="money-amount">{t('recordMoney.amount')}</label>
        <input
          id="money-amount"
          inputmode="decimal"
          required
          aria-invalid={amountInvalid()}
          aria-describedby={amountInvalid() ? 'money-amount-error' : undefined}
          value={amount()}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
        <Show when={amountInvalid()}>
          <p class="field-error" id="money-amount-error">
            {t('recordMoney.amountInvalid')}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for="money-date">{t('recordMoney.date')}</label>
        <input id="money-date" type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="money-note">{t('recordMoney.note')}</label>
        <input id="money-note" maxlength={200} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <ErrorMessage error={error()} detail />
      <Show when={done()}>
        <p role="status">{t('recordMoney.recorded')}</p>
      </Show>
      <button type="submit" disabled={busy()}>
        {t('recordMoney.submit')}
      </button>
    </form>
  );
}
