import { createResource, createSignal, For, Show } from 'solid-js';
import { itemCategories } from '../../../../worker/community/shop/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { useItemLabels } from './item-labels';

type Category = (typeof itemCategories)[number];

/** What is in the shop now, for members: item, category, condition and price; never who gave it. */
export function StockList() {
  const { t } = useI18n();
  const labels = useItemLabels();
  const [category, setCategory] = createSignal<Category | ''>('');
  const [q, setQ] = createSignal('');
  const [stock] = createResource(
    () => ({ category: category(), q: q() }),
    (f) =>
      request(
        api.api.shop.items.$get({ query: { ...(f.category ? { category: f.category } : {}), ...(f.q ? { q: f.q } : {}), limit: '60' } }),
      ),
  );
  const list = () => (stock.state === 'ready' ? stock() : undefined);
  return (
    <section class="stock" aria-labelledby="stock-title">
      <h2 id="stock-title">{t('shop.stockTitle')}</h2>
      <div class="toolbar">
        <div class="field">
          <label for="stock-category">{t('shop.category')}</label>
          <select id="stock-category" value={category()} onChange={(e) => setCategory(e.currentTarget.value as Category | '')}>
            <option value="">{t('shop.anyCategory')}</option>
            <For each={itemCategories}>{(c) => <option value={c}>{labels.category(c)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="stock-q">{t('shop.search')}</label>
          <input id="stock-q" type="search" maxlength={40} value={q()} onChange={(e) => setQ(e.currentTarget.value.trim())} />
        </div>
      </div>
      <ErrorMessage error={stock.error} />
      <Show when={list()}>
        {(l) => (
          <Show when={l().items.length > 0} fallback={<p class="empty">{t('shop.noStock')}</p>}>
            <ul class="rows stock-items">
              <For each={l().items}>
                {(item) => (
                  <li class="row">
                    <span class="code">{item.code}</span> <strong>{item.title}</strong>{' '}
                    <span class="tag">{labels.category(item.category)}</span> <span class="help">{labels.condition(item.condition)}</span>{' '}
                    <span class="num price">{yuan(item.priceFen)}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={l().total > l().items.length}>
              <p class="help">{t('shop.moreStock', { count: l().total - l().items.length })}</p>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}
