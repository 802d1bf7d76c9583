import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { today, yuan } from '../../lib/format';
import { fundName, useLabel } from '../../lib/labels';
import { EntryActions } from './entry-actions';
import { TableWrap } from '../../components/table-wrap';

const FIRST_YEAR = 2020;

/** A fund's public statement for a year: opening, income and spending by category, surplus, closing, every entry. */
/** Money by category with its total: one table for income, one for spending. */
function CategoryTable(props: {
  id: string;
  title: string;
  rows: { category: string; amountFen: number }[];
  total: number;
  totalLabel: string;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const category = (key: string) => label(`ledgerCategory.${key}`, key);
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.rows.length > 0} fallback={<p class="help">{t('statement.none')}</p>}>
        <TableWrap labelledBy={`${props.id}-title`}>
          <table>
            <tbody>
              <For each={props.rows}>
                {(row) => (
                  <tr>
                    <th scope="row">{category(row.category)}</th>
                    <td class="num">{yuan(row.amountFen)}</td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{props.totalLabel}</th>
                <td class="num">
                  <strong>{yuan(props.total)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      </Show>
    </section>
  );
}

export default function FundStatement() {
  const params = useParams<{ key: string }>();
  const { t, locale } = useI18n();
  const label = useLabel();
  const { member, isAdmin } = useMembership();
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
  const [year, setYear] = createSignal(thisYear);
  const period = () => ({ from: `${year()}-01-01`, to: `${year() + 1}-01-01` });
  const [statement, { refetch }] = createResource(
    () => ({ key: decodeURIComponent(params.key), reader: member()?.id ?? 'visitor', ...period() }),
    (q) => request(api.api.ledger.funds[':key'].statement.$get({ param: { key: q.key }, query: { from: q.from, to: q.to } })),
  );
  // Receipts are for administrators: only they see which entries have one, and may open them.
  const [receipts, { refetch: refetchReceipts }] = createResource(
    () => (isAdmin() ? decodeURIComponent(params.key) : false),
    (key) => request(api.api.ledger.funds[':key'].receipts.$get({ param: { key } })),
  );
  const receiptsOf = (id: number) => (receipts()?.receipts ?? []).filter((r) => r.transactionId === id);
  const reversedIds = () => new Set((s()?.entries ?? []).flatMap((e) => (e.reversesId ? [e.reversesId] : [])));
  const changed = () => {
    void refetch();
    void refetchReceipts();
  };
  const s = () => (statement.state === 'ready' || statement.state === 'refreshing' ? statement() : undefined);
  const category = (key: string) => label(`ledgerCategory.${key}`, key);
  const csvHref = () =>
    `/api/ledger/funds/${encodeURIComponent(decodeURIComponent(params.key))}/statement.csv?from=${period().from}&to=${period().to}`;

  // The CSV needs the session token, which a plain link does not carry; fetch it with the client and save it.
  const [csvError, setCsvError] = createSignal<unknown>();
  async function downloadCsv(event: MouseEvent) {
    event.preventDefault();
    setCsvError(undefined);
    try {
      const response = await api.api.ledger.funds[':key']['statement.csv'].$get({
        param: { key: decodeURIComponent(params.key) },
        query: period(),
      });
      if (!response.ok) await request(Promise.resolve(response));
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `statement-${decodeURIComponent(params.key).replace(':', '-')}-${year()}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setCsvError(e);
    }
  }

  const title = () => {
    const fund = s()?.fund;
    if (!fund) return t('statement.title');
    return fundName(fund.name, locale());
  };

  return (
    <section class="statement">
      <p class="no-print">
        <A href="/accounts">{t('statement.back')}</A>
      </p>
      <h1>{title()}</h1>
      <p class="lead">{t('statement.intro')}</p>
      <MemberGate next={`/accounts/${params.key}`} />
      <div class="toolbar">
        <div class="field">
          <label for="statement-year">{t('statement.year')}</label>
          <select id="statement-year" value={String(year())} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            <For each={years}>{(y) => <option value={String(y)}>{t('statement.yearOption', { year: String(y) })}</option>}</For>
          </select>
        </div>
        <Show when={member()}>
          <a class="button secondary" href={csvHref()} onClick={(e) => void downloadCsv(e)} download="">
            {t('statement.csv')}
          </a>
        </Show>
      </div>
      <ErrorMessage error={csvError()} />
      <ErrorMessage error={statement.error} />
      <Show
        when={s()}
        fallback={
          <Show when={!statement.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(st) => (
          <>
            <Show when={st().fund.clubId}>
              {(clubId) => (
                <p>
                  <A href={`/clubs/${clubId()}`}>{t('statement.toClub')}</A>
                </p>
              )}
            </Show>
            <div class="stats" data-testid="statement-summary">
              <div class="stat">
                <strong>{yuan(st().openingFen)}</strong>
                {t('statement.opening')}
              </div>
              <div class="stat">
                <strong>{yuan(st().incomeFen)}</strong>
                {t('statement.income')}
              </div>
              <div class="stat">
                <strong>{yuan(st().spendingFen)}</strong>
                {t('statement.spending')}
              </div>
              <div class="stat" classList={{ negative: st().surplusFen < 0 }}>
                <strong>{yuan(st().surplusFen)}</strong>
                {t('statement.surplus')}
              </div>
              <div class="stat">
                <strong>{yuan(st().closingFen)}</strong>
                {t('statement.closing')}
              </div>
            </div>
            <div class="two-columns">
              <CategoryTable
                id="income"
                title={t('statement.incomeByCategory')}
                rows={st().income}
                total={st().incomeFen}
                totalLabel={t('statement.totalIncome')}
              />
              <CategoryTable
                id="spending"
                title={t('statement.spendingByCategory')}
                rows={st().spending}
                total={st().spendingFen}
                totalLabel={t('statement.totalSpending')}
              />
            </div>
            <Show when={st().movements.length > 0}>
              <CategoryTable
                id="movements"
                title={t('statement.movements')}
                rows={st().movements}
                total={st().movementsFen}
                totalLabel={t('statement.totalMovements')}
              />
              <p class="help">{t('statement.movementsHelp')}</p>
            </Show>
            <h2>{t('statement.entries')}</h2>
            <Show when={!st().entriesForMembers} fallback={<p class="help">{t('statement.entriesForMembers')}</p>}>
              <Show when={st().entries.length > 0} fallback={<p class="help">{t('statement.noEntries')}</p>}>
                <TableWrap label={t('statement.entries')}>
                  <table class="entries">
                    <caption class="visually-hidden">{t('statement.entries')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('statement.date')}</th>
                        <th scope="col">{t('statement.category')}</th>
                        <th scope="col">{t('statement.memo')}</th>
                        <th scope="col" class="num">
                          {t('statement.amount')}
                        </th>
                        <Show when={isAdmin()}>
                          <th scope="col">{t('statement.actions')}</th>
                        </Show>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={st().entries}>
                        {(e) => (
                          <tr>
                            <td class="nowrap date">{e.occurredOn}</td>
                            <td class="category">{category(e.category)}</td>
                            <td class="memo">
                              {e.memo}
                              <Show when={e.activityId}>
                                {(activityId) => (
                                  <>
                                    {' '}
                                    <A href={`/activities/${activityId()}`}>{t('statement.activity')}</A>
                                  </>
                                )}
                              </Show>
                              <Show when={e.reversesId}>
                                {(r) => <span class="tag warn">{t('statement.reverses', { id: String(r()) })}</span>}
                              </Show>
                            </td>
                            <td class="num amount" classList={{ out: e.amountFen < 0 }}>
                              <span class="visually-hidden">{e.amountFen < 0 ? t('statement.out') : t('statement.in')} </span>
                              {e.amountFen < 0 ? yuan(e.amountFen) : `+${yuan(e.amountFen)}`}
                            </td>
                            <Show when={isAdmin()}>
                              <td>
                                <Show when={reversedIds().has(e.id)}>
                                  <span class="tag">{t('statement.reversed')}</span>
                                </Show>
                                <EntryActions
                                  entryId={e.id}
                                  reversible={e.reversesId === null && !reversedIds().has(e.id)}
                                  receipts={receiptsOf(e.id)}
                                  onChanged={changed}
                                />
                              </td>
                            </Show>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
