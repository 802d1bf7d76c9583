import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { formatWhen } from '../../lib/format';

const loadAccount = (userId: string) => request(api.api.operator.accounts[':userId'].$get({ param: { userId } }));

/**
 * How many communities an account may have being set up or active: look an account up by user id (or from a listed
 * community's founder, through `account`), see what it founded, and raise, lower or reset its limit.
 */
export function AccountLimits(props: { account?: string; onLookup: (userId: string) => void }) {
  const { t, locale } = useI18n();
  const [userId, setUserId] = createSignal('');
  const [limit, setLimit] = createSignal('');
  const [account, { mutate }] = createResource(() => props.account || undefined, loadAccount);
  const action = createAction(() => undefined);
  createEffect(() => {
    if (props.account) setUserId(props.account);
  });
  createEffect(() => {
    const current = account();
    if (current) setLimit(String(current.maxCommunities));
  });

  const save = (maxCommunities: number | null) =>
    action.run(async () => {
      const current = account();
      if (!current) return;
      mutate(
        await request(
          api.api.operator.accounts[':userId']['community-limit'].$put({ param: { userId: current.userId }, json: { maxCommunities } }),
        ),
      );
    }, t('operator.limitsSaved'));

  return (
    <section aria-labelledby="account-limits-title">
      <h2 id="account-limits-title">{t('operator.limitsTitle')}</h2>
      <p class="help">{t('operator.limitsHelp')}</p>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          action.setMessage('');
          if (userId().trim()) props.onLookup(userId().trim());
        }}
      >
        <div class="field">
          <label for="limit-user">{t('operator.limitsUserId')}</label>
          <input id="limit-user" required maxlength="120" value={userId()} onInput={(e) => setUserId(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button secondary">
          {t('operator.limitsLookup')}
        </button>
      </form>
      <ErrorMessage error={account.error ?? action.error()} />
      <Show when={account()}>
        {(a) => (
          <div class="card" aria-live="polite">
            <p>
              <strong>{a().userId}</strong> {t('operator.limitsSummary', { counted: String(a().counted), max: String(a().maxCommunities) })}{' '}
              {a().isDefault
                ? t('operator.limitsDefault')
                : t('operator.limitsSetBy', { by: a().setBy ?? '—', at: a().setAt ? formatWhen(a().setAt!, locale()) : '—' })}
            </p>
            <Show when={a().communities.length > 0} fallback={<p>{t('operator.limitsNoCommunities')}</p>}>
              <ul>
                <For each={a().communities}>
                  {(c) => (
                    <li>
                      {c.nameZh} · {c.slug} · {t(`operator.status_${c.status}`)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save(Number(limit()));
              }}
            >
              <div class="field">
                <label for="limit-max">{t('operator.limitsNew')}</label>
                <input
                  id="limit-max"
                  type="number"
                  inputmode="numeric"
                  min="0"
                  max="1000"
                  step="1"
                  required
                  value={limit()}
                  onInput={(e) => setLimit(e.currentTarget.value)}
                />
              </div>
              <div class="actions">
                <button type="submit" class="button" disabled={action.busy()}>
                  {t('operator.limitsSave')}
                </button>
                <Show when={!a().isDefault}>
                  <button type="button" class="button secondary" disabled={action.busy()} onClick={() => void save(null)}>
                    {t('operator.limitsReset')}
                  </button>
                </Show>
              </div>
              <Show when={action.message()}>
                <p role="status">{action.message()}</p>
              </Show>
            </form>
          </div>
        )}
      </Show>
    </section>
  );
}
