import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useCareRoles } from './kinds';

/** /care — 居家养老: whom I visit (我的结对), the elders I registered, and the way to the register, the time bank and the coordinators' list. */
export default function Care() {
  const { t } = useI18n();
  const { member, isCoordinator } = useCareRoles();
  const [mine] = createResource(
    () => member()?.id,
    () => request(api.api.care.me.$get()),
  );
  return (
    <section class="care">
      <h1>{t('care.title')}</h1>
      <p class="lead">{t('care.intro')}</p>
      <MemberGate next="/care" />
      <Show when={member()}>
        <nav class="library-links" aria-label={t('care.title')}>
          <A class="button" href="/care/register">
            {t('care.register')}
          </A>
          <A class="button secondary" href="/care/time-bank">
            {t('care.timeBank')}
          </A>
          <A class="button secondary" href="/volunteering">
            {t('care.volunteer')}
          </A>
          <Show when={isCoordinator()}>
            <A class="button secondary" href="/care/coordinator">
              {t('care.coordinatorList')}
            </A>
          </Show>
        </nav>
        <ErrorMessage error={mine.error} />
        <Show when={mine.latest}>
          {(m) => (
            <>
              <h2>{t('care.myPairings')}</h2>
              <Show when={m().paired.length > 0} fallback={<p class="card empty">{t('care.noPairings')}</p>}>
                <ul class="book-list">
                  <For each={m().paired}>
                    {(p) => (
                      <li class="card">
                        <A href={`/care/recipients/${p.id}`}>{p.name}</A>
                        <span class="help block">
                          {p.building ?? ''} · {p.lastVisitOn ? t('care.lastVisit', { date: p.lastVisitOn }) : t('care.neverVisited')}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={m().registered.length > 0}>
                <h2>{t('care.myRegistrations')}</h2>
                <ul class="book-list">
                  <For each={m().registered}>
                    {(r) => (
                      <li class="card">
                        <A href={`/care/recipients/${r.id}`}>{r.name}</A>
                        <span class="help block">{t(`care.as_${r.registeredAs}`)}</span>
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
