import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';

type ClubStatus = 'proposed' | 'active' | 'dormant' | 'closed';
const STATUSES: ClubStatus[] = ['active', 'proposed', 'dormant', 'closed'];

/** The community's clubs, each with its responsible person and fund; members propose new ones, administrators approve them. */
export default function Clubs() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { member, isAdmin } = useMembership();
  const [status, setStatus] = createSignal<ClubStatus | ''>('');
  const [clubs, { refetch }] = createResource(status, (s) => request(api.api.clubs.$get({ query: s ? { status: s } : {} })), {
    initialValue: { clubs: [] },
  });
  const [proposed, { refetch: refetchProposed }] = createResource(
    () => (isAdmin() ? 'proposed' : undefined),
    () => request(api.api.clubs.$get({ query: { status: 'proposed' } })),
  );
  const [community] = createResource(() => request(api.api.community.$get()).catch(() => null));
  const programName = (key: string | null) => {
    const program = community()?.programs.find((p) => p.key === key);
    return program ? pick(program.name) : null;
  };

  const [error, setError] = createSignal<unknown>();
  const [approved, setApproved] = createSignal('');
  async function approve(id: number, name: string) {
    setError(undefined);
    setApproved('');
    try {
      await request(api.api.clubs[':id'].status.$post({ param: { id: String(id) }, json: { status: 'active' } }));
      setApproved(t('clubs.approvedNotice', { name }));
      await Promise.all([refetch(), refetchProposed()]);
    } catch (e) {
      setError(e);
    }
  }

  const [name, setName] = createSignal('');
  const [purpose, setPurpose] = createSignal('');
  const [programKey, setProgramKey] = createSignal('');
  const [meetingPattern, setMeetingPattern] = createSignal('');
  const [proposeError, setProposeError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  async function propose(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setProposeError(undefined);
    try {
      const { id } = await request(
        api.api.clubs.$post({
          json: {
            name: name().trim(),
            purpose: purpose().trim(),
            programKey: programKey() || undefined,
            meetingPattern: meetingPattern().trim() || undefined,
          },
        }),
      );
      navigate(`/clubs/${id}`);
    } catch (e) {
      setProposeError(e);
    } finally {
      setBusy(false);
    }
  }

  // Keep the previous list on screen while another filter loads.
  const list = () => (clubs.error ? [] : clubs.latest.clubs);
  const proposedClubs = () => (proposed.state === 'ready' || proposed.state === 'refreshing' ? proposed().clubs : []);

  return (
    <section class="clubs">
      <h1>{t('clubs.title')}</h1>
      <p class="lead">{t('clubs.intro')}</p>

      <Show when={approved()}>
        <p class="notice" role="status">
          {approved()}
        </p>
      </Show>
      <ErrorMessage error={error()} />
      <Show when={proposedClubs().length > 0}>
        <section class="card pending" aria-labelledby="pending-title">
          <h2 id="pending-title">{t('clubs.pendingTitle')}</h2>
          <p class="help">{t('clubs.pendingHelp')}</p>
          <ul class="rows">
            <For each={proposedClubs()}>
              {(club) => (
                <li>
                  <span>
                    <A href={`/clubs/${club.id}`}>{club.name}</A>
                    <span class="help block">
                      {t('clubs.responsible', { name: club.responsible?.displayName ?? t('clubs.namesForMembers') })}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="button"
                    onClick={() => void approve(club.id, club.name)}
                    aria-label={t('clubs.approveNamed', { name: club.name })}
                  >
                    {t('clubs.approve')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <div class="toolbar">
        <div class="field">
          <label for="club-status">{t('clubs.filter')}</label>
          <select id="club-status" value={status()} onChange={(e) => setStatus(e.currentTarget.value as ClubStatus | '')}>
            <option value="">{t('clubs.all')}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{t(`clubStatus.${s}`)}</option>}</For>
          </select>
        </div>
      </div>
      <ErrorMessage error={clubs.error} />
      <Show when={!clubs.loading || list().length > 0} fallback={<p>{t('app.loading')}</p>}>
        <Show when={list().length > 0} fallback={<p class="card empty">{t('clubs.none')}</p>}>
          <ul class="grid plain" aria-live="polite">
            <For each={list()}>
              {(club) => (
                <li class="card club-card" data-club={club.id}>
                  <h2>
                    <A href={`/clubs/${club.id}`}>{club.name}</A>
                  </h2>
                  <p>
                    <span class="tag" classList={{ warn: club.status !== 'active' }}>
                      {t(`clubStatus.${club.status}`)}
                    </span>
                    <Show when={programName(club.programKey)}>{(p) => <span class="tag">{p()}</span>}</Show>
                  </p>
                  <p class="purpose">{club.purpose}</p>
                  <dl class="facts-inline">
                    <div>
                      <dt>{t('clubs.responsibleLabel')}</dt>
                      <dd>{club.responsible?.displayName ?? t('clubs.namesForMembers')}</dd>
                    </div>
                    <div>
                      <dt>{t('clubs.members')}</dt>
                      <dd>{club.memberCount}</dd>
                    </div>
                    <div>
                      <dt>{t('clubs.fund')}</dt>
                      <dd>{yuan(club.fundBalanceFen)}</dd>
                    </div>
                    <Show when={club.meetingPattern}>
                      <div>
                        <dt>{t('clubs.meets')}</dt>
                        <dd>{club.meetingPattern}</dd>
                      </div>
                    </Show>
                    <Show when={club.settledActivities > 0}>
                      <div>
                        <dt>{t('clubs.onTime')}</dt>
                        <dd>{t('clubs.onTimeValue', { onTime: String(club.settledOnTime), total: String(club.settledActivities) })}</dd>
                      </div>
                    </Show>
                  </dl>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>

      <section aria-labelledby="propose-title">
        <h2 id="propose-title">{t('clubs.proposeTitle')}</h2>
        <p class="help">{t('clubs.proposeIntro')}</p>
        <MemberGate next="/clubs" />
        <Show when={member()}>
          <ErrorMessage error={proposeError()} />
          <form class="card" onSubmit={propose}>
            <div class="field">
              <label for="club-name">{t('clubs.name')}</label>
              <input
                id="club-name"
                type="text"
                required
                minlength="2"
                maxlength="40"
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="club-purpose">{t('clubs.purpose')}</label>
              <textarea
                id="club-purpose"
                rows="3"
                required
                minlength="4"
                maxlength="1000"
                value={purpose()}
                onInput={(e) => setPurpose(e.currentTarget.value)}
                aria-describedby="club-purpose-help"
              />
              <span class="help" id="club-purpose-help">
                {t('clubs.purposeHelp')}
              </span>
            </div>
            <div class="field">
              <label for="club-program">{t('clubs.program')}</label>
              <select id="club-program" value={programKey()} onChange={(e) => setProgramKey(e.currentTarget.value)}>
                <option value="">{t('clubs.noProgram')}</option>
                <For each={(community()?.programs ?? []).filter((p) => p.enabled)}>
                  {(p) => <option value={p.key}>{pick(p.name)}</option>}
                </For>
              </select>
            </div>
            <div class="field">
              <label for="club-meeting">{t('clubs.meetingPattern')}</label>
              <input
                id="club-meeting"
                type="text"
                maxlength="100"
                value={meetingPattern()}
                onInput={(e) => setMeetingPattern(e.currentTarget.value)}
                aria-describedby="club-meeting-help"
              />
              <span class="help" id="club-meeting-help">
                {t('clubs.meetingHelp')}
              </span>
            </div>
            <p class="help">{t('clubs.youWillBeResponsible')}</p>
            <button type="submit" class="button" disabled={busy()}>
              {t('clubs.proposeSubmit')}
            </button>
          </form>
        </Show>
      </section>
    </section>
  );
}
