import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Index, on, onCleanup, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MarkdownView } from '../../../components/markdown-view';
import { MemberGate } from '../../../components/member-gate';
import { SpeakingQueuePanel } from '../speaking-queue';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatClock, formatDateTime, type ItemOutcome, POSITIONS, type Position, useCoordinationRoles } from '../../../lib/coordination';
import { formatDate, today } from '../../../lib/format';

const loadMeeting = (id: string) => request(api.api.meetings[':id'].$get({ param: { id } }));
type Meeting = Awaited<ReturnType<typeof loadMeeting>>;
type Item = Meeting['items'][number];
type Voter = Meeting['voters'][number];
/** Outcomes after which positions can no longer change. */
const FINAL: ItemOutcome[] = ['adopted', 'blocked'];

/** The chair's speaking timer: one speaker at a time, two minutes by default (rules of procedure). */
function createSpeakingTimer() {
  const [limit, setLimit] = createSignal(120);
  const [remaining, setRemaining] = createSignal(120);
  const [running, setRunning] = createSignal(false);
  let handle: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (handle) clearInterval(handle);
    handle = undefined;
    setRunning(false);
  };
  const start = () => {
    if (running()) return;
    setRunning(true);
    handle = setInterval(() => setRemaining((s) => s - 1), 1000);
  };
  const reset = (seconds = limit()) => {
    stop();
    setLimit(seconds);
    setRemaining(seconds);
  };
  onCleanup(stop);
  return { limit, remaining, running, start, stop, reset };
}

/** A meeting: parties and attendance, the agenda with papers, positions per party, decisions, action items and minutes. */
export default function MeetingDetail() {
  const params = useParams<{ id: string }>();
  const { t, pick, locale } = useI18n();
  const { member, isCoordinator } = useCoordinationRoles();
  const [meeting, { refetch }] = createResource(() => (member() ? params.id : undefined), loadMeeting);
  const m = () => (meeting.state === 'ready' || meeting.state === 'refreshing' ? meeting() : undefined);
  const closed = () => m()?.status === 'closed';
  const inProgress = () => m()?.status === 'in-progress';
  /** The reader chairs this meeting (the API says so: coordinators, or the chair of the committee that meets). */
  const chairs = () => m()?.you.chairs ?? false;
  const recordsFor = (key: string) => m()?.you.recordsFor.includes(key) ?? false;
  const partyName = (key: string) => {
    const voter = m()?.voters.find((v) => v.key === key);
    return voter ? pick(voter.title) : key;
  };
  /** Voters the reader records for: their own party or themself, and, as the chair, the others by a show of hands. */
  const myVoters = () => (m()?.voters ?? []).filter((v) => recordsFor(v.key));

  const { error, message, busy, run } = createAction(() => refetch());

  const setAttendance = (party: string, attended: boolean) =>
    run(
      () => request(api.api.meetings[':id'].attendance[':voter'].$put({ param: { id: params.id, voter: party }, json: { attended } })),
      t('meeting.attendanceSaved', { party: partyName(party) }),
    );

  // Adding an agenda item
  // Referred issues for this body (and, for a committee meeting, those this committee studies).
  const [referred, { refetch: refetchReferred }] = createResource(
    () => (chairs() && m() && !closed() ? params.id : undefined),
    async () =>
      (await request(api.api.issues.$get())).issues.filter(
        (i) =>
          i.state === 'referred' &&
          i.bodyKey === m()?.body.key &&
          (m()?.body.key !== 'professional-committees' || i.studyCommitteeId === m()?.committee?.id),
      ),
  );
  const [source, setSource] = createSignal<'issue' | 'free'>('issue');
  createEffect(
    on(
      () => referred()?.length,
      (n) => n === 0 && setSource('free'),
    ),
  );
  const [issueId, setIssueId] = createSignal('');
  const [itemTitle, setItemTitle] = createSignal('');
  const [presenter, setPresenter] = createSignal('');
  const [minutes, setMinutes] = createSignal('15');
  const [papers, setPapers] = createSignal('');
  function addItem(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      await request(
        api.api.meetings[':id'].items.$post({
          param: { id: params.id },
          json: {
            issueId: source() === 'issue' && issueId() ? Number(issueId()) : undefined,
            title: source() === 'free' ? itemTitle().trim() : undefined,
            presenter: presenter().trim(),
            minutesAllotted: Number(minutes()),
            papers: papers(),
          },
        }),
      );
      setIssueId('');
      setItemTitle('');
      setPapers('');
      await refetchReferred();
    }, t('meeting.itemAdded'));
  }

  // Opening
  const openMeeting = () =>
    run(() => request(api.api.meetings[':id'].open.$post({ param: { id: params.id } })), t('governance.openedNotice'));

  // Recorded amendments after closing
  const [amendText, setAmendText] = createSignal('');
  const [amendReason, setAmendReason] = createSignal('');
  function amend(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      await request(
        api.api.meetings[':id'].amendments.$post({
          param: { id: params.id },
          json: { text: amendText().trim(), reason: amendReason().trim() },
        }),
      );
      setAmendText('');
      setAmendReason('');
    }, t('governance.amendmentAdded'));
  }

  // Closing and minutes
  const [confirmClose, setConfirmClose] = createSignal(false);
  const close = () => run(() => request(api.api.meetings[':id'].close.$post({ param: { id: params.id } })), t('meeting.closedNotice'));
  const [draft, setDraft] = createSignal('');
  createEffect(
    on(
      () => (closed() && !m()?.minutesPublishedAt ? m()?.minutes : undefined),
      (text) => text && !draft() && setDraft(text),
    ),
  );
  const [preview, setPreview] = createSignal(false);
  function publish(event: SubmitEvent) {
    event.preventDefault();
    void run(
      () => request(api.api.meetings[':id'].minutes.$post({ param: { id: params.id }, json: { text: draft().trim() } })),
      t('meeting.minutesPublishedNotice'),
    );
  }

  // The chair's timer follows the item under discussion.
  const timer = createSpeakingTimer();
  const [discussing, setDiscussing] = createSignal<number | null>(null);
  const discuss = (itemId: number) => {
    setDiscussing(itemId);
    timer.reset();
  };

  return (
    <section class="meeting coordination">
      <p class="no-print">
        <A href="/meetings">{t('meeting.back')}</A>
      </p>
      <MemberGate next={`/meetings/${params.id}`} />
      <ErrorMessage error={meeting.error} />
      <Show
        when={m()}
        fallback={
          <Show when={member() && !meeting.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(mt) => (
          <>
            <header>
              <h1>{mt().title}</h1>
              <p class="tags">
                <span class="tag outline">{pick(mt().body.name)}</span>
                <Show when={mt().committee}>{(c) => <span class="tag outline">{c().name}</span>}</Show>
                <span class="tag" classList={{ live: mt().status === 'in-progress' }} data-testid="meeting-status">
                  {t(`meetingStatus.${mt().status}`)}
                </span>
                <span class="tag outline">{mt().body.rule === 'unanimity' ? t('community.unanimity') : t('community.majority')}</span>
              </p>
              <p>
                <time datetime={mt().scheduledFor}>{formatDateTime(mt().scheduledFor, locale())}</time>
                <Show when={mt().openedAt}>{(at) => <> · {t('governance.openedAt', { time: formatDateTime(at(), locale()) })}</>}</Show>
              </p>
            </header>

            <section
              class="card meeting-state"
              classList={{ live: mt().status === 'in-progress' }}
              aria-label={t(`meetingStatus.${mt().status}`)}
            >
              <p>{t(`governance.status_${mt().status}`)}</p>
              <Show when={mt().status === 'scheduled' && chairs()}>
                <p class="help">{t('governance.openHelp')}</p>
                <button type="button" class="button" disabled={busy()} onClick={() => void openMeeting()}>
                  {t('governance.open')}
                </button>
              </Show>
            </section>

            <Show when={message()}>
              <p class="notice" role="status">
                {message()}
              </p>
            </Show>
            <ErrorMessage error={error()} detail />

            <section aria-labelledby="parties-title">
              <h2 id="parties-title">{mt().body.rule === 'unanimity' ? t('meeting.partiesTitle') : t('governance.votersTitle')}</h2>
              <p class="help">
                {mt().body.key === 'professional-committees' || mt().body.key === 'federation'
                  ? t(`governance.votersHelp_${mt().body.key as 'professional-committees' | 'federation'}`)
                  : t('meeting.attendanceHelp')}
              </p>
              <ul class="party-grid plain">
                <For each={mt().voters}>
                  {(voter) => (
                    <li class="card" data-party={voter.key}>
                      <h3>{pick(voter.title)}</h3>
                      <Show when={voter.organisationName}>
                        <p>{voter.organisationName}</p>
                      </Show>
                      <p class="tags">
                        <Show when={voter.kind === 'expert'}>
                          <span class="tag outline">{t('governance.expert')}</span>
                        </Show>
                        <span class="tag" classList={{ warn: voter.attended === false, outline: voter.attended === null }}>
                          {t(
                            voter.attended === true
                              ? 'meeting.present'
                              : voter.attended === false
                                ? 'meeting.absent'
                                : 'meeting.notRecorded',
                          )}
                        </span>
                        <Show when={voter.attendanceByChair}>
                          <span class="tag outline">{t('governance.attendanceByChair')}</span>
                        </Show>
                      </p>
                      <Show when={recordsFor(voter.key) && inProgress()}>
                        <fieldset class="toggle plain-fieldset">
                          <legend class="visually-hidden">{t('meeting.attendanceFor', { party: pick(voter.title) })}</legend>
                          <button
                            type="button"
                            class="button secondary"
                            aria-pressed={voter.attended === true}
                            disabled={busy()}
                            onClick={() => void setAttendance(voter.key, true)}
                          >
                            {t('meeting.markPresent')}
                          </button>
                          <button
                            type="button"
                            class="button secondary"
                            aria-pressed={voter.attended === false}
                            disabled={busy()}
                            onClick={() => void setAttendance(voter.key, false)}
                          >
                            {t('meeting.markAbsent')}
                          </button>
                        </fieldset>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>

            <section aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t('meeting.agendaTitle')}</h2>
              <Show when={mt().items.length > 0} fallback={<p class="card empty">{t('meeting.noItems')}</p>}>
                <ol class="agenda plain">
                  {/* By index, so an item keeps its open forms and messages when the meeting is re-read after an action. */}
                  <Index each={mt().items}>
                    {(item, n) => (
                      <AgendaItem
                        item={item()}
                        number={n + 1}
                        meeting={mt()}
                        myVoters={myVoters()}
                        meId={member()?.id ?? null}
                        partyName={partyName}
                        chairs={chairs()}
                        isCoordinator={isCoordinator()}
                        discussing={discussing() === item().id}
                        onDiscuss={() => discuss(item().id)}
                        onStopDiscussing={() => {
                          timer.stop();
                          setDiscussing(null);
                        }}
                        timer={timer}
                        reload={refetch}
                      />
                    )}
                  </Index>
                </ol>
              </Show>
            </section>

            <Show when={chairs() && !closed()}>
              <section aria-labelledby="add-item-title">
                <h2 id="add-item-title">{t('meeting.addItemTitle')}</h2>
                <form class="card" onSubmit={addItem}>
                  <fieldset class="plain-fieldset">
                    <legend>{t('meeting.itemSource')}</legend>
                    <label class="radio">
                      <input
                        type="radio"
                        name="item-source"
                        value="issue"
                        checked={source() === 'issue'}
                        disabled={(referred()?.length ?? 0) === 0}
                        onChange={() => setSource('issue')}
                      />
                      {t('meeting.sourceIssue', { count: String(referred()?.length ?? 0) })}
                    </label>
                    <label class="radio">
                      <input
                        type="radio"
                        name="item-source"
                        value="free"
                        checked={source() === 'free'}
                        onChange={() => setSource('free')}
                      />
                      {t('meeting.sourceFree')}
                    </label>
                  </fieldset>
                  <Show
                    when={source() === 'issue'}
                    fallback={
                      <div class="field">
                        <label for="item-title">{t('meeting.itemTitle')}</label>
                        <input
                          id="item-title"
                          type="text"
                          required
                          maxlength="80"
                          value={itemTitle()}
                          onInput={(e) => setItemTitle(e.currentTarget.value)}
                        />
                      </div>
                    }
                  >
                    <div class="field">
                      <label for="item-issue">{t('meeting.itemIssue')}</label>
                      <select id="item-issue" required value={issueId()} onChange={(e) => setIssueId(e.currentTarget.value)}>
                        <option value="">{t('issue.chooseIssue')}</option>
                        <For each={referred() ?? []}>
                          {(i) => (
                            <option value={String(i.id)}>
                              #{i.id} {i.title}
                            </option>
                          )}
                        </For>
                      </select>
                    </div>
                  </Show>
                  <div class="field-row">
                    <div class="field">
                      <label for="item-presenter">{t('meeting.presenter')}</label>
                      <input
                        id="item-presenter"
                        type="text"
                        required
                        maxlength="40"
                        value={presenter()}
                        onInput={(e) => setPresenter(e.currentTarget.value)}
                      />
                    </div>
                    <div class="field">
                      <label for="item-minutes">{t('meeting.minutesAllotted')}</label>
                      <input
                        id="item-minutes"
                        type="number"
                        required
                        min="1"
                        max="240"
                        value={minutes()}
                        onInput={(e) => setMinutes(e.currentTarget.value)}
                      />
                    </div>
                  </div>
                  <div class="field">
                    <label for="item-papers">{t('meeting.papers')}</label>
                    <textarea
                      id="item-papers"
                      rows="5"
                      maxlength="20000"
                      value={papers()}
                      onInput={(e) => setPapers(e.currentTarget.value)}
                      aria-describedby="item-papers-help"
                    />
                    <span class="help" id="item-papers-help">
                      {t('meeting.papersHelp')}
                    </span>
                  </div>
                  <button type="submit" class="button" disabled={busy()}>
                    {t('meeting.addItemSubmit')}
                  </button>
                </form>
              </section>
            </Show>

            <Show when={chairs() && inProgress()}>
              <section class="organiser" aria-labelledby="close-title">
                <h2 id="close-title">{t('meeting.closeTitle')}</h2>
                <p class="help">{t('meeting.closeHelp')}</p>
                <div class="actions">
                  <Show
                    when={confirmClose()}
                    fallback={
                      <button type="button" class="button secondary" onClick={() => setConfirmClose(true)}>
                        {t('meeting.close')}
                      </button>
                    }
                  >
                    <button type="button" class="button" disabled={busy()} onClick={() => void close()}>
                      {t('meeting.confirmClose')}
                    </button>
                    <button type="button" class="button secondary" onClick={() => setConfirmClose(false)}>
                      {t('issue.cancel')}
                    </button>
                  </Show>
                </div>
              </section>
            </Show>

            <Show when={closed()}>
              <section aria-labelledby="minutes-title" class="minutes">
                <h2 id="minutes-title">{t('meeting.minutesTitle')}</h2>
                <Show
                  when={mt().minutesPublishedAt}
                  fallback={
                    <Show when={chairs()} fallback={<p class="card empty">{t('meeting.minutesNotYet')}</p>}>
                      <form class="card" onSubmit={publish}>
                        <p class="help">{t('meeting.minutesDraftHelp')}</p>
                        <div class="field">
                          <label for="minutes-text">{t('meeting.minutesDraft')}</label>
                          <textarea
                            id="minutes-text"
                            class="minutes-editor"
                            rows="14"
                            required
                            minlength="10"
                            maxlength="50000"
                            value={draft()}
                            onInput={(e) => setDraft(e.currentTarget.value)}
                          />
                        </div>
                        <div class="actions">
                          <button
                            type="button"
                            class="button secondary"
                            aria-expanded={preview()}
                            aria-controls="minutes-preview"
                            onClick={() => setPreview(!preview())}
                          >
                            {preview() ? t('meeting.hidePreview') : t('meeting.showPreview')}
                          </button>
                          <button type="submit" class="button" disabled={busy() || draft().trim().length < 10}>
                            {t('meeting.publishMinutes')}
                          </button>
                        </div>
                        <Show when={preview()}>
                          <div id="minutes-preview" class="card preview">
                            <MarkdownView source={draft()} />
                          </div>
                        </Show>
                      </form>
                    </Show>
                  }
                >
                  {(at) => (
                    <article class="card">
                      <p class="help">{t('meeting.publishedOn', { date: formatDate(at(), locale()) })}</p>
                      <MarkdownView source={mt().minutes ?? ''} />
                    </article>
                  )}
                </Show>
              </section>
              <section aria-labelledby="amendments-title" class="amendments">
                <h2 id="amendments-title">{t('governance.amendmentsTitle')}</h2>
                <p class="help">{t('governance.amendmentsHelp')}</p>
                <Show when={mt().amendments.length > 0} fallback={<p class="card empty">{t('governance.noAmendments')}</p>}>
                  <ol class="plain amendment-list" data-testid="amendments">
                    <For each={mt().amendments}>
                      {(a) => (
                        <li class="card amendment">
                          <p>{a.text}</p>
                          <p class="help">{t('governance.amendmentReasonLine', { reason: a.reason })}</p>
                          <p class="help">
                            {t('governance.amendmentBy', { name: a.recordedBy, date: formatDateTime(a.recordedAt, locale()) })}
                          </p>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
                <Show when={isCoordinator()}>
                  <form class="card" onSubmit={amend}>
                    <div class="field">
                      <label for="amend-text">{t('governance.amendmentText')}</label>
                      <textarea
                        id="amend-text"
                        rows="3"
                        required
                        minlength="4"
                        maxlength="4000"
                        value={amendText()}
                        onInput={(e) => setAmendText(e.currentTarget.value)}
                      />
                    </div>
                    <div class="field">
                      <label for="amend-reason">{t('governance.amendmentReason')}</label>
                      <input
                        id="amend-reason"
                        type="text"
                        required
                        minlength="4"
                        maxlength="1000"
                        value={amendReason()}
                        onInput={(e) => setAmendReason(e.currentTarget.value)}
                      />
                    </div>
                    <button
                      type="submit"
                      class="button secondary"
                      disabled={busy() || amendText().trim().length < 4 || amendReason().trim().length < 4}
                    >
                      {t('governance.addAmendment')}
                    </button>
                  </form>
                </Show>
              </section>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** One agenda item: papers, the chair's timer, positions per party, the decision, bring-back and action items. */
function AgendaItem(props: {
  item: Item;
  number: number;
  meeting: Meeting;
  /** Voters the reader records for. */
  myVoters: Voter[];
  meId: number | null;
  partyName: (key: string) => string;
  /** The reader chairs the meeting: decides, brings back, adds action items, records a show of hands. */
  chairs: boolean;
  isCoordinator: boolean;
  discussing: boolean;
  onDiscuss: () => void;
  onStopDiscussing: () => void;
  timer: ReturnType<typeof createSpeakingTimer>;
  reload: () => unknown;
}) {
  const { t, locale } = useI18n();
  const closed = () => props.meeting.status === 'closed';
  const stance = (party: string) => props.item.stances.find((s) => s.voter === party);
  const canRecord = () => props.meeting.status === 'in-progress' && !FINAL.includes(props.item.outcome as ItemOutcome);
  const canDecide = () => props.chairs && canRecord();
  const majority = () => props.meeting.body.rule === 'majority';
  /** A person's form recorded by the chair for someone else is a show of hands, and says so. */
  const onBehalf = (voter: Voter) => voter.kind !== 'party' && voter.memberId !== props.meId;
  const legendFor = (voter: Voter) =>
    onBehalf(voter)
      ? t('governance.recordForOther', { name: props.partyName(voter.key) })
      : t('meeting.recordPosition', { party: props.partyName(voter.key) });
  const blocks = () => props.item.stances.filter((s) => s.position === 'block');
  const objections = () =>
    props.item.stances.filter((s) => s.position === 'object' || (props.meeting.body.rule === 'majority' && s.position === 'block'));
  const attended = (party: string) => props.meeting.voters.find((v) => v.key === party)?.attended ?? null;
  /** Parties without a position that counts: none recorded, or recorded in the room by a party marked absent. */
  const missing = () =>
    props.meeting.voters.filter((v) => {
      const s = stance(v.key);
      return !s || (!s.written && v.attended !== true);
    });
  const allAgree = () => props.meeting.voters.every((v) => stance(v.key)?.position === 'agree');

  const { error, message, setMessage, busy, run } = createAction(() => props.reload());
  const ids = () => ({ id: String(props.meeting.id), itemId: String(props.item.id) });

  // Positions, one form per party the reader speaks for.
  const [positions, setPositions] = createSignal<Record<string, Position | undefined>>({});
  const [reasons, setReasons] = createSignal<Record<string, string>>({});
  const chosen = (party: string) => positions()[party] ?? (stance(party)?.position as Position | undefined);
  const reasonOf = (party: string) => reasons()[party] ?? stance(party)?.reason ?? '';
  const needsReason = (party: string) => chosen(party) === 'object' || chosen(party) === 'block';
  function recordPosition(event: SubmitEvent, party: string) {
    event.preventDefault();
    const position = chosen(party);
    if (!position) return;
    void run(
      () =>
        request(
          api.api.meetings[':id'].items[':itemId'].stances[':voter'].$put({
            param: { ...ids(), voter: party },
            json: { position, reason: reasonOf(party).trim() || undefined, written: attended(party) === false },
          }),
        ),
      t('meeting.positionSaved', { party: props.partyName(party) }),
    );
  }

  // The decision.
  const [decisionText, setDecisionText] = createSignal('');
  function decide(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      const outcome = await request(
        api.api.meetings[':id'].items[':itemId'].decision.$post({
          param: ids(),
          json: { decisionText: decisionText().trim() || undefined },
        }),
      );
      setMessage(t('meeting.decided', { outcome: t(`itemOutcome.${outcome.result}`) }));
    });
  }

  // Bringing a blocked or undecided item back, revised.
  const [bringOpen, setBringOpen] = createSignal(false);
  const [later] = createResource(
    () => (bringOpen() ? props.meeting.id : undefined),
    async () =>
      (await request(api.api.meetings.$get())).meetings.filter(
        (x) =>
          x.id !== props.meeting.id &&
          x.status !== 'closed' &&
          x.scheduledFor > props.meeting.scheduledFor &&
          x.bodyKey === props.meeting.body.key &&
          x.committeeId === (props.meeting.committee?.id ?? null),
      ),
  );
  const [toMeeting, setToMeeting] = createSignal('');
  const [revisedPapers, setRevisedPapers] = createSignal('');
  const [revisedPresenter, setRevisedPresenter] = createSignal('');
  const [revisedMinutes, setRevisedMinutes] = createSignal('');
  function openBringBack() {
    setBringOpen(!bringOpen());
    if (!revisedPapers()) setRevisedPapers(props.item.papers);
    if (!revisedPresenter()) setRevisedPresenter(props.item.presenter);
    if (!revisedMinutes()) setRevisedMinutes(String(props.item.minutesAllotted));
  }
  function bringBack(event: SubmitEvent) {
    event.preventDefault();
    const target = later()?.find((x) => String(x.id) === toMeeting());
    void run(async () => {
      await request(
        api.api.meetings[':id'].items[':itemId']['bring-back'].$post({
          param: ids(),
          json: {
            toMeetingId: Number(toMeeting()),
            papers: revisedPapers(),
            presenter: revisedPresenter().trim(),
            minutesAllotted: Number(revisedMinutes()),
          },
        }),
      );
      setBringOpen(false);
      setMessage(t('meeting.broughtBack', { meeting: target?.title ?? '' }));
    });
  }

  // Action items on an adopted decision.
  const [actionText, setActionText] = createSignal('');
  const [actionOwner, setActionOwner] = createSignal('');
  const [actionDue, setActionDue] = createSignal('');
  function addAction(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      await request(
        api.api.meetings[':id'].items[':itemId'].actions.$post({
          param: ids(),
          json: { description: actionText().trim(), owner: actionOwner().trim(), dueOn: actionDue() },
        }),
      );
      setActionText('');
      setActionOwner('');
      setActionDue('');
    }, t('meeting.actionAdded'));
  }

  const prefix = () => `item-${props.item.id}`;
  return (
    <li
      class="card agenda-item"
      classList={{ blocked: props.item.outcome === 'blocked', discussing: props.discussing }}
      data-item={props.item.id}
      aria-labelledby={`${prefix()}-title`}
    >
      <h3 id={`${prefix()}-title`}>
        <span class="item-number">{props.number}.</span> {props.item.title}
      </h3>
      <p class="tags">
        <Show when={props.item.outcome} fallback={<span class="tag outline">{t('itemOutcome.none')}</span>}>
          {(outcome) => (
            <span class="tag" classList={{ warn: outcome() !== 'adopted' }}>
              {t(`itemOutcome.${outcome()}`)}
            </span>
          )}
        </Show>
        <Show when={props.item.issueId}>
          {(issueId) => (
            <A class="tag outline" href={`/issues/${issueId()}`}>
              {t('meeting.issueLink', { id: String(issueId()) })}
            </A>
          )}
        </Show>
        <Show when={props.item.revisedFrom}>
          <span class="tag">{t('meeting.revised')}</span>
        </Show>
      </p>
      <p class="help">{t('meeting.presenterLine', { name: props.item.presenter, minutes: String(props.item.minutesAllotted) })}</p>

      <Show when={props.item.outcome === 'blocked'}>
        <div class="alert blocked-banner" data-testid="blocked-banner">
          <strong>{t('meeting.blockedBanner')}</strong>
          <ul>
            <For each={blocks()}>
              {(b) => <li>{t('meeting.partyReason', { party: props.partyName(b.voter), reason: b.reason ?? '' })}</li>}
            </For>
          </ul>
          <p>{t('meeting.blockedHelp')}</p>
        </div>
      </Show>
      <Show when={props.item.outcome === 'adopted' && props.item.decisionText}>
        <div class="notice decision">
          <strong>{t('meeting.decisionLabel')}</strong>
          <blockquote class="decision-text">{props.item.decisionText}</blockquote>
        </div>
      </Show>
      <Show when={props.item.outcome === 'not-adopted'}>
        <div class="alert">
          <strong>{t('meeting.notAdoptedBanner')}</strong>
          <ul>
            <For each={objections()}>
              {(o) => <li>{t('meeting.partyReason', { party: props.partyName(o.voter), reason: o.reason ?? '' })}</li>}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.item.outcome === 'undecided'}>
        <p class="alert">
          {t('meeting.undecidedBanner', {
            parties:
              missing()
                .map((v) => props.partyName(v.key))
                .join(t('meeting.listSeparator')) || '—',
          })}
        </p>
      </Show>

      <Show when={props.item.tally}>
        {(tally) => (
          <p class="tally" data-testid="tally">
            <strong>{t('governance.tallyLabel')}：</strong>
            {majority()
              ? t('governance.tallyMajority', {
                  agree: String(tally().agree),
                  against: String(tally().object + tally().block),
                  abstain: String(tally().abstain),
                  missing: String(tally().missing),
                  present: String(tally().present),
                })
              : t('governance.tally', {
                  agree: String(tally().agree),
                  object: String(tally().object),
                  block: String(tally().block),
                  abstain: String(tally().abstain),
                  missing: String(tally().missing),
                  present: String(tally().present),
                })}
          </p>
        )}
      </Show>

      <Show when={props.item.papers.trim()}>
        <details class="papers">
          <summary>{t('meeting.papersTitle')}</summary>
          <MarkdownView source={props.item.papers} />
        </details>
      </Show>

      <Show when={props.chairs && !closed()}>
        <Show
          when={props.discussing}
          fallback={
            <button type="button" class="button secondary discuss" onClick={() => props.onDiscuss()}>
              {t('meeting.discuss')}
            </button>
          }
        >
          <div class="speaking-timer" classList={{ over: props.timer.remaining() < 0, running: props.timer.running() }}>
            <p class="timer-label">{t('meeting.timerTitle')}</p>
            <p class="clock" role="timer" aria-label={t('meeting.timerAria', { time: formatClock(props.timer.remaining()) })}>
              {formatClock(props.timer.remaining())}
            </p>
            <Show when={props.timer.remaining() < 0}>
              <p class="timer-over">{t('meeting.timerOver')}</p>
            </Show>
            <div class="actions">
              <Show
                when={props.timer.running()}
                fallback={
                  <button type="button" class="button" onClick={() => props.timer.start()}>
                    {t('meeting.timerStart')}
                  </button>
                }
              >
                <button type="button" class="button" onClick={() => props.timer.stop()}>
                  {t('meeting.timerStop')}
                </button>
              </Show>
              <button type="button" class="button secondary" onClick={() => props.timer.reset()}>
                {t('meeting.timerNext')}
              </button>
              <div class="field inline">
                <label for={`${prefix()}-limit`}>{t('meeting.timerLimit')}</label>
                <select
                  id={`${prefix()}-limit`}
                  value={String(props.timer.limit())}
                  onChange={(e) => props.timer.reset(Number(e.currentTarget.value))}
                >
                  <For each={[60, 120, 180, 300]}>
                    {(s) => <option value={String(s)}>{t('meeting.minutesN', { n: String(s / 60) })}</option>}
                  </For>
                </select>
              </div>
              <button type="button" class="button secondary" onClick={() => props.onStopDiscussing()}>
                {t('meeting.endDiscussion')}
              </button>
            </div>
            <SpeakingQueuePanel
              idPrefix={`${prefix()}-queue`}
              voters={props.meeting.voters.map((v) => ({ key: v.key, name: props.partyName(v.key) }))}
              onNextSpeaker={() => {
                props.timer.reset();
                props.timer.start();
              }}
            />
          </div>
        </Show>
      </Show>

      <h4>{t('meeting.positionsTitle')}</h4>
      <ul class="positions plain" aria-label={t('meeting.positionsFor', { title: props.item.title })}>
        <For each={props.meeting.voters}>
          {(voter) => (
            <li class={`position ${stance(voter.key)?.position ?? 'none'}`} data-party={voter.key}>
              <span class="party">{props.partyName(voter.key)}</span>
              <Show when={stance(voter.key)} fallback={<span class="tag outline">{t('position.none')}</span>}>
                {(s) => (
                  <>
                    <span class={`tag position-tag ${s().position}`}>{t(`position.${s().position}`)}</span>
                    <Show when={s().written}>
                      <span class="tag outline">{t('meeting.written')}</span>
                    </Show>
                    <Show when={s().byChair}>
                      <span class="tag outline">{t('governance.byChair')}</span>
                    </Show>
                    <Show when={s().reason}>
                      <span class="reason">{s().reason}</span>
                    </Show>
                  </>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>

      <Show when={message()}>
        <p class="notice" role="status">
          {message()}
        </p>
      </Show>
      <ErrorMessage error={error()} detail />

      <Show when={canRecord()}>
        <Show when={props.chairs && props.myVoters.some(onBehalf)}>
          <p class="help">{t('governance.showOfHandsHelp')}</p>
        </Show>
        <For each={props.myVoters}>
          {(party) => (
            <Show
              when={party.attended !== null}
              fallback={<p class="help">{t('meeting.attendanceFirst', { party: props.partyName(party.key) })}</p>}
            >
              <form class="card inline-form position-form" onSubmit={(e) => recordPosition(e, party.key)}>
                <fieldset class="plain-fieldset">
                  <legend>{legendFor(party)}</legend>
                  <Show when={party.attended === false}>
                    <p class="help">{t('meeting.writtenHelp')}</p>
                  </Show>
                  <div class="position-choices">
                    <For each={[...POSITIONS]}>
                      {(p) => (
                        <label class="radio choice">
                          <input
                            type="radio"
                            name={`${prefix()}-${party.key}-position`}
                            value={p}
                            checked={chosen(party.key) === p}
                            onChange={() => setPositions({ ...positions(), [party.key]: p })}
                          />
                          {t(`position.${p}`)}
                        </label>
                      )}
                    </For>
                  </div>
                  <div class="field">
                    <label for={`${prefix()}-${party.key}-reason`}>
                      {needsReason(party.key) ? t('meeting.reasonRequired') : t('meeting.reason')}
                    </label>
                    <textarea
                      id={`${prefix()}-${party.key}-reason`}
                      rows="2"
                      maxlength="1000"
                      required={needsReason(party.key)}
                      value={reasonOf(party.key)}
                      onInput={(e) => setReasons({ ...reasons(), [party.key]: e.currentTarget.value })}
                      aria-describedby={`${prefix()}-${party.key}-reason-help`}
                    />
                    <span class="help" id={`${prefix()}-${party.key}-reason-help`}>
                      {chosen(party.key) === 'block' ? t('meeting.blockReasonHelp') : t('meeting.reasonHelp')}
                    </span>
                  </div>
                </fieldset>
                <button
                  type="submit"
                  class="button secondary"
                  disabled={busy() || !chosen(party.key) || (needsReason(party.key) && !reasonOf(party.key).trim())}
                >
                  {t('meeting.savePosition')}
                </button>
              </form>
            </Show>
          )}
        </For>
      </Show>

      <Show when={canDecide()}>
        <form class="card inline-form decide-form" onSubmit={decide}>
          <div class="field">
            <label for={`${prefix()}-decision`}>
              {allAgree() || majority() ? t('meeting.decisionTextRequired') : t('meeting.decisionText')}
            </label>
            <textarea
              id={`${prefix()}-decision`}
              rows="3"
              maxlength="2000"
              required={allAgree()}
              value={decisionText()}
              onInput={(e) => setDecisionText(e.currentTarget.value)}
              aria-describedby={`${prefix()}-decision-help`}
            />
            <span class="help" id={`${prefix()}-decision-help`}>
              {majority() ? t('governance.majorityDecisionHelp') : t('meeting.decisionHelp')}
            </span>
          </div>
          <button type="submit" class="button" disabled={busy()}>
            {t('meeting.decide')}
          </button>
        </form>
      </Show>

      <Show when={props.item.broughtBackTo}>
        {(to) => (
          <p class="notice">
            {t('governance.broughtBack')} <A href={`/meetings/${to()}`}>{t('governance.broughtBackLink')}</A>
          </p>
        )}
      </Show>
      <Show when={props.chairs && !props.item.broughtBackTo && (props.item.outcome === 'blocked' || props.item.outcome === 'undecided')}>
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            aria-expanded={bringOpen()}
            aria-controls={`${prefix()}-bring`}
            onClick={openBringBack}
          >
            {t('meeting.bringBack')}
          </button>
        </div>
        <Show when={bringOpen()}>
          <form id={`${prefix()}-bring`} class="card inline-form" onSubmit={bringBack}>
            <h4>{t('meeting.bringBack')}</h4>
            <p class="help">{t('meeting.bringBackHelp')}</p>
            <Show
              when={(later()?.length ?? 0) > 0}
              fallback={
                <Show when={!later.loading} fallback={<p>{t('app.loading')}</p>}>
                  <p class="notice">
                    {t('meeting.noLaterMeeting')} <A href="/meetings#schedule-title">{t('meeting.scheduleNext')}</A>
                  </p>
                </Show>
              }
            >
              <div class="field">
                <label for={`${prefix()}-to`}>{t('meeting.toMeeting')}</label>
                <select id={`${prefix()}-to`} required value={toMeeting()} onChange={(e) => setToMeeting(e.currentTarget.value)}>
                  <option value="">{t('meeting.chooseMeeting')}</option>
                  <For each={later() ?? []}>
                    {(x) => <option value={String(x.id)}>{`${x.title} · ${formatDateTime(x.scheduledFor, locale())}`}</option>}
                  </For>
                </select>
              </div>
              <div class="field-row">
                <div class="field">
                  <label for={`${prefix()}-re-presenter`}>{t('meeting.presenter')}</label>
                  <input
                    id={`${prefix()}-re-presenter`}
                    type="text"
                    required
                    maxlength="40"
                    value={revisedPresenter()}
                    onInput={(e) => setRevisedPresenter(e.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for={`${prefix()}-re-minutes`}>{t('meeting.minutesAllotted')}</label>
                  <input
                    id={`${prefix()}-re-minutes`}
                    type="number"
                    required
                    min="1"
                    max="240"
                    value={revisedMinutes()}
                    onInput={(e) => setRevisedMinutes(e.currentTarget.value)}
                  />
                </div>
              </div>
              <div class="field">
                <label for={`${prefix()}-re-papers`}>{t('meeting.revisedPapers')}</label>
                <textarea
                  id={`${prefix()}-re-papers`}
                  rows="5"
                  maxlength="20000"
                  value={revisedPapers()}
                  onInput={(e) => setRevisedPapers(e.currentTarget.value)}
                  aria-describedby={`${prefix()}-re-papers-help`}
                />
                <span class="help" id={`${prefix()}-re-papers-help`}>
                  {t('meeting.revisedPapersHelp')}
                </span>
              </div>
              <button type="submit" class="button" disabled={busy()}>
                {t('meeting.bringBackSubmit')}
              </button>
            </Show>
          </form>
        </Show>
      </Show>

      <Show when={props.item.outcome === 'adopted'}>
        <h4>{t('meeting.actionsTitle')}</h4>
        <Show when={props.item.actions.length > 0} fallback={<p class="help">{t('meeting.noActions')}</p>}>
          <ul class="rows">
            <For each={props.item.actions}>
              {(a) => (
                <li>
                  <span>
                    {a.description}
                    <span class="help block">{t('meeting.actionLine', { owner: a.owner, due: formatDate(a.dueOn, locale()) })}</span>
                  </span>
                  <Show
                    when={a.doneAt}
                    fallback={
                      <>
                        <span class="tag" classList={{ warn: a.dueOn < today() }}>
                          {a.dueOn < today() ? t('meeting.actionOverdue') : t('meeting.actionOpen')}
                        </span>
                        <Show when={props.isCoordinator}>
                          <button
                            type="button"
                            class="button secondary"
                            disabled={busy()}
                            aria-label={t('meeting.markDoneNamed', { action: a.description })}
                            onClick={() =>
                              void run(
                                () => request(api.api.actions[':id'].done.$post({ param: { id: String(a.id) } })),
                                t('meeting.actionDone'),
                              )
                            }
                          >
                            {t('meeting.markDone')}
                          </button>
                        </Show>
                      </>
                    }
                  >
                    {(at) => <span class="tag">{t('meeting.doneOn', { date: formatDate(at(), locale()) })}</span>}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.chairs}>
          <form class="card inline-form" onSubmit={addAction}>
            <div class="field">
              <label for={`${prefix()}-action`}>{t('meeting.actionDescription')}</label>
              <input
                id={`${prefix()}-action`}
                type="text"
                required
                minlength="2"
                maxlength="300"
                value={actionText()}
                onInput={(e) => setActionText(e.currentTarget.value)}
              />
            </div>
            <div class="field-row">
              <div class="field">
                <label for={`${prefix()}-action-owner`}>{t('issue.owner')}</label>
                <input
                  id={`${prefix()}-action-owner`}
                  type="text"
                  required
                  maxlength="80"
                  value={actionOwner()}
                  onInput={(e) => setActionOwner(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for={`${prefix()}-action-due`}>{t('issue.dueOn')}</label>
                <input
                  id={`${prefix()}-action-due`}
                  type="date"
                  required
                  value={actionDue()}
                  onInput={(e) => setActionDue(e.currentTarget.value)}
                />
              </div>
            </div>
            <button type="submit" class="button secondary" disabled={busy()}>
              {t('meeting.addAction')}
            </button>
          </form>
        </Show>
      </Show>
    </li>
  );
}
