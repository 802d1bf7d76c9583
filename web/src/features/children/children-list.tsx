import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { nameOrErased } from '../settings/erased-name';

/** The children signed up, with their guardian, consent and, while kept, emergency contact and needs (organisers only). */
export function ChildrenList(props: { activityId: string }) {
  const { t } = useI18n();
  // An administrator may see the safety step but not the children's details: the list is then simply absent.
  const [list] = createResource(
    () => props.activityId,
    (id) => request(api.api.activities[':id'].children.$get({ param: { id } })).catch(() => null),
  );
  return (
    <Show when={list()}>
      {(l) => (
        <section aria-labelledby="children-list-title">
          <h2 id="children-list-title">{t('children.childrenList')}</h2>
          <Show when={l().children.length > 0} fallback={<p class="card empty">{t('children.noChildren')}</p>}>
            <ul class="book-list">
              <For each={l().children}>
                {(c) => (
                  <li class="card">
                    <div class="book-main">
                      <strong>{nameOrErased(c.childName, t('retention.erased'))}</strong>
                      <span class="help block">
                        {t('children.born', { month: c.birthMonth })} · {t('children.guardian', { name: c.guardianName })} ·{' '}
                        {t(`children.status_${c.status as 'confirmed'}`)}
                      </span>
                      <Show when={c.emergencyName} fallback={<span class="help block">{t('children.detailsErased')}</span>}>
                        <span class="help block">
                          {t('children.emergency', { name: c.emergencyName ?? '', phone: c.emergencyPhone ?? '' })}
                        </span>
                        <Show when={c.needsNote}>
                          <span class="help block">{t('children.needs', { note: c.needsNote ?? '' })}</span>
                        </Show>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}
