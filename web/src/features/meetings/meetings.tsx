import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { type BodyKey, formatDateTime, lastTwelveMonths, useCoordinationRoles } from '../../lib/coordination';
import { localInputToIso } from '../../lib/format';

/** Meetings of the coordination bodies, the monthly cadence of the joint meeting, and scheduling for coordinators. */
export default function Meetings() {
  const { t, pick, locale } = useI18n();
  const navigate = useNavigate();
  const { member, isCoordinator } = useCoordinationRoles();
  const [meetings] = createResource(
    () => member()?.id,
    () => request(api.api.meetings.$get()),
  );
  const [community] = createResource(() => request(api.api.community.$get()).catch(() => null));
  /** Bodies that meet and vote: the joint meeting (its parties), the professional committees and the federation (majority). */
  const [allCommittees] = createResource(
    () => member()?.id,
    async () => (await request(api.api.committees.$get())).committees,
  );
  /** A committee's chair schedules that committee's meetings even without a coordinator's role. */
  const chaired = () => (allCommittees() ?? []).filter((c) => c.members.some((m) => m.memberId === member()?.id && m.role === 'chair'));
  const committees = () => (isCoordinator() ? allCommittees() : chaired());
  const canSchedule = () => isCoordinator() || chaired().length > 0;
  const meetingBodies = () =>
    (community()?.bodies ?? []).filter((b) =>
      isCoordinator()
        ? b.parties.length > 0 || b.key === 'professional-committees' || b.key === 'federation'
        : b.key === 'professional-committees',
    );
  const bodyName = (key: string) => {
    const body = community()?.bodies.find((b) => b.key === key);
    return body ? pick(body.name) : key;
  };

  const months = () => lastTwelveMonths(new Date());
  const missing = () => meetings()?.monthsWithoutJointMeeting ?? [];
  const monthLabel = (month: string) => new Date(`${month}-15T00:00:00Z`).toLocaleDateString(locale(), { month: 'short' });
  const monthLong = (month: string) => new Date(`${month}-15T00:00:00Z`).toLocaleDateString(locale(), { year: 'numeric', month: 'long' });
  const thisMonth = () => months()[months().length - 1] ?? '';
  /** Months missed in a row up to the previous one (the current month may still get its meeting). */
  const streak = () => {
    let n = 0;
    for (const m of months().slice(0, -1).reverse()) {
      if (!missing().includes(m)) break;
      n++;
    }
    return n;
  };

  const now = () => Date.now();
  const upcoming = () =>
    (meetings()?.meetings ?? []).filter((m) => m.status !== 'closed').sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  const past = () => (meetings()?.meetings ?? []).filter((m) => m.status === 'closed');

  // Scheduling
  const [chosenBody, setBodyKey] = createSignal<BodyKey>('joint-meeting');
  const bodyKey = (): BodyKey => (isCoordinator() ? chosenBody() : 'professional-committees');
  const [title, setTitle] = createSignal('');
  const [when, setWhen] = createSignal('');
  const [committeeId, setCommitteeId] = createSignal('');
  const { error, busy, run } = createAction(() => undefined);
  function schedule(event: SubmitEvent) {
    event.preventDefault();
    const scheduledFor = localInputToIso(when());
    if (!scheduledFor) return;
    const committee = bodyKey() === 'professional-committees' && committeeId() ? Number(committeeId()) : undefined;
    void run(async () => {
      const { id } = await request(
        api.api.meetings.$post({ json: { bodyKey: bodyKey(), title: title().trim(), scheduledFor, committeeId: committee } }),
      );
      navigate(`/meetings/${id}`);
    });
  }

  const row = (m: NonNullable<ReturnType<typeof meetings>>['meetings'][number]) => (
    <li class="card meeting-card" data-meeting={m.id}>
      <h3>
        <A href={`/meetings/${m.id}`}>{m.title}</A>
      </h3>
      <p>
        <time datetime={m.scheduledFor}>{formatDateTime(m.scheduledFor, locale())}</time>
      </p>
      <p class="tags">
        <span class="tag outline">{bodyName(m.bodyKey)}</span>
        <Show when={m.committeeName}>
          <span class="tag outline">{m.committeeName}</span>
        </Show>
        <span class="tag" classList={{ warn: m.status !== 'closed' && Date.parse(m.scheduledFor) < now() }}>
          {t(`meetingStatus.${m.status}`)}
        </span>
        <Show when={m.minutesPublishedAt}>
          <span class="tag">{t('meetings.minutesPublished')}</span>
        </Show>
        <Show when={m.status === 'closed' && !m.minutesPublishedAt}>
          <span class="tag warn">{t('meetings.minutesPending')}</span>
        </Show>
      </p>
    </li>
  );

  return (
    <section class="meetings coordination">
      <h1>{t('meetings.title')}</h1>
      <p class="lead">{t('meetings.intro')}</p>
      <MemberGate next="/meetings" />
      <ErrorMessage error={meetings.error} />

      <Show when={meetings()}>
        <section class="card cadence" aria-labelledby="cadence-title">
          <h2 id="cadence-title">{t('meetings.cadenceTitle')}</h2>
          <p>
            <Show when={missing().length > 0} fallback={t('meetings.cadenceAll')}>
              {t('meetings.cadenceMissing', { count: String(missing().filter((m) => m !== thisMonth()).length) })}
            </Show>
          </p>
          <Show when={streak() >= 2}>
            <p class="alert">{t('meetings.cadenceStreak', { count: String(streak()) })}</p>
          </Show>
          <Show when={missing().includes(thisMonth())}>
            <p class="help">{t('meetings.cadenceThisMonth')}</p>
          </Show>
          <ol class="cadence-strip" aria-label={t('meetings.cadenceTitle')}>
            <For each={months()}>
              {(m) => (
                <li
                  classList={{
                    missed: missing().includes(m) && m !== thisMonth(),
                    held: !missing().includes(m),
                    open: missing().includes(m) && m === thisMonth(),
                  }}
                >
                  <span aria-hidden="true">{monthLabel(m)}</span>
                  <span class="visually-hidden">
                    {monthLong(m)}：{missing().includes(m) ? t('meetings.monthNone') : t('meetings.monthHeld')}
                  </span>
                  <span class="mark" aria-hidden="true">
                    {missing().includes(m) ? (m === thisMonth() ? '·' : '✕') : '✓'}
                  </span>
                </li>
              )}
            </For>
          </ol>
        </section>

        <section aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t('meetings.upcoming')}</h2>
          <Show when={upcoming().length > 0} fallback={<p class="card empty">{t('meetings.noneUpcoming')}</p>}>
            <ul class="grid plain">
              <For each={upcoming()}>{row}</For>
            </ul>
          </Show>
        </section>

        <Show when={canSchedule()}>
          <section aria-labelledby="schedule-title">
            <h2 id="schedule-title">{t('meetings.scheduleTitle')}</h2>
            <p class="help">{t('meetings.scheduleHelp')}</p>
            <ErrorMessage error={error()} detail />
            <form class="card" onSubmit={schedule}>
              <div class="field">
                <label for="meeting-body">{t('meetings.body')}</label>
                <select id="meeting-body" value={bodyKey()} onChange={(e) => setBodyKey(e.currentTarget.value as BodyKey)}>
                  <For each={meetingBodies()}>
                    {(b) => (
                      <option value={b.key} selected={b.key === bodyKey()}>
                        {pick(b.name)}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <Show when={bodyKey() === 'professional-committees'}>
                <div class="field">
                  <label for="meeting-committee">{t('governance.committeeLabel')}</label>
                  <select id="meeting-committee" required value={committeeId()} onChange={(e) => setCommitteeId(e.currentTarget.value)}>
                    <option value="">{t('governance.chooseCommittee')}</option>
                    <For each={committees() ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
                  </select>
                  <Show when={committees() && committees()!.length === 0}>
                    <span class="help">{t('governance.noCommittees')}</span>
                  </Show>
                </div>
              </Show>
              <div class="field">
                <label for="meeting-title">{t('meetings.titleLabel')}</label>
                <input
                  id="meeting-title"
                  type="text"
                  required
                  minlength="2"
                  maxlength="80"
                  placeholder={t('meetings.titlePlaceholder')}
                  value={title()}
                  onInput={(e) => setTitle(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="meeting-when">{t('meetings.when')}</label>
                <input id="meeting-when" type="datetime-local" required value={when()} onInput={(e) => setWhen(e.currentTarget.value)} />
              </div>
              <button type="submit" class="button" disabled={busy()}>
                {t('meetings.scheduleSubmit')}
              </button>
            </form>
          </section>
        </Show>

        <section aria-labelledby="past-title">
          <h2 id="past-title">{t('meetings.past')}</h2>
          <Show when={past().length > 0} fallback={<p class="card empty">{t('meetings.nonePast')}</p>}>
            <ul class="grid plain">
              <For each={past()}>{row}</For>
            </ul>
          </Show>
        </section>
      </Show>
    </section>
  );
}
