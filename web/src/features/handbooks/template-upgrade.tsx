import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { TextDiff } from './text-diff';

type Choice = 'take-upstream' | 'keep-mine' | 'merged';
const idOf = (c: { handbook: string; key: string; locale: string }) => `${c.handbook}/${c.key}/${c.locale}`;
const asText = (t: { title: string; body: string } | null) => (t ? `# ${t.title}\n\n${t.body}` : '');

export default function TemplateUpgrade() {
  const { t, pick } = useI18n();
  const [plan, { refetch }] = createResource(() => request(api.api.template.upgrade.$get()));
  const [choices, setChoices] = createStore<Record<string, { choice?: Choice; merged?: string }>>({});
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal<number>();
  const [busy, setBusy] = createSignal(false);

  const pending = createMemo(() => (plan()?.chapters ?? []).filter((c) => c.status !== 'unchanged'));
  const count = (status: string) => (plan()?.chapters ?? []).filter((c) => c.status === status).length;
  const unresolved = () => pending().filter((c) => c.status === 'conflict' && !choices[idOf(c)]?.choice).length;

  async function apply() {
    const data = plan();
    if (!data?.target) return;
    setBusy(true);
    setError(undefined);
    try {
      const decisions = pending()
        .filter((c) => (c.status === 'conflict' || c.status === 'update') && c.revision !== null)
        .flatMap((c) => {
          const picked = choices[idOf(c)];
          const choice: Choice = picked?.choice ?? 'take-upstream';
          if (c.status === 'conflict' && !picked?.choice) return [];
          const mergedBody = picked?.merged ?? c.mine?.body ?? '';
          return [
            {
              handbook: c.handbook,
              key: c.key,
              locale: c.locale,
              choice,
              revision: c.revision as number,
              ...(choice === 'merged' ? { merged: { title: c.mine?.title ?? c.upstream?.title ?? c.key, body: mergedBody } } : {}),
            },
          ];
        });
      const result = await request(api.api.template.upgrade.$post({ json: { version: data.target.version, decisions } }));
      setDone(result.version);
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('upgrade.title')}</h1>
      <ErrorMessage error={plan.error ?? error()} />
      <Show when={done()}>
        <p class="notice" role="status">
          {t('upgrade.done', { version: String(done()) })}
        </p>
      </Show>
      <Show when={plan()}>
        {(data) => (
          <Show when={data().target} fallback={<p class="notice">{t('upgrade.none', { version: String(data().currentVersion) })}</p>}>
            {(target) => (
              <>
                <p class="lead">{t('upgrade.intro', { current: String(data().currentVersion), target: String(target().version) })}</p>
                <h2>{t('upgrade.changes')}</h2>
                <ul>
                  <For each={target().changes}>{(change) => <li>{pick(change)}</li>}</For>
                </ul>
                <p class="help" data-testid="upgrade-summary">
                  {t('upgrade.summary', {
                    added: String(count('added')),
                    updates: String(count('update')),
                    conflicts: String(count('conflict')),
                    unchanged: String(count('unchanged')),
                  })}
                </p>
                <ol class="upgrade-list">
                  <For each={pending()}>
                    {(c) => (
                      <li class="card" data-chapter={idOf(c)} data-status={c.status}>
                        <h3>
                          {(c.mine ?? c.upstream)?.title}{' '}
                          <span class="help">· {t(c.locale === 'en' ? 'upgrade.locale_en' : 'upgrade.locale_zh')}</span>
                        </h3>
                        <p>
                          <span class="tag" classList={{ warn: c.status === 'conflict' }}>
                            {t(`upgrade.status_${c.status}`)}
                          </span>
                        </p>
                        <Show when={c.hasDraft}>
                          <p class="help">{t('upgrade.draftWarning')}</p>
                        </Show>
                        <Switch>
                          <Match when={c.status === 'update' || c.status === 'added'}>
                            <details>
                              <summary>
                                {t('upgrade.upstreamChanges', { base: String(data().currentVersion), target: String(target().version) })}
                              </summary>
                              <TextDiff before={asText(c.base)} after={asText(c.upstream)} />
                            </details>
                            <Show when={c.status === 'update'}>
                              <label class="radio">
                                <input
                                  type="checkbox"
                                  checked={(choices[idOf(c)]?.choice ?? 'take-upstream') === 'take-upstream'}
                                  onChange={(e) => setChoices(idOf(c), { choice: e.currentTarget.checked ? 'take-upstream' : 'keep-mine' })}
                                />
                                {t('upgrade.takeThis')}
                              </label>
                            </Show>
                          </Match>
                          <Match when={c.status === 'conflict'}>
                            <div class="three-way">
                              <div>
                                <h4>
                                  {t('upgrade.upstreamChanges', { base: String(data().currentVersion), target: String(target().version) })}
                                </h4>
                                <TextDiff before={asText(c.base)} after={asText(c.upstream)} />
                              </div>
                              <div>
                                <h4>{t('upgrade.yourChanges', { base: String(data().currentVersion) })}</h4>
                                <TextDiff before={asText(c.base)} after={asText(c.mine)} />
                              </div>
                            </div>
                            <fieldset>
                              <legend>{(c.mine ?? c.upstream)?.title}</legend>
                              <For each={['keep-mine', 'take-upstream', 'merged'] as Choice[]}>
                                {(choice) => (
                                  <label class="radio">
                                    <input
                                      type="radio"
                                      name={`choice-${idOf(c)}`}
                                      value={choice}
                                      checked={choices[idOf(c)]?.choice === choice}
                                      onChange={() => setChoices(idOf(c), { choice, merged: choices[idOf(c)]?.merged ?? c.mine?.body })}
                                    />
                                    {t(
                                      choice === 'keep-mine'
                                        ? 'upgrade.keepMine'
                                        : choice === 'take-upstream'
                                          ? 'upgrade.takeUpstream'
                                          : 'upgrade.merge',
                                    )}
                                  </label>
                                )}
                              </For>
                              <Show when={choices[idOf(c)]?.choice === 'merged'}>
                                <div class="field">
                                  <label for={`merged-${idOf(c)}`}>{t('upgrade.mergedText')}</label>
                                  <textarea
                                    id={`merged-${idOf(c)}`}
                                    rows="12"
                                    value={choices[idOf(c)]?.merged ?? ''}
                                    onInput={(e) => setChoices(idOf(c), 'merged', e.currentTarget.value)}
                                  />
                                </div>
                              </Show>
                            </fieldset>
                          </Match>
                        </Switch>
                      </li>
                    )}
                  </For>
                </ol>
                <Show when={unresolved() > 0}>
                  <p class="alert">{t('upgrade.needChoice', { count: String(unresolved()) })}</p>
                </Show>
                <button type="button" class="button" disabled={busy() || unresolved() > 0} onClick={apply}>
                  {busy() ? t('upgrade.applying') : t('upgrade.apply', { version: String(target().version) })}
                </button>
              </>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
