import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';

/** 小小建筑师: the project series, and starting one (whoever proposes it leads it). */
export default function Projects() {
  const { t } = useI18n();
  const { member } = useMembership();
  const [projects, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api['architect-projects'].$get()),
  );
  const [title, setTitle] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const action = createAction(() => refetch());
  return (
    <section class="architects">
      <h1>{t('architects.title')}</h1>
      <p class="lead">{t('architects.intro')}</p>
      <MemberGate next="/little-architects" />
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <ErrorMessage error={action.error() ?? projects.error} detail />
      <Show when={projects.latest}>
        {(p) => (
          <Show when={p().projects.length > 0} fallback={<p class="card empty">{t('architects.none')}</p>}>
            <ul class="book-list">
              <For each={p().projects}>
                {(x) => (
                  <li class="card">
                    <div class="book-main">
                      <A href={`/little-architects/${x.id}`}>{x.title}</A>
                      <span class="help block">{x.summary}</span>
                      <span class="help block">
                        {t('architects.lead', { name: x.leadName })} ·{' '}
                        {t('architects.progress', { finished: String(x.finished), stages: String(x.stages) })}
                      </span>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={member()}>
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              await request(api.api['architect-projects'].$post({ json: { title: title().trim(), summary: summary().trim() } }));
              setTitle('');
              setSummary('');
            }, t('architects.created'));
          }}
        >
          <h2>{t('architects.create')}</h2>
          <div class="field">
            <label for="project-title">{t('architects.projectTitle')}</label>
            <input id="project-title" required maxlength="60" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="project-summary">{t('architects.summary')}</label>
            <textarea id="project-summary" maxlength="500" value={summary()} onInput={(e) => setSummary(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button" disabled={action.busy()}>
            {t('architects.create')}
          </button>
        </form>
      </Show>
    </section>
  );
}
