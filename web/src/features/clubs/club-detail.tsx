import { ShareButton } from '../../components/share-button';
import { A, useParams } from '@solidjs/router';
import { ConsentPanel } from '../consent/consent-panel';
import { ClubReviseForm } from './club-revise-form';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatWhen, yuan } from '../../lib/format';
import { useLabel } from '../../lib/labels';
import { NeedOrigin } from '../needs/need-origin';

type ClubStatus = 'proposed' | 'active' | 'dormant' | 'closed';
/** What administrators can move a club to from each status (the same as the server's lifecycle). */
const MOVES: Record<ClubStatus, ('active' | 'dormant' | 'closed')[]> = {
  proposed: ['active', 'closed'],
  active: ['dormant', 'closed'],
  dormant: ['active', 'closed'],
  closed: [],
};

/** A titled list of the club's activities with their state. */
function ActivityList(props: {
  id: string;
  title: string;
  empty: string;
  items: { id: number; title: string; startsAt: string; state: string }[];
}) {
  const { locale } = useI18n();
  const label = useLabel();
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.items.length > 0} fallback={<p class="help">{props.empty}</p>}>
        <ul class="rows">
          <For each={props.items}>
            {(a) => (
              <li>
                <span>
                  <A href={`/activities/${a.id}`}>{a.title}</A>
                  <span class="help block">{formatWhen(a.startsAt, locale())}</span>
                </span>
                <span class="tag">{label(`activityState.${a.state}`, a.state)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

export default function ClubDetail() {
  const params = useParams<{ id: string }>();
  const { t, pick } = useI18n();
  const { member, isAdmin } = useMembership();
  const [club, { refetch }] = createResource(
    () => params.id,
    (id) => request(api.api.clubs[':id'].$get({ param: { id } })),
  );
  const c = () => (club.state === 'ready' || club.state === 'refreshing' ? club() : undefined);
  const myId = () => member()?.id;
  const isResponsible = () => myId() !== undefined && c()?.responsible?.id === myId();
  const inClub = () => c()?.members.some((m) => m.id === myId()) ?? false;
  const nameOf = (id: number) => c()?.members.find((m) => m.id === id)?.displayName ?? `#${id}`;

  const [error, setError] = createSignal<unknown>();
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  async function run(call: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      await call();
      setMessage(done);
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const id = () => params.id;
  const join = () => run(() => request(api.api.clubs[':id'].members.$post({ param: { id: id() } })), t('club.joined'));
  const leave = () => run(() => request(api.api.clubs[':id'].members.me.$delete({ param: { id: id() } })), t('club.left'));
  const move = (status: 'active' | 'dormant' | 'closed') =>
    run(
      () => request(api.api.clubs[':id'].status.$post({ param: { id: id() }, json: { status } })),
      t('club.moved', { status: t(`clubStatus.${status}`) }),
    );

  const [handoverTo, setHandoverTo] = createSignal('');
  function offer(event: SubmitEvent) {
    event.preventDefault();
    const to = Number(handoverTo());
    if (!to) return;
    void run(
      () => request(api.api.clubs[':id'].handovers.$post({ param: { id: id() }, json: { toMemberId: to } })),
      t('club.offered', { name: nameOf(to) }),
    );
  }
  const decide = (handoverId: number, accept: boolean) =>
    run(
      () =>
        request(
          api.api.clubs[':id'].handovers[':handoverId'].$post({ param: { id: id(), handoverId: String(handoverId) }, json: { accept } }),
        ),
      accept ? t('club.accepted') : t('club.declined'),
    );

  return (
    <section class="club">
      <p class="no-print">
        <A href="/clubs">{t('club.back')}</A>
      </p>
      <ErrorMessage error={club.error} />
      <Show
        when={c()}
        fallback={
          <Show when={!club.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(cl) => (
          <>
            <h1>{cl().name}</h1>
            <p class="no-print">
              <ShareButton title={cl().name} />
            </p>
            <NeedOrigin clubId={cl().id} />
            <p>
              <span class="tag" classList={{ warn: cl().status !== 'active' }}>
                {t(`clubStatus.${cl().status}`)}
              </span>
              <Show when={cl().program}>
                {(p) => (
                  <A class="tag" href={`/programs/${p().key}`}>
                    {pick(p().name)}
                  </A>
                )}
              </Show>
            </p>
            <p class="responsible">
              {t('club.responsible', { name: cl().responsible?.displayName ?? t('clubs.namesForMembers') })}{' '}
              <span class="help">{t('principles.whoProposes')}</span>
            </p>
            <p class="description">{cl().purpose}</p>
            <Show when={cl().meetingPattern}>
              <p>{t('club.meets', { pattern: cl().meetingPattern ?? '' })}</p>
            </Show>
            <Show when={cl().status === 'proposed'}>
              <p class="notice">{t('club.awaitingApproval')}</p>
            </Show>

            <div class="stats">
              <div class="stat">
                <strong>{cl().memberCount}</strong>
                {t('clubs.members')}
              </div>
              <div class="stat">
                <strong>{cl().fund ? yuan(cl().fund!.balanceFen) : '—'}</strong>
                {t('clubs.fund')}
                <Show when={cl().fund}>
                  {(f) => (
                    <A class="block" href={`/accounts/${f().key}`}>
                      {t('club.statement')}
                    </A>
                  )}
                </Show>
              </div>
            </div>

            <Show when={message()}>
              <p class="notice" role="status">
                {message()}
              </p>
            </Show>
            <ErrorMessage error={error()} />
            <MemberGate next={`/clubs/${params.id}`} />
            <Show when={member()}>
              <div class="actions">
                <Show when={!inClub() && cl().status === 'active'}>
                  <button type="button" class="button" disabled={busy()} onClick={() => void join()}>
                    {t('club.join')}
                  </button>
                </Show>
                <Show when={inClub() && cl().status === 'active'}>
                  <A class="button" href={`/activities/new?clubId=${cl().id}`}>
                    {t('club.newActivity')}
                  </A>
                </Show>
                <Show when={inClub() && !isResponsible()}>
                  <button type="button" class="button secondary" disabled={busy()} onClick={() => void leave()}>
                    {t('club.leave')}
                  </button>
                </Show>
              </div>
              <Show when={inClub() && isResponsible()}>
                <p class="help">{t('club.handOverFirst')}</p>
              </Show>
            </Show>

            <Show when={cl().pendingHandover}>
              {(h) => (
                <Show
                  when={h().toMemberId === myId()}
                  fallback={<p class="notice">{t('club.pendingHandover', { name: nameOf(h().toMemberId) })}</p>}
                >
                  <section class="notice handover-offer" aria-labelledby="offer-title">
                    <p id="offer-title">{t('club.offeredToYou', { name: cl().responsible?.displayName ?? '—' })}</p>
                    <div class="actions">
                      <button type="button" class="button" disabled={busy()} onClick={() => void decide(h().id, true)}>
                        {t('club.accept')}
                      </button>
                      <button type="button" class="button secondary" disabled={busy()} onClick={() => void decide(h().id, false)}>
                        {t('club.decline')}
                      </button>
                    </div>
                  </section>
                </Show>
              )}
            </Show>

            <Show when={isResponsible()}>
              <form class="card" onSubmit={offer} aria-labelledby="handover-title">
                <h2 id="handover-title">{t('club.handoverTitle')}</h2>
                <p class="help">{t('club.handoverHelp')}</p>
                <Show when={cl().members.some((m) => m.id !== myId())} fallback={<p>{t('club.noOneToHandOver')}</p>}>
                  <div class="field">
                    <label for="handover-to">{t('club.handoverTo')}</label>
                    <select id="handover-to" required value={handoverTo()} onChange={(e) => setHandoverTo(e.currentTarget.value)}>
                      <option value="">{t('club.choose')}</option>
                      <For each={cl().members.filter((m) => m.id !== myId())}>
                        {(m) => <option value={String(m.id)}>{m.displayName}</option>}
                      </For>
                    </select>
                  </div>
                  <button type="submit" class="button secondary" disabled={busy() || !handoverTo()}>
                    {t('club.offer')}
                  </button>
                </Show>
              </form>
            </Show>

            <Show when={isResponsible() && cl().status === 'proposed'}>
              <ClubReviseForm club={cl()} run={run} />
            </Show>
            <Show when={member() && cl().status === 'proposed'}>
              <ConsentPanel kind="clubs" id={cl().id} admin={isAdmin()} memberId={myId() ?? null} onChange={() => void refetch()} />
            </Show>

            <Show when={isAdmin() && MOVES[cl().status].length > 0}>
              <section class="card" aria-labelledby="admin-title">
                <h2 id="admin-title">{t('club.adminTitle')}</h2>
                <div class="actions">
                  <For each={MOVES[cl().status]}>
                    {(to) => (
                      <button
                        type="button"
                        class="button"
                        classList={{ secondary: to !== 'active' }}
                        disabled={busy()}
                        onClick={() => void move(to)}
                      >
                        {t(cl().status === 'proposed' && to === 'active' ? 'clubs.approve' : `club.moveTo_${to}`)}
                      </button>
                    )}
                  </For>
                </div>
              </section>
            </Show>

            <div class="two-columns">
              <ActivityList id="upcoming" title={t('club.upcoming')} empty={t('club.noUpcoming')} items={cl().upcoming} />
              <ActivityList id="past" title={t('club.past')} empty={t('club.noPast')} items={cl().past} />
            </div>

            <section aria-labelledby="members-title">
              <h2 id="members-title">{t('club.membersTitle', { count: String(cl().memberCount) })}</h2>
              <Show when={cl().members.length === 0 && cl().memberCount > 0}>
                <p class="help">{t('clubs.namesForMembers')}</p>
              </Show>
              <ul class="people">
                <For each={cl().members}>
                  {(m) => (
                    <li>
                      {m.displayName}
                      <Show
                        when={m.id === cl().responsible?.id}
                        fallback={
                          <Show when={m.role === 'leader'}>
                            <span class="tag">{t('clubs.leader')}</span>
                          </Show>
                        }
                      >
                        <span class="tag">{t('club.responsibleTag')}</span>
                      </Show>
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
