import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { ConcernList, ConfirmList, StaleDaysForm } from './coordinator-lists';
import { useCareRoles } from './kinds';

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
const loadOverview = () => request(api.api.care.overview.$get());

/** /care/coordinator — every recipient with the no-visit flag and pairings, concerns to follow up, visits to confirm. */
export default function Coordinator() {
  const { t, locale } = useI18n();
  const { member, isCoordinator } = useCareRoles();
  const [overview, { refetch }] = createResource(() => (member() && isCoordinator() ? member()?.id : undefined), loadOverview);
  const [error, setError] = createSignal<unknown>();
  const [choice, setChoice] = createSignal<Record<number, string>>({});
  const sep = () => (locale() === 'en' ? ', ' : '、');
  async function pair(recipientId: number) {
    const volunteerId = Number(choice()[recipientId]);
    if (!volunteerId) return;
    setError(undefined);
    try {
      await request(api.api['care-recipients'][':id'].pairings.$post({ param: { id: String(recipientId) }, json: { volunteerId } }));
      void refetch();
    } catch (e) {
      setError(e);
    }
  }
  const volunteerLabel = (v: Overview['volunteers'][number]) =>
    [v.name, v.ageBand ? t(`volunteer.age_${v.ageBand}`) : t('careCoordinator.ageUnknown'), v.skills, v.availability]
      .filter(Boolean)
      .join(' · ');
  return (
    <section class="care">
      <p>
        <A href="/care">← {t('care.title')}</A>
      </p>
      <h1>{t('care.coordinatorList')}</h1>
      <MemberGate next="/care/coordinator" />
      <Show when={member()}>
        <Show when={isCoordinator()} fallback={<p class="notice">{t('careCoordinator.forbidden')}</p>}>
          <ErrorMessage error={overview.error ?? error()} detail />
          <Show when={overview.latest}>
            {(o) => (
              <>
                <ConcernList concerns={o().concerns} onChanged={() => void refetch()} />
                <h2>{t('careCoordinator.recipients')}</h2>
                <p class="help">{t('careCoordinator.youngFirst')}</p>
                <ul class="book-list">
                  <For each={o().recipients}>
                    {(r) => (
                      <li class="card">
                        <A href={`/care/recipients/${r.id}`}>{r.name}</A>{' '}
                        <Show when={r.overdue}>
                          <span class="tag">{t('careCoordinator.noVisitFor', { n: String(r.daysWithoutVisit) })}</span>
                        </Show>
                        <Show when={r.openConcerns > 0}>
                          <span class="tag">{t('careCoordinator.openConcerns', { n: String(r.openConcerns) })}</span>
                        </Show>
                        <span class="help block">
                          {r.building ?? ''} {r.household} · {r.needs.map((n) => t(`care.need_${n}`)).join(sep())}
                          {r.preferredTimes ? ` · ${r.preferredTimes}` : ''}
                        </span>
                        <span class="help block">
                          {r.pairings.length > 0
                            ? t('careCoordinator.pairedWith', { names: r.pairings.map((p) => p.name).join(sep()) })
                            : t('careRecipient.unpaired')}
                        </span>
                        <div class="toolbar">
                          <div class="field">
                            <label for={`pair-${r.id}`}>{t('careCoordinator.pairLabel', { name: r.name })}</label>
                            <select
                              id={`pair-${r.id}`}
                              value={choice()[r.id] ?? ''}
                              onChange={(e) => {
                                const value = e.currentTarget.value;
                                setChoice((c) => ({ ...c, [r.id]: value }));
                              }}
                            >
                              <option value="">—</option>
                              <For each={o().volunteers.filter((v) => !r.pairings.some((p) => p.volunteerId === v.id))}>
                                {(v) => <option value={v.id}>{volunteerLabel(v)}</option>}
                              </For>
                            </select>
                          </div>
                          <button type="button" class="button" onClick={() => void pair(r.id)}>
                            {t('careCoordinator.pair')}
                          </button>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
                <ConfirmList visits={o().toConfirm} myId={member()?.id ?? 0} onChanged={() => void refetch()} />
                <StaleDaysForm staleDays={o().staleDays} onChanged={() => void refetch()} />
              </>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
