import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type BreakdownData, BudgetBreakdown } from '../budget-breakdown';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate, useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { approvalProblem, computeBudget, editableStates } from '../../../lib/budget';
import { formatRange, isoToLocalInput, localInputToIso, parseYuan, yuanInput } from '../../../lib/format';

type Audience = 'members' | 'residents' | 'children';
interface LineDraft {
  key: number;
  label: string;
  amount: string;
}

/** A booking that already holds the space then, as a 409 from the server names it. */
interface Clash {
  who: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
}

/** The clashing booking in a 409 answer, if the answer carries one. */
export function clashOf(error: unknown): Clash | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict' || !error.details) return null;
  const list: unknown = (error.details as Record<string, unknown>).clashes;
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  if (typeof first !== 'object' || first === null) return null;
  const { who, startsAt, endsAt, purpose } = first as Record<string, unknown>;
  return typeof who === 'string' && typeof startsAt === 'string' && typeof endsAt === 'string' && typeof purpose === 'string'
    ? { who, startsAt, endsAt, purpose }
    : null;
}

const FALLBACK_SURPLUS_RATE = 8;
let nextLineKey = 1;
const newLine = (label = '', amount = ''): LineDraft => ({ key: nextLineKey++, label, amount });

/** Proposing or changing an activity with its AA budget; the breakdown is computed live by the server's own rule. */
export default function ActivityEditor() {
  const params = useParams<{ id?: string }>();
  const [search] = useSearchParams<{ clubId?: string }>();
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const { member } = useMembership();
  const editing = () => params.id !== undefined;

  const [facts] = createResource(() =>
    request(api.api.handbooks.$get({ query: { locale: 'zh-CN' } }))
      .then((r) => r.facts)
      .catch(() => null),
  );
  const [overview] = createResource(
    () => member()?.id,
    () => request(api.api.me.overview.$get()).catch(() => null),
  );
  const [existing] = createResource(
    () => params.id,
    (id) => request(api.api.activities[':id'].$get({ param: { id } })),
  );

  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [startsAt, setStartsAt] = createSignal('');
  const [endsAt, setEndsAt] = createSignal('');
  const [place, setPlace] = createSignal('');
  /** '' for a typed place, `space:<id>` to book a shared space, `booking:<id>` to use a booking of the club. */
  const [placeChoice, setPlaceChoice] = createSignal('');
  const [capacity, setCapacity] = createSignal('20');
  const [waitlist, setWaitlist] = createSignal(true);
  const [audience, setAudience] = createSignal<Audience>('residents');
  const [expected, setExpected] = createSignal('');
  const [rate, setRate] = createSignal('');
  const [lines, setLines] = createStore<LineDraft[]>([newLine()]);
  const [lowerFee, setLowerFee] = createSignal('');
  const [exceptionReason, setExceptionReason] = createSignal('');
  const [clubId, setClubId] = createSignal(search.clubId ?? '');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [submitted, setSubmitted] = createSignal(false);

  // Fill the form once from the activity being edited.
  createEffect(
    on(
      () => (existing.state === 'ready' ? existing() : undefined),
      (a) => {
        if (!a) return;
        setTitle(a.title);
        setDescription(a.description);
        setStartsAt(isoToLocalInput(a.startsAt));
        setEndsAt(isoToLocalInput(a.endsAt));
        setPlace(a.booking ? '' : a.place);
        setPlaceChoice(a.booking && a.space ? (a.booking.borrowed ? `booking:${a.booking.id}` : `space:${a.space.id}`) : '');
        setCapacity(String(a.capacity));
        setWaitlist(a.waitlist);
        setAudience(a.audience);
        setExpected(String(a.expectedParticipants));
        setRate(String(a.surplusRatePercent));
        setLines(a.budget.lines.length > 0 ? a.budget.lines.map((l) => newLine(l.label, yuanInput(l.amountFen))) : [newLine()]);
        setLowerFee(a.budget.derivedFeeFen !== null && a.feeFen < a.budget.derivedFeeFen ? yuanInput(a.feeFen) : '');
        setExceptionReason(a.exceptionReason ?? '');
        setClubId(a.clubId ? String(a.clubId) : '');
      },
    ),
  );

  // The shared spaces, and the club's bookings the activity could use (only for a signed-in member).
  const [places] = createResource(
    () => (member() ? { clubId: clubId() } : undefined),
    ({ clubId: club }) => request(api.api['activity-places'].$get({ query: club ? { clubId: club } : {} })).catch(() => null),
  );
  const spaceOptions = () => places()?.spaces ?? [];
  const bookingOptions = () => (places()?.bookings ?? []).filter((b) => b.activityId === null || String(b.activityId) === params.id);
  const chosenSpace = () => {
    const [kind, id] = placeChoice().split(':');
    if (kind === 'space') return spaceOptions().find((s) => String(s.id) === id) ?? null;
    if (kind === 'booking') {
      const booking = bookingOptions().find((b) => String(b.id) === id);
      return booking ? (spaceOptions().find((s) => s.id === booking.spaceId) ?? null) : null;
    }
    return null;
  };
  const chosenBooking = () => {
    const [kind, id] = placeChoice().split(':');
    return kind === 'booking' ? (bookingOptions().find((b) => String(b.id) === id) ?? null) : null;
  };
  const overCapacity = () => {
    const space = chosenSpace();
    return space !== null && Number(capacity()) > space.capacity;
  };
  const clash = () => clashOf(error());

  const defaultRate = () => facts()?.surplusRatePercent ?? FALLBACK_SURPLUS_RATE;
  const rateValue = () => {
    const text = rate().trim();
    if (text === '') return defaultRate();
    const n = Number(text);
    return Number.isInteger(n) && n >= 0 && n <= 50 ? n : null;
  };
  const expectedValue = () => {
    const n = Number(expected().trim() || '0');
    return Number.isInteger(n) && n >= 0 && n <= 5000 ? n : null;
  };
  const lineAmount = (line: LineDraft) => (line.amount.trim() === '' ? 0 : parseYuan(line.amount));
  const lowerFeeValue = () => (lowerFee().trim() === '' ? undefined : parseYuan(lowerFee()));
  const filledLines = () => lines.filter((l) => l.label.trim() !== '' || l.amount.trim() !== '');

  // The live breakdown: the same computeBudget and approval rule the server applies.
  const breakdown = createMemo<BreakdownData | null>(() => {
    const people = expectedValue();
    const surplusRate = rateValue();
    const costLines = filledLines().map((l) => ({ label: l.label.trim() || '—', amountFen: lineAmount(l) }));
    if (people === null || surplusRate === null || costLines.some((l) => l.amountFen === null)) return null;
    const valid = costLines as { label: string; amountFen: number }[];
    const budget = computeBudget({ lines: valid, expectedParticipants: people, surplusRatePercent: surplusRate });
    const lower = lowerFeeValue();
    const feeFen = lower === undefined || lower === null ? budget.feeFen : lower;
    const reason = exceptionReason().trim() || null;
    return {
      lines: valid,
      costFen: budget.costFen,
      surplusRatePercent: surplusRate,
      surplusTargetFen: budget.surplusTargetFen,
      targetFen: budget.targetFen,
      exactFeeFen: budget.exactFeeFen,
      derivedFeeFen: budget.feeFen,
      feeFen,
      expectedParticipants: people,
      problem: approvalProblem(budget, feeFen ?? 0, people, reason),
      exceptionReason: reason,
    };
  });

  const timeProblem = () => {
    const start = localInputToIso(startsAt());
    const end = localInputToIso(endsAt());
    return start && end && Date.parse(end) <= Date.parse(start);
  };
  const details = () => (error() instanceof ApiError ? ((error() as ApiError).details ?? {}) : {});
  const invalid = (field: string) => field in details();
  const myClubs = () => (overview()?.clubs ?? []).filter((c) => c.status === 'active');
  // A club given in the link that is not one of mine (or not active) cannot hold this activity.
  createEffect(() => {
    if (editing() || overview.state !== 'ready' || !clubId()) return;
    if (!myClubs().some((c) => String(c.id) === clubId())) setClubId('');
  });
  const locked = () => {
    const a = existing.state === 'ready' ? existing() : undefined;
    return a ? !a.isOrganiser || !editableStates.includes(a.state) : false;
  };

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(undefined);
    const start = localInputToIso(startsAt());
    const end = localInputToIso(endsAt());
    const b = breakdown();
    const lower = lowerFeeValue();
    if (!start || !end || timeProblem() || !b || lower === null || overCapacity()) return;
    const [kind, chosenId] = placeChoice().split(':');
    const body = {
      clubId: clubId() ? Number(clubId()) : null,
      title: title().trim(),
      description: description(),
      startsAt: start,
      endsAt: end,
      place: kind === 'space' || kind === 'booking' ? undefined : place().trim(),
      spaceId: kind === 'space' ? Number(chosenId) : null,
      bookingId: kind === 'booking' ? Number(chosenId) : null,
      capacity: Number(capacity()),
      waitlist: waitlist(),
      audience: audience(),
      expectedParticipants: b.expectedParticipants,
      surplusRatePercent: rate().trim() === '' ? undefined : b.surplusRatePercent,
      costLines: filledLines().map((l) => ({ label: l.label.trim(), amountFen: lineAmount(l) ?? 0 })),
      feeFen: lower,
      exceptionReason: exceptionReason().trim() || null,
    };
    setBusy(true);
    try {
      if (params.id) {
        await request(api.api.activities[':id'].$put({ param: { id: params.id }, json: body }));
        navigate(`/activities/${params.id}`);
      } else {
        const { id } = await request(api.api.activities.$post({ json: body }));
        navigate(`/activities/${id}`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="activity-editor">
      <p class="no-print">
        <Show when={params.id} fallback={<A href={clubId() ? `/clubs/${clubId()}` : '/this-week'}>{t('app.back')}</A>}>
          <A href={`/activities/${params.id}`}>{t('activityEditor.backToActivity')}</A>
        </Show>
      </p>
      <h1>{editing() ? t('activityEditor.editTitle') : t('activityEditor.newTitle')}</h1>
      <p class="lead">{t('activityEditor.intro')}</p>
      <MemberGate next={location.pathname + location.search} />
      <ErrorMessage error={existing.error} />
      <Show when={locked()}>
        <p class="alert">{t('activityEditor.locked')}</p>
      </Show>
      <ErrorMessage error={error()} />
      <form onSubmit={save}>
        <div class="editor-columns">
          <div>
            <fieldset>
              <legend>{t('activityEditor.basics')}</legend>
              <div class="field" classList={{ invalid: invalid('title') }}>
                <label for="a-title">{t('activityEditor.title')}</label>
                <input
                  id="a-title"
                  type="text"
                  required
                  minlength="2"
                  maxlength="80"
                  value={title()}
                  onInput={(e) => setTitle(e.currentTarget.value)}
                />
              </div>
              <Show when={!editing()}>
                <div class="field">
                  <label for="a-club">{t('activityEditor.club')}</label>
                  <select id="a-club" value={clubId()} onChange={(e) => setClubId(e.currentTarget.value)} aria-describedby="a-club-help">
                    <option value="">{t('activityEditor.noClub')}</option>
                    <For each={myClubs()}>
                      {(c) => (
                        <option value={String(c.id)} selected={clubId() === String(c.id)}>
                          {c.name}
                        </option>
                      )}
                    </For>
                  </select>
                  <span class="help" id="a-club-help">
                    {t('activityEditor.clubHelp')}
                  </span>
                </div>
              </Show>
              <div class="field">
                <label for="a-description">{t('activityEditor.description')}</label>
                <textarea
                  id="a-description"
                  rows="4"
                  maxlength="4000"
                  value={description()}
                  onInput={(e) => setDescription(e.currentTarget.value)}
                />
              </div>
              <div class="field-row">
                <div class="field" classList={{ invalid: invalid('startsAt') }}>
                  <label for="a-start">{t('activityEditor.startsAt')}</label>
                  <input
                    id="a-start"
                    type="datetime-local"
                    required
                    value={startsAt()}
                    onInput={(e) => setStartsAt(e.currentTarget.value)}
                  />
                </div>
                <div class="field" classList={{ invalid: invalid('endsAt') || Boolean(timeProblem()) }}>
                  <label for="a-end">{t('activityEditor.endsAt')}</label>
                  <input
                    id="a-end"
                    type="datetime-local"
                    required
                    min={startsAt()}
                    value={endsAt()}
                    onInput={(e) => setEndsAt(e.currentTarget.value)}
                    aria-describedby="a-end-error"
                  />
                  <Show when={timeProblem() || invalid('endsAt')}>
                    <span class="field-error" id="a-end-error">
                      {t('activityEditor.endAfterStart')}
                    </span>
                  </Show>
                </div>
              </div>
              <div class="field" classList={{ invalid: invalid('spaceId') || invalid('bookingId') || clash() !== null }}>
                <label for="a-place-choice">{t('activityEditor.placeKind')}</label>
                <select
                  id="a-place-choice"
                  value={placeChoice()}
                  onChange={(e) => setPlaceChoice(e.currentTarget.value)}
                  aria-describedby="a-place-help a-place-problem"
                  aria-invalid={invalid('spaceId') || invalid('bookingId') || clash() !== null}
                >
                  <option value="" selected={placeChoice() === ''}>
                    {t('activityEditor.placeTyped')}
                  </option>
                  <Show when={spaceOptions().length > 0}>
                    <optgroup label={t('activityEditor.placeSpaces')}>
                      <For each={spaceOptions()}>
                        {(s) => (
                          <option value={`space:${s.id}`} selected={placeChoice() === `space:${s.id}`}>
                            {t('activityEditor.placeSpaceOption', {
                              name: s.name,
                              capacity: String(s.capacity),
                              opens: s.opensAt,
                              closes: s.closesAt,
                            })}
                          </option>
                        )}
                      </For>
                    </optgroup>
                  </Show>
                  <Show when={bookingOptions().length > 0}>
                    <optgroup label={t('activityEditor.placeClubBookings')}>
                      <For each={bookingOptions()}>
                        {(b) => (
                          <option value={`booking:${b.id}`} selected={placeChoice() === `booking:${b.id}`}>
                            {t('activityEditor.placeBookingOption', {
                              space: b.spaceName,
                              when: formatRange(b.startsAt, b.endsAt, locale()),
                              purpose: b.purpose,
                            })}
                          </option>
                        )}
                      </For>
                    </optgroup>
                  </Show>
                </select>
                <span class="help" id="a-place-help">
                  <Show
                    when={chosenSpace()}
                    fallback={
                      places.state === 'ready' && spaceOptions().length === 0 ? t('activityEditor.noSpaces') : t('activityEditor.placeHelp')
                    }
                  >
                    {(space) => (
                      <>
                        {t('activityEditor.placeSpaceFacts', {
                          name: space().name,
                          opens: space().opensAt,
                          closes: space().closesAt,
                          capacity: String(space().capacity),
                          rules: space().rules,
                        })}
                        <Show when={chosenBooking()}>
                          {(booking) => (
                            <span class="block">
                              {t('activityEditor.placeBookingFacts', { when: formatRange(booking().startsAt, booking().endsAt, locale()) })}
                            </span>
                          )}
                        </Show>
                      </>
                    )}
                  </Show>
                </span>
                <span id="a-place-problem" role="alert">
                  <Show when={clash()}>
                    {(c) => (
                      <span class="field-error block">
                        {t('activityEditor.placeClash', {
                          who: c().who,
                          when: formatRange(c().startsAt, c().endsAt, locale()),
                          purpose: c().purpose,
                        })}
                      </span>
                    )}
                  </Show>
                  <Show when={!clash() && invalid('bookingId') && error() instanceof ApiError && (error() as ApiError).code === 'conflict'}>
                    <span class="field-error block">{t('activityEditor.placeTaken')}</span>
                  </Show>
                  <Show when={chosenSpace() && (invalid('startsAt') || invalid('endsAt')) ? chosenSpace() : null}>
                    {(space) => (
                      <span class="field-error block">
                        {t('activityEditor.outsideHours', { name: space().name, opens: space().opensAt, closes: space().closesAt })}
                      </span>
                    )}
                  </Show>
                </span>
              </div>
              <Show when={placeChoice() === ''}>
                <div class="field" classList={{ invalid: invalid('place') }}>
                  <label for="a-place">{t('activityEditor.place')}</label>
                  <input
                    id="a-place"
                    type="text"
                    required
                    maxlength="80"
                    value={place()}
                    onInput={(e) => setPlace(e.currentTarget.value)}
                  />
                </div>
              </Show>
              <div class="field-row">
                <div class="field" classList={{ invalid: invalid('capacity') || overCapacity() }}>
                  <label for="a-capacity">{t('activityEditor.capacity')}</label>
                  <input
                    id="a-capacity"
                    type="number"
                    inputmode="numeric"
                    required
                    min="1"
                    max={String(chosenSpace()?.capacity ?? 5000)}
                    step="1"
                    value={capacity()}
                    onInput={(e) => setCapacity(e.currentTarget.value)}
                    aria-invalid={invalid('capacity') || overCapacity()}
                    aria-describedby="a-capacity-error"
                  />
                  <Show when={chosenSpace() && (overCapacity() || invalid('capacity')) ? chosenSpace() : null}>
                    {(space) => (
                      <span class="field-error" id="a-capacity-error">
                        {t('activityEditor.overCapacity', { name: space().name, capacity: String(space().capacity) })}
                      </span>
                    )}
                  </Show>
                </div>
                <div class="field" classList={{ invalid: invalid('expectedParticipants') || (submitted() && expectedValue() === null) }}>
                  <label for="a-expected">{t('activityEditor.expected')}</label>
                  <input
                    id="a-expected"
                    type="number"
                    inputmode="numeric"
                    required
                    min="0"
                    max="5000"
                    step="1"
                    value={expected()}
                    onInput={(e) => setExpected(e.currentTarget.value)}
                    aria-describedby="a-expected-help"
                  />
                  <span class="help" id="a-expected-help">
                    {t('activityEditor.expectedHelp')}
                  </span>
                </div>
              </div>
              <label class="radio">
                <input type="checkbox" checked={waitlist()} onChange={(e) => setWaitlist(e.currentTarget.checked)} />
                {t('activityEditor.waitlist')}
              </label>
            </fieldset>
            <fieldset>
              <legend>{t('activityEditor.audience')}</legend>
              <For each={['residents', 'members', 'children'] as Audience[]}>
                {(value) => (
                  <label class="radio">
                    <input type="radio" name="audience" value={value} checked={audience() === value} onChange={() => setAudience(value)} />
                    <span>
                      {t(`audience.${value}`)}
                      <span class="help block">{t(`activityEditor.audienceHelp_${value}`)}</span>
                    </span>
                  </label>
                )}
              </For>
            </fieldset>
            <fieldset>
              <legend>{t('activityEditor.costs')}</legend>
              <p class="help">{t('activityEditor.costsHelp')}</p>
              <ol class="cost-lines">
                <For each={lines}>
                  {(line, index) => (
                    <li class="cost-line" classList={{ invalid: lineAmount(line) === null }}>
                      <div class="field">
                        <label for={`a-line-label-${line.key}`}>{t('activityEditor.lineLabel', { n: String(index() + 1) })}</label>
                        <input
                          id={`a-line-label-${line.key}`}
                          type="text"
                          maxlength="60"
                          required={line.amount.trim() !== ''}
                          value={line.label}
                          placeholder={t('activityEditor.linePlaceholder')}
                          onInput={(e) => setLines(index(), 'label', e.currentTarget.value)}
                        />
                      </div>
                      <div class="field">
                        <label for={`a-line-amount-${line.key}`}>{t('activityEditor.lineAmount')}</label>
                        <input
                          id={`a-line-amount-${line.key}`}
                          type="text"
                          inputmode="decimal"
                          value={line.amount}
                          aria-invalid={lineAmount(line) === null}
                          aria-describedby={`a-line-help-${line.key}`}
                          onInput={(e) => setLines(index(), 'amount', e.currentTarget.value)}
                        />
                        <Show when={lineAmount(line) === null}>
                          <span class="field-error" id={`a-line-help-${line.key}`}>
                            {t('activityEditor.amountInvalid')}
                          </span>
                        </Show>
                      </div>
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() => setLines((all) => (all.length > 1 ? all.filter((l) => l.key !== line.key) : [newLine()]))}
                        aria-label={t('activityEditor.removeLineNamed', { n: String(index() + 1) })}
                      >
                        {t('activityEditor.removeLine')}
                      </button>
                    </li>
                  )}
                </For>
              </ol>
              <button type="button" class="button secondary" onClick={() => setLines(lines.length, newLine())}>
                {t('activityEditor.addLine')}
              </button>
            </fieldset>
            <fieldset>
              <legend>{t('activityEditor.fee')}</legend>
              <div class="field" classList={{ invalid: rateValue() === null }}>
                <label for="a-rate">{t('activityEditor.surplusRate')}</label>
                <input
                  id="a-rate"
                  type="number"
                  inputmode="numeric"
                  min="0"
                  max="50"
                  step="1"
                  value={rate()}
                  placeholder={String(defaultRate())}
                  onInput={(e) => setRate(e.currentTarget.value)}
                  aria-describedby="a-rate-help"
                />
                <span class="help" id="a-rate-help">
                  {t('activityEditor.surplusRateHelp', { rate: String(defaultRate()) })}
                </span>
              </div>
              <div class="field" classList={{ invalid: lowerFeeValue() === null || invalid('feeFen') }}>
                <label for="a-lower-fee">{t('activityEditor.lowerFee')}</label>
                <input
                  id="a-lower-fee"
                  type="text"
                  inputmode="decimal"
                  value={lowerFee()}
                  onInput={(e) => setLowerFee(e.currentTarget.value)}
                  aria-describedby="a-lower-fee-help"
                />
                <span class="help" id="a-lower-fee-help">
                  {t('activityEditor.lowerFeeHelp')}
                </span>
              </div>
              <div class="field" classList={{ invalid: invalid('exceptionReason') }}>
                <label for="a-exception">{t('activityEditor.exceptionReason')}</label>
                <textarea
                  id="a-exception"
                  rows="2"
                  maxlength="300"
                  value={exceptionReason()}
                  onInput={(e) => setExceptionReason(e.currentTarget.value)}
                  aria-describedby="a-exception-help"
                />
                <span class="help" id="a-exception-help">
                  {t('activityEditor.exceptionHelp')}
                </span>
              </div>
            </fieldset>
          </div>
          <div class="editor-aside">
            <Show when={breakdown()} fallback={<p class="alert">{t('activityEditor.fixToCompute')}</p>}>
              {(b) => <BudgetBreakdown data={b()} live />}
            </Show>
          </div>
        </div>
        <div class="actions">
          <button class="button" type="submit" disabled={busy() || !member() || locked()}>
            {busy() ? t('activityEditor.saving') : editing() ? t('activityEditor.save') : t('activityEditor.create')}
          </button>
          <span class="help">{t('activityEditor.afterSave')}</span>
        </div>
      </form>
    </section>
  );
}
