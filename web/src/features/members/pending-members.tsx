import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { createAction } from '../../lib/action';
import { formatDateTime } from '../../lib/coordination';

/**
 * Applications to join waiting for approval, with approve and decline: all of them for an administrator (no
 * `buildingId`), or those naming one building for its contacts. Hidden while none waits, unless `always`.
 */
export function PendingMembers(props: { buildingId?: number; buildingName?: string; always?: boolean; onDecided?: () => void }) {
  const { t, locale } = useI18n();
  const [list, { refetch }] = createResource(
    () => props.buildingId ?? 'all',
    (scope) =>
      scope === 'all'
        ? request(api.api.members.pending.$get())
        : request(api.api.buildings[':id']['pending-members'].$get({ param: { id: String(scope) } })),
  );
  const action = createAction(async () => {
    await refetch();
    props.onDecided?.();
  });
  const pending = () => (list.state === 'ready' || list.state === 'refreshing' ? list.latest.pending : []);
  const decide = (id: number, name: string, approve: boolean) =>
    action.run(
      () => request(api.api.members[':id'].decision.$post({ param: { id: String(id) }, json: { approve } })),
      t(approve ? 'pendingMembers.approved' : 'pendingMembers.declinedNotice', { name }),
    );
  const titleId = () => `pending-members-${props.buildingId ?? 'all'}`;

  return (
    <Show when={props.always || pending().length > 0 || action.message() || list.error || action.error()}>
      <section class="card pending pending-members" aria-labelledby={titleId()}>
        <h2 id={titleId()}>
          {t('pendingMembers.title')}
          <Show when={props.buildingName}>{(name) => <> · {name()}</>}</Show>
        </h2>
        <p class="help">{t('pendingMembers.help')}</p>
        <ErrorMessage error={list.error} />
        <ErrorMessage error={action.error()} detail />
        <Show when={action.message()}>
          <p class="notice" role="status">
            {action.message()}
          </p>
        </Show>
        <Show when={pending().length > 0} fallback={<p class="empty">{t('pendingMembers.none')}</p>}>
          <ul class="rows">
            <For each={pending()}>
              {(p) => (
                <li data-applicant={p.id}>
                  <span>
                    {t('pendingMembers.line', { name: p.displayName, building: p.buildingName ?? t('pendingMembers.noBuilding') })}
                    <span class="help block">{t('pendingMembers.appliedAt', { date: formatDateTime(p.appliedAt, locale()) })}</span>
                  </span>
                  <button
                    type="button"
                    class="button"
                    disabled={action.busy()}
                    aria-label={t('pendingMembers.approveNamed', { name: p.displayName })}
                    onClick={() => void decide(p.id, p.displayName, true)}
                  >
                    {t('pendingMembers.approve')}
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    disabled={action.busy()}
                    aria-label={t('pendingMembers.declineNamed', { name: p.displayName })}
                    onClick={() => void decide(p.id, p.displayName, false)}
                  >
                    {t('pendingMembers.decline')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
