import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { ErrorMessage } from '../../components/error-message';

/** Association admins grant named consultants read access to the community's aggregate figures, and revoke it. */
export function ConsultantAccess() {
  const { t, locale } = useI18n();
  const [resource, { refetch }] = createResource(() => request(api.api['consultant-access'].$get()));
  // A resource in error throws when read; the section shows the error instead.
  const data = () => (resource.error ? undefined : resource());
  const action = createAction(refetch);
  const [chosen, setChosen] = createSignal('');
  const [confirming, setConfirming] = createSignal<string>();
  const activeIds = createMemo(() => new Set((data()?.grants ?? []).filter((g) => g.revokedAt === null).map((g) => g.userId)));
  const grantable = createMemo(() => (data()?.directory ?? []).filter((c) => !activeIds().has(c.userId)));

  const grant = (userId: string) =>
    action.run(async () => {
      await request(api.api['consultant-access'][':userId'].$put({ param: { userId } }));
      setChosen('');
    }, t('consultant.access.grantedMessage'));
  const revoke = (userId: string) =>
    action.run(async () => {
      await request(api.api['consultant-access'][':userId'].$delete({ param: { userId } }));
      setConfirming(undefined);
    }, t('consultant.access.revokedMessage'));

  return (
    <section class="card consultant-access" aria-labelledby="consultant-access-title">
      <h2 id="consultant-access-title">{t('consultant.access.title')}</h2>
      <p>{t('consultant.access.intro')}</p>
      <ErrorMessage error={resource.error ?? action.error()} detail />
      <Show when={action.message()}>
        <p class="tag" role="status">
          {action.message()}
        </p>
      </Show>
      <Show when={data()}>
        <form
          class="grant-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen()) void grant(chosen());
          }}
        >
          <div class="field">
            <label for="consultant-choice">{t('consultant.access.choose')}</label>
            <select
              id="consultant-choice"
              value={chosen()}
              onChange={(e) => setChosen(e.currentTarget.value)}
              disabled={grantable().length === 0}
            >
              <option value="">
                {grantable().length === 0 ? t('consultant.access.noneToGrant') : t('consultant.access.choosePrompt')}
              </option>
              <For each={grantable()}>
                {(c) => <option value={c.userId}>{c.organisation ? `${c.displayName} · ${c.organisation}` : c.displayName}</option>}
              </For>
            </select>
          </div>
          <button type="submit" class="button" disabled={!chosen() || action.busy()}>
            {t('consultant.access.grant')}
          </button>
        </form>
        <h3>{t('consultant.access.listTitle')}</h3>
        <Show when={(data()?.grants.length ?? 0) > 0} fallback={<p class="empty">{t('consultant.access.empty')}</p>}>
          <ul class="rows grant-list">
            <For each={data()?.grants}>
              {(g) => (
                <li data-consultant={g.userId}>
                  <span>
                    <strong>{g.displayName}</strong>
                    <Show when={g.organisation}>
                      <span class="help"> · {g.organisation}</span>
                    </Show>
                    <span class="help block">
                      {t('consultant.access.grantedOn', { date: formatDate(g.grantedAt, locale()), by: g.grantedByName ?? g.grantedBy })}
                      <Show when={g.revokedAt}>
                        {(at) => <> · {t('consultant.access.revokedOn', { date: formatDate(at(), locale()) })}</>}
                      </Show>
                    </span>
                  </span>
                  <span class="tag" classList={{ muted: g.revokedAt !== null }}>
                    {g.revokedAt === null ? t('consultant.access.active') : t('consultant.access.revoked')}
                  </span>
                  <Show when={g.revokedAt === null}>
                    <Show
                      when={confirming() === g.userId}
                      fallback={
                        <button type="button" class="button secondary" onClick={() => setConfirming(g.userId)}>
                          {`${t('consultant.access.revoke')} `}
                          <span class="visually-hidden">{`· ${g.displayName}`}</span>
                        </button>
                      }
                    >
                      <span class="confirm-revoke">
                        <span class="help">{t('consultant.access.confirmRevoke', { name: g.displayName })}</span>
                        <button type="button" class="button danger" disabled={action.busy()} onClick={() => void revoke(g.userId)}>
                          {t('consultant.access.confirm')}
                        </button>
                        <button type="button" class="button secondary" onClick={() => setConfirming(undefined)}>
                          {t('consultant.access.cancel')}
                        </button>
                      </span>
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
