import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';

export default function AdminChecklist() {
  const { t } = useI18n();
  const { me } = useSite();
  const [checklist] = createResource(
    () => me()?.userId,
    () => request(api.api.admin.checklist.$get()),
  );
  const forbidden = () => checklist.error instanceof ApiError && checklist.error.status === 403;
  return (
    <section>
      <h1>{t('checklist.title')}</h1>
      <p class="lead">{t('checklist.intro')}</p>
      <p>
        <A href="/association">{t('association.title')}</A> · <A href="/admin/data">{t('archive.title')}</A>
      </p>
      <Show when={!forbidden()} fallback={<p class="alert">{t('checklist.forbidden')}</p>}>
        <ErrorMessage error={checklist.error} />
        <ul class="checklist" data-testid="checklist">
          <For each={(checklist.error ? undefined : checklist()?.items) ?? []}>
            {(item) => (
              <li class="card" data-item={item.key} data-done={item.done}>
                <span class="check" classList={{ done: item.done }} aria-hidden="true">
                  {item.done ? '✓' : ''}
                </span>
                <div>
                  <h3>
                    {t(`checklist.item_${item.key}`)}
                    <span class="visually-hidden"> · {item.done ? t('checklist.done') : t('checklist.pending')}</span>
                  </h3>
                  <p>{t(`checklist.item_${item.key}_body`)}</p>
                  <p>
                    <span class="tag" classList={{ warn: !item.done }}>
                      {t('checklist.progress', { current: String(item.progress.current), target: String(item.progress.target) })}
                    </span>{' '}
                    <A href={item.href} aria-label={`${t('checklist.open')}: ${t(`checklist.item_${item.key}`)}`}>
                      {t('checklist.open')}
                    </A>
                  </p>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
