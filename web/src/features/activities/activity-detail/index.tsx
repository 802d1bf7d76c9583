import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ActivityPhotos } from '../activity-photos';
import { BudgetBreakdown } from '../budget-breakdown';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate, useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { type ActivityState, type ActivityStep, editableStates, nextState } from '../../../lib/budget';
import { formatRange, formatTime, parseYuan, today, yuan, yuanInput } from '../../../lib/format';

const PROCESS: ActivityState[] = ['draft', 'budget-submitted', 'approved', 'open', 'closed', 'held', 'settled', 'reviewed'];
const STEPS: Exclude<ActivityStep, 'settle' | 'review' | 'cancel'>[] = ['submit', 'approve', 'return', 'open', 'close', 'hold'];
const CHECK_IN_STATES: ActivityState[] = ['open', 'closed', 'held'];
const HAPPENED: ActivityState[] = ['held', 'settled', 'reviewed'];

/** The check-in QR code as SVG markup (the qrcode package is loaded only for organisers). */
async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

export default function ActivityDetail() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const { member, isAdmin } = useMembership();
  const [activity, { refetch }] = createResource(
    () => ({ id: params.id, viewer: member()?.id ?? 0 }),
    (key) => request(api.api.activities[':id'].$get({ param: { id: key.id } })),
  );
  const a = () => (activity.state === 'ready' || activity.state === 'refreshing' ? activity() : undefined);
  const organiser = () => a()?.isOrganiser ?? false;
  const [roster, { refetch: refetchRoster }] = createResource(
    () => (organiser() ? `${params.id}:${a()?.state}` : undefined),
    () => request(api.api.activities[':id'].signups.$get({ param: { id: params.id } })),
  );
  const checkInUrl = () => {
    const current = a();
    return current?.checkinToken && CHECK_IN_STATES.includes(current.state)
      ? `${location.origin}/activities/${current.id}/check-in?token=${current.checkinToken}`
      : undefined;
  };
  const [qr] = createResource(checkInUrl, qrSvg);
  const qrMarkup = () => (qr.state === 'ready' ? qr() : undefined);
  const rosterRows = () =>
    roster.state === 'ready' || roster.state === 'refreshing' ? roster().signups.filter((s) => s.status !== 'cancelled') : [];

  const { error, message, setMessage, busy, run } = createAction(async () => {
    await refetch();
    if (organiser()) await refetchRoster();
  });

  // Sign-up
  const [participant, setParticipant] = createSignal('');
  const [isChild, setIsChild] = createSignal(false);
  createEffect(
    on(
      () => a()?.audience,
      (audience) => setIsChild(audience === 'children'),
    ),
  );
  async function signUp(forSomeone: boolean) {
    await run(async () => {
      const body = forSomeone ? { participant: participant().trim(), isChild: isChild() } : {};
      const result = await request(api.api.activities[':id'].signups.$post({ param: { id: params.id }, json: body }));
      setMessage(result.status === 'confirmed' ? t('activity.signedUpConfirmed') : t('activity.signedUpWaitlisted'));
      if (forSomeone) setParticipant('');
    });
  }
  const cancelSignup = (signupId: number) =>
    run(
      () => request(api.api.activities[':id'].signups[':signupId'].$delete({ param: { id: params.id, signupId: String(signupId) } })),
      t('activity.signupCancelled'),
    );

  // Steps
  const [cancelReason, setCancelReason] = createSignal('');
  const takeStep = (step: (typeof STEPS)[number] | 'cancel') =>
    run(
      () =>
        request(
          api.api.activities[':id'].steps.$post({
            param: { id: params.id },
            json: step === 'cancel' ? { step, reason: cancelReason().trim() } : { step },
          }),
        ),
      t(`activity.stepDone_${step}`),
    );
  // Approving (or returning) is for an association administrator, or the club's leader for a club activity;
  // the activity page does not say which, so a club activity's organiser reads their role from the club.
  const [club] = createResource(
    () => (organiser() && !isAdmin() && a()?.clubId ? String(a()?.clubId) : undefined),
    (clubId) => request(api.api.clubs[':id'].$get({ param: { id: clubId } })).catch(() => null),
  );
  // Editing, opening, check-in from the list, settling, reviewing and cancelling are the responsible person's (or an administrator's).
  const isResponsible = () => a()?.responsibleMemberId === member()?.id || isAdmin();
  const isApprover = () =>
    isAdmin() || (club.state === 'ready' && (club()?.members.some((m) => m.id === member()?.id && m.role === 'leader') ?? false));
  // An exception is approved by someone other than the responsible person, so they do not get that button.
  const ownException = () => Boolean(a()?.exceptionReason) && a()?.responsibleMemberId === member()?.id;
  const availableSteps = () => {
    const state = a()?.state;
    if (!state) return [];
    return STEPS.filter((s) => {
      if (nextState(state, s) === null) return false;
      if (s === 'approve') return isApprover() && !ownException();
      if (s === 'return') return isApprover();
      return isResponsible();
    });
  };

  // Settlement
  const [income, setIncome] = createSignal('');
  const [actualLines, setActualLines] = createStore<{ label: string; amount: string }[]>([]);
  createEffect(
    on(
      () => (a()?.state === 'held' ? a() : undefined),
      (current) => {
        if (!current) return;
        setIncome(yuanInput(current.feeFen * current.places.confirmed));
        setActualLines(current.budget.lines.map((l) => ({ label: l.label, amount: yuanInput(l.amountFen) })));
      },
    ),
  );
  const actualCost = createMemo(() => actualLines.reduce((sum, l) => sum + (parseYuan(l.amount) ?? 0), 0));
  const settlementValid = () =>
    parseYuan(income()) !== null && actualLines.every((l) => parseYuan(l.amount) !== null && l.label.trim() !== '');
  function settle(event: SubmitEvent) {
    event.preventDefault();
    if (!settlementValid()) return;
    void run(
      () =>
        request(
          api.api.activities[':id'].settlement.$post({
            param: { id: params.id },
            json: {
              incomeFen: parseYuan(income()) ?? 0,
              costLines: actualLines.map((l) => ({ label: l.label.trim(), amountFen: parseYuan(l.amount) ?? 0 })),
              occurredOn: today(),
            },
          }),
        ),
      t('activity.settled'),
    );
  }

  // Review and rating
  const [wentWell, setWentWell] = createSignal('');
  const [toChange, setToChange] = createSignal('');
  function submitReview(event: SubmitEvent) {
    event.preventDefault();
    void run(
      () =>
        request(
          api.api.activities[':id'].review.$post({
            param: { id: params.id },
            json: { wentWell: wentWell().trim(), toChange: toChange().trim() },
          }),
        ),
      t('activity.reviewed'),
    );
  }
  const [rating, setRating] = createSignal(0);
  function submitRating(event: SubmitEvent) {
    event.preventDefault();
    if (rating() < 1) return;
    void run(
      () => request(api.api.activities[':id'].rating.$post({ param: { id: params.id }, json: { rating: rating() } })),
      t('activity.rated'),
    );
  }

  const activeSignups = () => (a()?.mySignups ?? []).filter((s) => s.status !== 'cancelled');
  const canRate = () => {
    const current = a();
    return current ? HAPPENED.includes(current.state) && current.mySignups.some((s) => s.status === 'confirmed') : false;
  };
  const signedUpSelf = () => activeSignups().some((s) => s.participant === '');

  return (
    <section class="activity">
      <ErrorMessage error={activity.error} />
      <Show
        when={a()}
        fallback={
          <Show when={!activity.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(act) => (
          <>
            <p class="no-print">
              <Show when={act().club} fallback={<A href="/this-week">{t('activity.backToWeek')}</A>}>
                {(club) => <A href={`/clubs/${club().id}`}>{t('activity.backToClub', { name: club().name })}</A>}
              </Show>
            </p>
            <header class="activity-head">
              <h1>{act().title}</h1>
              <p>
                <span class="tag" classList={{ warn: act().state === 'cancelled' }}>
                  {t(`activityState.${act().state}`)}
                </span>
                <Show when={act().club}>{(club) => <span class="tag">{club().name}</span>}</Show>
              </p>
              <p class="responsible">
                {t('activity.responsible', { name: act().responsible?.displayName ?? '—' })}{' '}
                <span class="help">{t('principles.whoProposes')}</span>
              </p>
            </header>
            <Show
              when={act().state !== 'cancelled'}
              fallback={<p class="alert">{t('activity.cancelledBecause', { reason: act().cancelledReason || '—' })}</p>}
            >
              <ol class="steps compact" aria-label={t('activity.process')}>
                <For each={PROCESS}>
                  {(s, i) => (
                    <li
                      classList={{ done: PROCESS.indexOf(act().state) > i(), current: act().state === s }}
                      aria-current={act().state === s ? 'step' : undefined}
                    >
                      <span class="dot" aria-hidden="true">
                        {PROCESS.indexOf(act().state) > i() ? '✓' : i() + 1}
                      </span>
                      {t(`activityState.${s}`)}
                    </li>
                  )}
                </For>
              </ol>
            </Show>

            <Show when={message()}>
              <p class="notice" role="status">
                {message()}
              </p>
            </Show>
            <ErrorMessage error={error()} />

            <dl class="facts-list card">
              <div>
                <dt>{t('activity.when')}</dt>
                <dd>{formatRange(act().startsAt, act().endsAt, locale())}</dd>
              </div>
              <div>
                <dt>{t('activity.where')}</dt>
                <dd>{act().place}</dd>
              </div>
              <Show when={act().space}>
                {(space) => (
                  <div data-testid="activity-space">
                    <dt>{t('activity.space')}</dt>
                    <dd>
                      {space().name}
                      <span class="help block">
                        {t('activity.spaceFacts', { opens: space().opensAt, closes: space().closesAt, capacity: String(space().capacity) })}
                      </span>
                      <Show when={space().rules}>
                        <span class="help block">{space().rules}</span>
                      </Show>
                      <span class="tag">{act().booking?.borrowed ? t('activity.spaceBorrowed') : t('activity.spaceBooked')}</span>
                      <A class="block" href={`/spaces/${space().id}`}>
                        {t('activity.spaceCalendarLink')}
                      </A>
                    </dd>
                  </div>
                )}
              </Show>
              <div>
                <dt>{t('activity.audience')}</dt>
                <dd>{t(`audience.${act().audience}`)}</dd>
              </div>
              <div>
                <dt>{t('activity.fee')}</dt>
                <dd>{act().feeFen === 0 ? t('money.free') : yuan(act().feeFen)}</dd>
              </div>
            </dl>
            <Show when={act().description}>
              <p class="description">{act().description}</p>
            </Show>
            <div class="actions">
              <a class="button secondary" href={`/api/activities/${act().id}/calendar.ics`} download={`activity-${act().id}.ics`}>
                {t('activity.addToCalendar')}
              </a>
              <Show when={act().isOrganiser && isResponsible() && editableStates.includes(act().state)}>
                <A class="button secondary" href={`/activities/${act().id}/edit`}>
                  {t('activity.edit')}
                </A>
              </Show>
            </div>

            <h2>{t('activity.places')}</h2>
            <div class="stats">
              <div class="stat">
                <strong>
                  {act().places.confirmed}/{act().capacity}
                </strong>
                {t('activity.confirmed')}
              </div>
              <div class="stat">
                <strong>{act().places.free}</strong>
                {t('activity.free')}
              </div>
              <div class="stat">
                <strong>{act().places.waitlisted}</strong>
                {t('activity.waitlisted')}
              </div>
              <Show when={act().places.checkedIn > 0}>
                <div class="stat">
                  <strong>{act().places.checkedIn}</strong>
                  {t('activity.checkedIn')}
                </div>
              </Show>
            </div>

            <section aria-labelledby="my-signups-title">
              <h2 id="my-signups-title">{t('activity.mySignups')}</h2>
              <MemberGate next={`/activities/${params.id}`} />
              <Show when={activeSignups().length > 0}>
                <ul class="rows">
                  <For each={activeSignups()}>
                    {(s) => (
                      <li>
                        <span>{s.participant || t('activity.myself')}</span>
                        <Show when={s.isChild}>
                          <span class="tag">{t('activity.child')}</span>
                        </Show>
                        <span class="tag" classList={{ warn: s.status === 'waitlisted' }}>
                          {t(`signupStatus.${s.status}`)}
                        </span>
                        <Show when={s.checkedInAt}>
                          <span class="tag">{t('activity.checkedInTag')}</span>
                        </Show>
                        <Show when={!HAPPENED.includes(act().state)}>
                          <button type="button" class="button secondary" disabled={busy()} onClick={() => cancelSignup(s.id)}>
                            {t('activity.cancelSignup')}
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={member()}>
                <Show
                  when={act().state === 'open'}
                  fallback={
                    <Show when={!HAPPENED.includes(act().state) && act().state !== 'cancelled'}>
                      <p class="help">{t(act().state === 'approved' ? 'activity.notOpenYet' : 'activity.signupClosed')}</p>
                    </Show>
                  }
                >
                  <div class="actions">
                    <Show when={act().audience !== 'children' && !signedUpSelf()}>
                      <button type="button" class="button" disabled={busy()} onClick={() => void signUp(false)}>
                        {act().places.free > 0 ? t('activity.signUpMyself') : t('activity.joinWaitlist')}
                      </button>
                    </Show>
                  </div>
                  <form
                    class="card inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void signUp(true);
                    }}
                  >
                    <h3>{act().audience === 'children' ? t('activity.signUpChild') : t('activity.signUpOther')}</h3>
                    <div class="field">
                      <label for="signup-participant">{t('activity.participantName')}</label>
                      <input
                        id="signup-participant"
                        type="text"
                        required
                        maxlength="40"
                        value={participant()}
                        onInput={(e) => setParticipant(e.currentTarget.value)}
                      />
                    </div>
                    <label class="radio">
                      <input
                        type="checkbox"
                        checked={isChild()}
                        disabled={act().audience === 'children'}
                        onChange={(e) => setIsChild(e.currentTarget.checked)}
                      />
                      {t('activity.isChild')}
                    </label>
                    <button type="submit" class="button secondary" disabled={busy()}>
                      {t('activity.signUpThem')}
                    </button>
                  </form>
                </Show>
              </Show>
            </section>

            <BudgetBreakdown
              data={{
                lines: act().budget.lines,
                costFen: act().budget.costFen,
                surplusRatePercent: act().surplusRatePercent,
                surplusTargetFen: act().budget.surplusTargetFen,
                targetFen: act().budget.targetFen,
                exactFeeFen: act().budget.exactFeeFen,
                derivedFeeFen: act().budget.derivedFeeFen,
                feeFen: act().budget.feeFen,
                expectedParticipants: act().expectedParticipants,
                problem: act().budget.problem,
                exceptionReason: act().budget.exceptionReason,
              }}
            />

            <Show when={act().settlement}>
              {(s) => (
                <section aria-labelledby="settlement-title">
                  <h2 id="settlement-title">{t('activity.plannedVsActual')}</h2>
                  <div class="table-wrap">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">
                            <span class="visually-hidden">{t('budget.item')}</span>
                          </th>
                          <th scope="col" class="num">
                            {t('activity.planned')}
                          </th>
                          <th scope="col" class="num">
                            {t('activity.actual')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <th scope="row">{t('activity.incomeRow')}</th>
                          <td class="num">{yuan(s().plannedIncomeFen)}</td>
                          <td class="num">{yuan(s().incomeFen)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('activity.costsRow')}</th>
                          <td class="num">{yuan(s().plannedCostFen)}</td>
                          <td class="num">{yuan(s().costFen)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('activity.surplusRow')}</th>
                          <td class="num">{yuan(s().plannedIncomeFen - s().plannedCostFen)}</td>
                          <td class="num">
                            <strong>{yuan(s().surplusFen)}</strong>
                          </td>
                        </tr>
                      </tbody>
                    </table>
                  </div>
                  <Show when={s().actualLines.length > 0}>
                    <h3 class="subhead">{t('activity.actualCosts')}</h3>
                    <ul class="rows">
                      <For each={s().actualLines}>
                        {(l) => (
                          <li>
                            <span>{l.label}</span>
                            <span class="num">{yuan(l.amountFen)}</span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <p class="help">
                    <Show when={act().club} fallback={<A href="/accounts/hub">{t('activity.seeStatement')}</A>}>
                      {(club) => <A href={`/accounts/club:${club().id}`}>{t('activity.seeStatement')}</A>}
                    </Show>
                  </p>
                </section>
              )}
            </Show>

            <ActivityPhotos
              activityId={params.id}
              title={act().title}
              canAdd={HAPPENED.includes(act().state) && (act().isOrganiser || canRate())}
            />

            <Show when={act().review}>
              {(r) => (
                <section class="card" aria-labelledby="review-title">
                  <h2 id="review-title">{t('activity.review')}</h2>
                  <h3 class="subhead">{t('activity.wentWell')}</h3>
                  <p class="description">{r().wentWell}</p>
                  <Show when={r().toChange}>
                    <h3 class="subhead">{t('activity.toChange')}</h3>
                    <p class="description">{r().toChange}</p>
                  </Show>
                </section>
              )}
            </Show>
            <Show when={act().rating}>
              {(r) => <p>{t('activity.ratingAverage', { average: r().average.toFixed(1), count: String(r().count) })}</p>}
            </Show>
            <Show when={canRate()}>
              <form class="card" onSubmit={submitRating}>
                <fieldset class="rating">
                  <legend>{t('activity.rateIt')}</legend>
                  <For each={[1, 2, 3, 4, 5]}>
                    {(n) => (
                      <label class="radio">
                        <input type="radio" name="rating" value={n} checked={rating() === n} onChange={() => setRating(n)} />
                        {t(`activity.rating_${n}` as 'activity.rating_1')}
                      </label>
                    )}
                  </For>
                </fieldset>
                <button type="submit" class="button" disabled={busy() || rating() < 1}>
                  {t('activity.submitRating')}
                </button>
              </form>
            </Show>

            <Show when={act().isOrganiser}>
              <section class="organiser" aria-labelledby="organiser-title">
                <h2 id="organiser-title">{t('activity.organiser')}</h2>
                <p class="help">{t(`activity.stateHelp_${act().state}`)}</p>
                <Show when={act().state === 'budget-submitted' && ownException()}>
                  <p class="notice">{t('activity.exceptionNeedsOther')}</p>
                </Show>
                <Show when={act().state === 'budget-submitted' && !isApprover() && !ownException()}>
                  <p class="notice">{t('activity.waitingForApproval')}</p>
                </Show>
                <Show when={availableSteps().length > 0}>
                  <div class="actions">
                    <For each={availableSteps()}>
                      {(step) => (
                        <button
                          type="button"
                          class="button"
                          classList={{ secondary: step === 'return' }}
                          disabled={busy()}
                          onClick={() => void takeStep(step)}
                        >
                          {t(`activity.step_${step}`)}
                        </button>
                      )}
                    </For>
                  </div>
                </Show>

                <Show when={checkInUrl()}>
                  {(url) => (
                    <figure class="qr card">
                      <Show when={qrMarkup()} fallback={<p>{qr.error ? t('errors.internal') : t('app.loading')}</p>}>
                        <div class="qr-code" role="img" aria-label={t('activity.qrAlt', { title: act().title })} innerHTML={qrMarkup()} />
                      </Show>
                      <figcaption>
                        {t('activity.qrCaption')}
                        <span class="url">{url()}</span>
                      </figcaption>
                    </figure>
                  )}
                </Show>

                <ErrorMessage error={roster.error} />
                <Show when={rosterRows().length > 0}>
                  <h3 class="subhead">{t('activity.roster', { count: String(rosterRows().length) })}</h3>
                  <ul class="rows roster">
                    <For each={rosterRows()}>
                      {(s) => (
                        <li>
                          <span>
                            {s.participant || s.displayName}
                            <Show when={s.isChild}>
                              {' '}
                              <span class="tag">{t('activity.child')}</span>
                            </Show>
                            <Show when={s.participant}>
                              <span class="help block">{t('activity.broughtBy', { name: s.displayName })}</span>
                            </Show>
                          </span>
                          <span class="tag" classList={{ warn: s.status === 'waitlisted' }}>
                            {t(`signupStatus.${s.status}`)}
                          </span>
                          <Show
                            when={s.checkedInAt}
                            fallback={
                              <Show when={s.status === 'confirmed' && isResponsible() && CHECK_IN_STATES.includes(act().state)}>
                                <button
                                  type="button"
                                  class="button secondary"
                                  disabled={busy()}
                                  aria-label={t('activity.checkInNamed', { name: s.participant || s.displayName })}
                                  onClick={() =>
                                    void run(() =>
                                      request(
                                        api.api.activities[':id'].checkins.$post({ param: { id: params.id }, json: { signupId: s.id } }),
                                      ),
                                    )
                                  }
                                >
                                  {t('activity.checkInButton')}
                                </button>
                              </Show>
                            }
                          >
                            {(at) => <span class="tag">{t('activity.checkedInAt', { time: formatTime(at(), locale()) })}</span>}
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>

                <Show when={act().state === 'held' && isResponsible()}>
                  <form class="card" onSubmit={settle} aria-labelledby="settle-title">
                    <h3 id="settle-title">{t('activity.settleTitle')}</h3>
                    <p class="help">{t('activity.settleHelp')}</p>
                    <div class="field" classList={{ invalid: parseYuan(income()) === null }}>
                      <label for="settle-income">{t('activity.actualIncome')}</label>
                      <input
                        id="settle-income"
                        type="text"
                        inputmode="decimal"
                        required
                        value={income()}
                        onInput={(e) => setIncome(e.currentTarget.value)}
                        aria-describedby="settle-income-help"
                      />
                      <span class="help" id="settle-income-help">
                        {t('activity.actualIncomeHelp', { fee: yuan(act().feeFen), count: String(act().places.confirmed) })}
                      </span>
                    </div>
                    <ol class="cost-lines">
                      <For each={actualLines}>
                        {(line, i) => (
                          <li class="cost-line" classList={{ invalid: parseYuan(line.amount) === null }}>
                            <div class="field">
                              <label for={`settle-label-${i()}`}>{t('activityEditor.lineLabel', { n: String(i() + 1) })}</label>
                              <input
                                id={`settle-label-${i()}`}
                                type="text"
                                required
                                maxlength="60"
                                value={line.label}
                                onInput={(e) => setActualLines(i(), 'label', e.currentTarget.value)}
                              />
                            </div>
                            <div class="field">
                              <label for={`settle-amount-${i()}`}>{t('activityEditor.lineAmount')}</label>
                              <input
                                id={`settle-amount-${i()}`}
                                type="text"
                                inputmode="decimal"
                                required
                                value={line.amount}
                                onInput={(e) => setActualLines(i(), 'amount', e.currentTarget.value)}
                              />
                            </div>
                            <button
                              type="button"
                              class="button secondary"
                              aria-label={t('activityEditor.removeLineNamed', { n: String(i() + 1) })}
                              onClick={() => setActualLines((all) => all.filter((_, j) => j !== i()))}
                            >
                              {t('activityEditor.removeLine')}
                            </button>
                          </li>
                        )}
                      </For>
                    </ol>
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => setActualLines(actualLines.length, { label: '', amount: '' })}
                    >
                      {t('activityEditor.addLine')}
                    </button>
                    <p aria-live="polite">
                      {t('activity.settlePreview', {
                        income: yuan(parseYuan(income()) ?? 0),
                        costs: yuan(actualCost()),
                        surplus: yuan((parseYuan(income()) ?? 0) - actualCost()),
                      })}
                    </p>
                    <button type="submit" class="button" disabled={busy() || !settlementValid()}>
                      {t('activity.settleSubmit')}
                    </button>
                  </form>
                </Show>

                <Show when={act().state === 'settled' && isResponsible()}>
                  <form class="card" onSubmit={submitReview} aria-labelledby="review-form-title">
                    <h3 id="review-form-title">{t('activity.reviewTitle')}</h3>
                    <div class="field">
                      <label for="review-well">{t('activity.wentWell')}</label>
                      <textarea
                        id="review-well"
                        rows="3"
                        required
                        maxlength="2000"
                        value={wentWell()}
                        onInput={(e) => setWentWell(e.currentTarget.value)}
                      />
                    </div>
                    <div class="field">
                      <label for="review-change">{t('activity.toChange')}</label>
                      <textarea
                        id="review-change"
                        rows="3"
                        maxlength="2000"
                        value={toChange()}
                        onInput={(e) => setToChange(e.currentTarget.value)}
                      />
                    </div>
                    <button type="submit" class="button" disabled={busy()}>
                      {t('activity.reviewSubmit')}
                    </button>
                  </form>
                </Show>

                <Show when={nextState(act().state, 'cancel') !== null && isResponsible()}>
                  <form
                    class="card danger-zone"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void takeStep('cancel');
                    }}
                  >
                    <div class="field">
                      <label for="cancel-reason">{t('activity.cancelReason')}</label>
                      <textarea
                        id="cancel-reason"
                        rows="2"
                        required
                        maxlength="300"
                        value={cancelReason()}
                        onInput={(e) => setCancelReason(e.currentTarget.value)}
                        aria-describedby="cancel-help"
                      />
                      <span class="help" id="cancel-help">
                        {t('activity.cancelHelp')}
                      </span>
                    </div>
                    <button type="submit" class="button secondary" disabled={busy() || cancelReason().trim() === ''}>
                      {t('activity.step_cancel')}
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
