import { ShareButton } from '../../../components/share-button';
import { A, useParams } from '@solidjs/router';
import { createResource, lazy, Show, Suspense } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { useSite } from '../../../lib/site-context';
import { isAdminOf, loadProgram } from './program';
import { ProgramAdmin } from './program-admin';
import { ProgramPeople } from './program-people';
import { ProgramSections } from './program-sections';

// The chart chunk (chart.js) loads with the figures only, after the page's text.
const ProgramFigures = lazy(() => import('./program-figures'));

/** A program's own page: public, with residents' names for members only; administrators edit it here. */
export default function ProgramPageView() {
  const params = useParams<{ key: string }>();
  const { t, pick, locale } = useI18n();
  const { me } = useSite();
  const [program, { refetch }] = createResource(
    () => ({ key: params.key, locale: locale(), who: me()?.userId ?? '' }),
    (k) => loadProgram(k.key, k.locale),
  );
  const admin = () => isAdminOf(me());

  return (
    <section class="program-page">
      <p class="no-print">
        <A href="/">{t('program.backHome')}</A>
      </p>
      <ErrorMessage error={program.error} />
      <Show when={program()} fallback={<Show when={!program.error}>{<p>{t('program.loading')}</p>}</Show>}>
        {(p) => (
          <>
            <header class="hero">
              <h1>{pick(p().name)}</h1>
              <p class="lead">{pick(p().description)}</p>
              <p class="no-print">
                <ShareButton title={pick(p().name)} />
              </p>
              <Show when={!p().enabled}>
                <p class="alert">{t('program.switchedOff')}</p>
              </Show>
            </header>
            <Show when={p().tool}>
              {(href) => (
                <section class="card tool-card" aria-labelledby="program-tool">
                  <h2 id="program-tool">{t('program.toolTitle')}</h2>
                  <p>{t(`program.tool_${p().key}` as 'program.tool_library')}</p>
                  <A class="button" href={href()}>
                    {t('program.toolOpen')}
                  </A>
                  <Show when={p().key === 'community-helps-community'}>
                    <p>{t('partnerships.fromNeeds')}</p>
                    <A class="button secondary" href="/partnerships">
                      {t('partnerships.title')}
                    </A>
                  </Show>
                </section>
              )}
            </Show>
            <ProgramSections program={p()} admin={admin()} />
            <ProgramPeople program={p()} />
            <Suspense fallback={<p>{t('program.loading')}</p>}>
              <ProgramFigures program={p()} />
            </Suspense>
            <Show when={admin()}>
              <ProgramAdmin program={p()} onChanged={() => void refetch()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
