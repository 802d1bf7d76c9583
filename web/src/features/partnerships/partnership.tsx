import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { DonationForm, VisitForm } from './record-forms';

export type PartnershipPage = Awaited<ReturnType<typeof loadPartnership>>;
type Entry = PartnershipPage['visits'][number];

export const loadPartnership = (id: string) => request(api.api.partnerships[':id'].$get({ param: { id } }));

/** One partnership: its state and the actions open to an admin, its goals, visits, donations and yearly reports. */
export default function Partnership() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const { member } = useMembership();
  const [data, { refetch }] = createResource(() => (member() ? params.id : undefined), loadPartnership);
  const action = createAction(() => refetch());
  const decide = (choice: PartnershipPage['actions'][number], name: string) => {
    if (choice === 'end' && !window.confirm(t('partnerships.confirmEnd', { name }))) return;
    void action.run(() => request(api.api.partnerships[':id'].decision.$post({ param: { id: params.id }, json: { action: choice } })));
  };

  return (
    <section class="partnership">
      <p class="no-print">
        <A href="/partnerships">{t('partnerships.back')}</A>
      </p>
      <MemberGate next={`/partnerships/${params.id}`} />
      <ErrorMessage error={data.error} />
      <ErrorMessage error={action.error()} detail />
      <Show when={data.latest}>
        {(p) => (
          <>
            <h1>{p().partnerName}</h1>
            <p class="meta">
              <span class={`badge state-${p().status}`}>{t(`partnershipState.${p().status}`)}</span>{' '}
              {p().kind === 'huzhu' ? t('partnerships.onHuzhu') : t('partnerships.outside')}
              <Show when={p().partnerPlace}> · {p().partnerPlace}</Show>
              <Show when={p().startedOn}>{(since) => <> · {t('partnerships.since', { date: since() })}</>}</Show>
            </p>
            <Show when={p().partnerContact}>{(contact) => <p>{t('partnerships.contact', { contact: contact() })}</p>}</Show>
            <Show when={p().actions.length > 0}>
              <p class="actions">
                <For each={p().actions}>
                  {(choice) => (
                    <button
                      type="button"
                      class={choice === 'accept' ? 'button' : 'button secondary'}
                      disabled={action.busy()}
                      onClick={() => decide(choice, p().partnerName)}
                    >
                      {t(`partnershipAction.${choice}`)}
                    </button>
                  )}
                </For>
              </p>
            </Show>
            <Goals partnership={p()} reload={refetch} />
            <section aria-labelledby="partnership-visits">
              <h2 id="partnership-visits">{t('partnerships.visitsTitle')}</h2>
              <Show when={p().visits.length > 0} fallback={<p class="empty">{t('partnerships.noVisits')}</p>}>
                <ul class="plain entry-list">
                  <For each={p().visits}>{(v) => <VisitItem visit={v} />}</For>
                </ul>
              </Show>
              <Show when={p().canRecord}>
                <VisitForm id={params.id} activities={p().ownActivities} reload={refetch} />
              </Show>
            </section>
            <section aria-labelledby="partnership-donations">
              <h2 id="partnership-donations">{t('partnerships.donationsTitle')}</h2>
              <Show when={p().donations.length > 0} fallback={<p class="empty">{t('partnerships.noDonations')}</p>}>
                <ul class="plain entry-list">
                  <For each={p().donations}>{(d) => <DonationItem donation={d} />}</For>
                </ul>
              </Show>
              <Show when={p().canRecord}>
                <DonationForm id={params.id} reload={refetch} />
              </Show>
            </section>
            <section aria-labelledby="partnership-reports">
              <h2 id="partnership-reports">{t('partnerships.reportsTitle')}</h2>
              <ul class="plain inline-list">
                <For each={p().years}>
                  {(year) => (
                    <li>
                      <A href={`/partnerships/${params.id}/reports/${year}`}>{t('partnerships.reportLink', { year: String(year) })}</A>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </>
        )}
      </Show>
    </section>
  );
}

function Goals(props: { partnership: PartnershipPage; reload: () => unknown }) {
  const { t } = useI18n();
  const { isAdmin } = useMembership();
  const [editing, setEditing] = createSignal(false);
  const [text, setText] = createSignal('');
  const action = createAction(() => {
    setEditing(false);
    return props.reload();
  });
  const lines = () => props.partnership.goals.split('\n').filter((l) => l.trim());
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    void action.run(
      () => request(api.api.partnerships[':id'].goals.$put({ param: { id: String(props.partnership.id) }, json: { goals: text() } })),
      t('partnerships.saved'),
    );
  };
  return (
    <section aria-labelledby="partnership-goals">
      <h2 id="partnership-goals">{t('partnerships.goalsTitle')}</h2>
      <Show when={lines().length > 0} fallback={<p class="empty">{t('partnerships.noGoals')}</p>}>
        <ul>
          <For each={lines()}>{(line) => <li>{line}</li>}</For>
        </ul>
      </Show>
      <ErrorMessage error={action.error()} detail />
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <Show when={isAdmin() && (props.partnership.status === 'active' || props.partnership.status === 'proposed')}>
        <Show
          when={editing()}
          fallback={
            <button
              type="button"
              class="button secondary no-print"
              onClick={() => {
                setText(props.partnership.goals);
                setEditing(true);
              }}
            >
              {t('partnerships.editGoals')}
            </button>
          }
        >
          <form class="card" onSubmit={save}>
            <div class="field">
              <label for="goals-text">{t('partnerships.goalsLabel')}</label>
              <textarea id="goals-text" rows="4" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
            </div>
            <button type="submit" class="button" disabled={action.busy()}>
              {t('partnerships.saveGoals')}
            </button>
          </form>
        </Show>
      </Show>
    </section>
  );
}

export function VisitItem(props: { visit: Entry }) {
  const { t } = useI18n();
  const v = () => props.visit;
  return (
    <li class="card">
      <strong>{v().title}</strong>
      <p class="meta">
        {v().occurredOn} · {v().ours ? t('partnerships.ourVisit') : t('partnerships.theirVisit')}
        <Show when={v().place}> · {v().place}</Show> · {t('partnerships.residents', { count: String(v().residents) })}
        <Show when={v().ours && v().activityId}>
          {(id) => (
            <>
              {' · '}
              <A href={`/activities/${id()}`}>{v().title}</A>
            </>
          )}
        </Show>
      </p>
    </li>
  );
}

export function DonationItem(props: { donation: Entry }) {
  const { t } = useI18n();
  const d = () => props.donation;
  return (
    <li class="card">
      <strong>{d().title}</strong>
      <p class="meta">
        {d().occurredOn} · {d().ours ? t('partnerships.given') : t('partnerships.received')} ·{' '}
        {d().donationKind === 'money' ? t('partnerships.money') : t('partnerships.goods')}
        <Show when={d().amountFen > 0}> · {yuan(d().amountFen)}</Show> · {t('partnerships.reference', { ref: d().reference })}
      </p>
    </li>
  );
}
