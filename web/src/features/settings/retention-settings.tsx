import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { erasureKinds, MAX_MONTHS, MIN_MONTHS } from '../../../../worker/community/retention/rules';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';

const periodFields = [
  { key: 'careMonths', label: 'retention.care', body: ['retention.careBody', 'retention.assistedBody'] },
  { key: 'libraryMonths', label: 'retention.library', body: ['retention.libraryBody'] },
] as const;
type Key = (typeof periodFields)[number]['key'];

/** /admin/retention (数据保留): the keeping periods in plain words, and what the nightly pass erased lately (counts). */
export default function RetentionSettings() {
  const { t } = useI18n();
  const [values, setValues] = createSignal<Record<Key, number>>({ careMonths: 12, libraryMonths: 6 });
  // The form starts from what was read; set here, not in an effect, since reading a failed resource would throw.
  const [page, { mutate }] = createResource(async () => {
    const read = await request(api.api.retention.$get());
    setValues(read.periods);
    return read;
  });
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const forbidden = () => page.error instanceof ApiError && page.error.status === 403;

  async function save(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      mutate(await request(api.api.retention.$put({ json: values() })));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section class="retention-settings">
      <p>
        <A href="/admin/settings">← {t('settings.title')}</A>
      </p>
      <h1>{t('retention.title')}</h1>
      <p class="lead">{t('retention.intro')}</p>
      <MemberGate next="/admin/retention" />
      <Show when={!forbidden()} fallback={<p class="notice">{t('retention.forbidden')}</p>}>
        <ErrorMessage error={page.error} />
        <Show when={page()}>
          {(p) => (
            <>
              <div class="card">
                <h2>{t('retention.children')}</h2>
                <p>{t('retention.childrenBody', { days: p().childDays })}</p>
                <p class="hint">{t('retention.childrenRule')}</p>
              </div>
              <form class="card" onSubmit={(e) => void save(e)} aria-label={t('retention.title')}>
                <ErrorMessage error={error()} detail />
                <For each={periodFields}>
                  {(f) => (
                    <div class="field">
                      <label for={`rt-${f.key}`}>{t(f.label)}</label>
                      <input
                        id={`rt-${f.key}`}
                        type="number"
                        inputmode="numeric"
                        min={MIN_MONTHS}
                        max={MAX_MONTHS}
                        required
                        aria-describedby={`rt-${f.key}-help`}
                        value={values()[f.key]}
                        onInput={(e) => setValues((v) => ({ ...v, [f.key]: Number(e.currentTarget.value) }))}
                      />
                      <div id={`rt-${f.key}-help`}>
                        <For each={f.body}>{(key) => <p class="hint">{t(key)}</p>}</For>
                      </div>
                    </div>
                  )}
                </For>
                <button type="submit" class="button">
                  {t('retention.save')}
                </button>{' '}
                <Show when={saved()}>
                  <span class="tag" role="status">
                    {t('retention.saved')}
                  </span>
                </Show>
              </form>
              <h2>{t('retention.runs')}</h2>
              <Show when={p().runs.length > 0} fallback={<p class="hint">{t('retention.runsEmpty')}</p>}>
                <ul class="checklist">
                  <For each={p().runs}>
                    {(run) => (
                      <li class="card">
                        <h3>{run.day}</h3>
                        <Show when={erasureKinds.some((kind) => run[kind] > 0)} fallback={<p class="hint">{t('retention.runNothing')}</p>}>
                          <dl class="facts-inline">
                            <For each={erasureKinds.filter((kind) => run[kind] > 0)}>
                              {(kind) => (
                                <div>
                                  <dt>{t(`retention.${kind}`)}</dt>
                                  <dd>{run[kind]}</dd>
                                </div>
                              )}
                            </For>
                          </dl>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
