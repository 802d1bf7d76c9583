import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useLibraryRoles } from './roles';

const fields = [
  { key: 'loanDays', min: 7, max: 90 },
  { key: 'maxLoans', min: 1, max: 20 },
  { key: 'holdDays', min: 1, max: 14 },
  { key: 'eraseAfterMonths', min: 1, max: 36 },
] as const;
type Key = (typeof fields)[number]['key'];

/** /library/settings: loan period, books per reader, hold days and erasure, for librarians and administrators. */
export default function LibrarySettings() {
  const { t } = useI18n();
  const { member, isKeeper } = useLibraryRoles();
  const [rules] = createResource(() => request(api.api.library.settings.$get()));
  const [values, setValues] = createSignal<Record<Key, number>>({ loanDays: 30, maxLoans: 3, holdDays: 3, eraseAfterMonths: 6 });
  createEffect(on(rules, (r) => r && setValues(r)));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  async function save(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      setValues(await request(api.api.library.settings.$put({ json: values() })));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section class="library">
      <p>
        <A href="/library">← {t('library.title')}</A>
      </p>
      <h1>{t('librarySettings.title')}</h1>
      <MemberGate next="/library/settings" />
      <Show when={member()}>
        <Show when={isKeeper()} fallback={<p class="notice">{t('librarySettings.forbidden')}</p>}>
          <form class="card" onSubmit={save}>
            <ErrorMessage error={error()} detail />
            <For each={fields}>
              {(f) => (
                <div class="field">
                  <label for={`ls-${f.key}`}>{t(`librarySettings.${f.key}`)}</label>
                  <input
                    id={`ls-${f.key}`}
                    type="number"
                    inputmode="numeric"
                    min={f.min}
                    max={f.max}
                    required
                    value={values()[f.key]}
                    onInput={(e) => setValues((v) => ({ ...v, [f.key]: Number(e.currentTarget.value) }))}
                  />
                </div>
              )}
            </For>
            <button type="submit" class="button">
              {t('librarySettings.save')}
            </button>{' '}
            <Show when={saved()}>
              <span class="tag" role="status">
                {t('librarySettings.saved')}
              </span>
            </Show>
          </form>
        </Show>
      </Show>
    </section>
  );
}
