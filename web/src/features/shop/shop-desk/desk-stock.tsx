import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { yuan } from '../../../lib/format';

/** The newest items in stock; picking one puts its code in the sell panel. */
export function DeskStock(props: { version: number; onPick: (code: string) => void }) {
  const { t } = useI18n();
  const [stock] = createResource(
    () => props.version,
    () => request(api.api.shop.desk.items.$get({ query: { status: 'in-stock', limit: '30' } })),
  );
  return (
    <section class="card desk-stock desk-part" aria-labelledby="desk-stock-title">
      <h2 id="desk-stock-title">{t('shopDesk.stockTitle')}</h2>
      <ErrorMessage error={stock.error} />
      <Show when={stock.state === 'ready' ? stock() : undefined}>
        {(s) => (
          <ul class="rows">
            <For each={s().items}>
              {(item) => (
                <li class="row">
                  <button type="button" class="link-button" onClick={() => props.onPick(item.code)}>
                    {item.code}
                  </button>{' '}
                  {item.title} <span class="num">{yuan(item.priceFen)}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}
