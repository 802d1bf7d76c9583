import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useItemLabels } from './item-labels';
import { formatDate } from '../../lib/format';

/** The items a member donated and chose to follow, and what became of each. */
export function MyDonations() {
  const { t, locale } = useI18n();
  const labels = useItemLabels();
  const [mine] = createResource(() => request(api.api.shop['my-donations'].$get()));
  return (
    <section class="my-donations" aria-labelledby="my-donations-title">
      <h2 id="my-donations-title">{t('shop.myTitle')}</h2>
      <p class="help">{t('shop.myHelp')}</p>
      <ErrorMessage error={mine.error} />
      <Show when={mine.state === 'ready' ? mine() : undefined}>
        {(m) => (
          <Show when={m().items.length > 0} fallback={<p class="empty">{t('shop.noMine')}</p>}>
            <ul class="rows">
              <For each={m().items}>
                {(item) => (
                  <li class="row">
                    <span class="code">{item.code}</span> <strong>{item.title}</strong>{' '}
                    <span class="tag" data-status={item.status}>
                      {labels.status(item.status)}
                    </span>{' '}
                    <Show when={item.leftAt}>{(at) => <span class="help">{formatDate(at(), locale())}</span>}</Show>
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
