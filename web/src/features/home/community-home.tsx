import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';
import { ProgramList } from './program-list';
import { StructureView } from './structure-view';

export default function CommunityHome() {
  const { t, pick } = useI18n();
  const { me } = useSite();
  const [community] = createResource(() => request(api.api.community.$get()));
  const isAdmin = () => me()?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
  return (
    <>
      <ErrorMessage error={community.error} />
      <Show when={community()} fallback={<p>{t('app.loading')}</p>}>
        {(c) => (
          <>
            <section class="hero">
              <h1>{pick(c().name)}</h1>
              <p class="facts">
                <span>{[c().city, c().district].filter(Boolean).join(' · ')}</span>
                <span>{t('community.households', { count: c().households.toLocaleString() })}</span>
                <span>{t('community.buildingsCount', { count: String(c().buildings.length) })}</span>
                <span>{t('community.members', { count: String(c().memberCount) })}</span>
              </p>
              <div class="actions">
                <Show
                  when={me()?.member}
                  fallback={
                    <Show
                      when={me()?.application?.status === 'pending'}
                      fallback={
                        <A class="button" href="/join">
                          {t('community.join')}
                        </A>
                      }
                    >
                      <A class="tag" href="/join">
                        {t('community.waitingTag')}
                      </A>
                    </Show>
                  }
                >
                  <span class="tag">{t('community.joined')}</span>
                </Show>
                <Show when={isAdmin()}>
                  <A class="button secondary" href="/admin">
                    {t('community.admin')}
                  </A>
                </Show>
              </div>
            </section>
            <section aria-labelledby="programs-title">
              <h2 id="programs-title">{t('community.programsTitle')}</h2>
              <p class="lead">{t('community.programsIntro')}</p>
              <ProgramList programs={c().programs} />
            </section>
            <section aria-labelledby="structure-title">
              <h2 id="structure-title">{t('community.structureTitle')}</h2>
              <p class="lead">{t('community.structureIntro')}</p>
              <StructureView data={c()} />
            </section>
          </>
        )}
      </Show>
    </>
  );
}
