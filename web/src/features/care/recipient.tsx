import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useCareRoles } from './kinds';
import { VisitForm } from './visit-form';

/** /care/recipients/:id — an elder's record, for coordinators, the paired volunteers and whoever registered them. */
export default function Recipient() {
  const { t, locale } = useI18n();
  const params = useParams<{ id: string }>();
  const { member, isCoordinator } = useCareRoles();
  const [record, { refetch }] = createResource(
    () => (member() ? params.id : undefined),
    (id) => request(api.api['care-recipients'][':id'].$get({ param: { id } })),
  );
  const [error, setError] = createSignal<unknown>();
  const paired = () => record()?.pairings.some((p) => p.volunteerId === member()?.id) ?? false;
  async function end(pairingId: number) {
    setError(undefined);
    try {
      await request(
        api.api['care-recipients'][':id'].pairings[':pairingId'].end.$post({ param: { id: params.id, pairingId: String(pairingId) } }),
      );
      void refetch();
    } catch (e) {
      setError(e);
    }
  }
  const sep = () => (locale() === 'en' ? ', ' : '、');
  return (
    <section class="care">
      <p>
        <A href={isCoordinator() ? '/care/coordinator' : '/care'}>← {t(isCoordinator() ? 'care.coordinatorList' : 'care.title')}</A>
      </p>
      <MemberGate next={`/care/recipients/${params.id}`} />
      <ErrorMessage error={record.error ?? error()} />
      <Show when={record.latest}>
        {(r) => (
          <>
            <h1>{r().name}</h1>
            <Show when={r().overdue}>
              <p class="notice">{t('care.overdue')}</p>
            </Show>
            <dl class="card facts">
              <dt>{t('careRegister.building')}</dt>
              <dd>
                {r().building ?? '—'} {r().household}
              </dd>
              <dt>{t('careRegister.phone')}</dt>
              <dd>{r().phone || '—'}</dd>
              <dt>{t('careRegister.needs')}</dt>
              <dd>
                {r()
                  .needs.map((n) => t(`care.need_${n}`))
                  .join(sep())}
              </dd>
              <Show when={r().needsNote}>
                <dt>{t('careRegister.needsNote')}</dt>
                <dd>{r().needsNote}</dd>
              </Show>
              <dt>{t('careRegister.preferredTimes')}</dt>
              <dd>{r().preferredTimes || '—'}</dd>
              <dt>{t('careRecipient.emergency')}</dt>
              <dd>
                {r().emergencyName} {r().emergencyPhone}
              </dd>
              <dt>{t('careRecipient.consent')}</dt>
              <dd>
                {t('careRecipient.consentLine', {
                  who: r().registeredBy.name,
                  as: t(`care.as_${r().registeredAs}`),
                  how: t(`care.consent_${r().consentHow}`),
                  date: r().consentOn,
                })}
              </dd>
            </dl>
            <h2>{t('careRecipient.pairings')}</h2>
            <Show when={r().pairings.length > 0} fallback={<p class="card empty">{t('careRecipient.unpaired')}</p>}>
              <ul class="book-list">
                <For each={r().pairings}>
                  {(p) => (
                    <li class="card">
                      {p.name}{' '}
                      <Show when={isCoordinator()}>
                        <button type="button" class="button secondary" onClick={() => void end(p.id)}>
                          {t('careRecipient.endPairing')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={paired()}>
              <VisitForm recipientId={r().id} onLogged={() => void refetch()} />
            </Show>
            <h2>{t('careRecipient.visits')}</h2>
            <Show when={r().visits.length > 0} fallback={<p class="card empty">{t('care.neverVisited')}</p>}>
              <ul class="book-list">
                <For each={r().visits}>
                  {(v) => (
                    <li class="card">
                      <strong>
                        {v.visitedOn} · {v.volunteerName} · {t('careRecipient.minutes', { n: String(v.minutes) })}
                      </strong>
                      <Show when={v.concern}>
                        <span class="tag">{v.followUp ? t('careRecipient.followedUp') : t('careRecipient.concern')}</span>
                      </Show>
                      <Show when={!v.confirmedAt}>
                        <span class="tag">{t('careRecipient.unconfirmed')}</span>
                      </Show>
                      <p>{v.done}</p>
                      <Show when={v.observations}>
                        <p class="help">{v.observations}</p>
                      </Show>
                      <Show when={v.followUp}>
                        <p class="help">
                          {t('careRecipient.followUp')}: {v.followUp}
                        </p>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
