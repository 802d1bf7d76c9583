import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { fundName } from '../../lib/labels';
import { TableWrap } from '../../components/table-wrap';

/** The shop's public statement: a table of recent months and what the proceeds paid for. Names no one. */
export function ShopStatement() {
  const { t, locale } = useI18n();
  const [statement] = createResource(() => request(api.api.shop.statement.$get({ query: { months: '6' } })));
  const s = () => (statement.state === 'ready' ? statement() : undefined);
  const rows = () => [...(s()?.months ?? [])].reverse();
  const total = (key: 'takingsFen' | 'sold' | 'itemsIn') => (s()?.months ?? []).reduce((sum, m) => sum + m[key], 0);
  return (
    <section class="shop-statement" aria-labelledby="shop-statement-title">
      <h2 id="shop-statement-title">{t('shop.statementTitle')}</h2>
      <ErrorMessage error={statement.error} />
      <Show when={s()} fallback={<Show when={!statement.error}>{t('app.loading')}</Show>}>
        {(st) => (
          <>
            <div class="stats">
              <div class="stat">
                <strong>{st().inStock}</strong>
                {t('shop.inStock')}
              </div>
              <div class="stat">
                <strong>{total('sold')}</strong>
                {t('shop.sold')}
              </div>
              <div class="stat">
                <strong>{yuan(total('takingsFen'))}</strong>
                {t('shop.takings')}
              </div>
            </div>
            <p class="help">{t('shop.fund', { fund: fundName(st().fundName, locale()) })}</p>
            <TableWrap label={t('shop.months')}>
              <table class="shop-months">
                <caption class="visually-hidden">{t('shop.months')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('shop.month')}</th>
                    <th scope="col" class="num">
                      {t('shop.itemsIn')}
                    </th>
                    <th scope="col" class="num">
                      {t('shop.sold')}
                    </th>
                    <th scope="col" class="num">
                      {t('shop.passedOn')}
                    </th>
                    <th scope="col" class="num">
                      {t('shop.recycled')}
                    </th>
                    <th scope="col" class="num">
                      {t('shop.takings')}
                    </th>
                    <th scope="col" class="num">
                      {t('shop.difference')}
                    </th>
                    <th scope="col" class="num">
                      {t('shop.spent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(m) => (
                      <tr data-month={m.month}>
                        <th scope="row">{m.month}</th>
                        <td class="num" data-label={t('shop.itemsIn')}>
                          {m.itemsIn}
                        </td>
                        <td class="num" data-label={t('shop.sold')}>
                          {m.sold}
                        </td>
                        <td class="num" data-label={t('shop.passedOn')}>
                          {m.passedOn}
                        </td>
                        <td class="num" data-label={t('shop.recycled')}>
                          {m.recycled}
                        </td>
                        <td class="num takings" data-label={t('shop.takings')}>
                          {yuan(m.takingsFen)}
                        </td>
                        <td class="num" data-label={t('shop.difference')} classList={{ negative: m.differenceFen < 0 }}>
                          {yuan(m.differenceFen)}
                        </td>
                        <td class="num" data-label={t('shop.spent')}>
                          {yuan(m.spentFen)}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
            <h3 class="subhead">{t('shop.usesTitle')}</h3>
            <Show when={st().uses.length > 0} fallback={<p class="empty">{t('shop.noUses')}</p>}>
              <ul class="rows">
                <For each={st().uses}>
                  {(u) => (
                    <li class="row use">
                      <strong>{u.purpose}</strong> <span class="num">{yuan(u.amountFen)}</span>
                      <span class="help block">{u.occurredOn}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
