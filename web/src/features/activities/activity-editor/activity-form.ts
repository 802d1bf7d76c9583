import { createEffect, createMemo, createSignal, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import { approvalProblem, computeBudget } from '../../../lib/budget';
import { isoToLocalInput, localInputToIso, parseYuan, yuanInput } from '../../../lib/format';
import type { Activity } from '../activity-detail/activity';
import type { BreakdownData } from '../budget-breakdown';

export type Audience = 'members' | 'residents' | 'children';
export interface LineDraft {
  key: number;
  label: string;
  amount: string;
}

let nextLineKey = 1;
export const newLine = (label = '', amount = ''): LineDraft => ({ key: nextLineKey++, label, amount });

/**
 * The editor's fields, filled once from the activity being edited, and what follows from them: the values as numbers,
 * and the live budget breakdown by the same computeBudget and approval rule the server applies.
 */
export function createActivityForm(options: { clubId: string; existing: () => Activity | undefined; defaultRate: () => number }) {
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [startsAt, setStartsAt] = createSignal('');
  const [endsAt, setEndsAt] = createSignal('');
  const [place, setPlace] = createSignal('');
  /** '' for a typed place, `space:<id>` to book a shared space, `booking:<id>` to use a booking of the club. */
  const [placeChoice, setPlaceChoice] = createSignal('');
  const [capacity, setCapacity] = createSignal('20');
  const [waitlist, setWaitlist] = createSignal(true);
  const [maxPlaces, setMaxPlaces] = createSignal('4');
  const [audience, setAudience] = createSignal<Audience>('residents');
  const [expected, setExpected] = createSignal('');
  const [rate, setRate] = createSignal('');
  const [lines, setLines] = createStore<LineDraft[]>([newLine()]);
  const [lowerFee, setLowerFee] = createSignal('');
  const [exceptionReason, setExceptionReason] = createSignal('');
  const [clubId, setClubId] = createSignal(options.clubId);
  /** '' for none; only an activity without a club chooses (a club's counts for its club's program). */
  const [programKey, setProgramKey] = createSignal('');

  // Fill the form once from the activity being edited.
  createEffect(
    on(options.existing, (a) => {
      if (!a) return;
      setTitle(a.title);
      setDescription(a.description);
      setStartsAt(isoToLocalInput(a.startsAt));
      setEndsAt(isoToLocalInput(a.endsAt));
      setPlace(a.booking ? '' : a.place);
      setPlaceChoice(a.booking && a.space ? (a.booking.borrowed ? `booking:${a.booking.id}` : `space:${a.space.id}`) : '');
      setCapacity(String(a.capacity));
      setWaitlist(a.waitlist);
      setMaxPlaces(String(a.maxPlacesPerMember));
      setAudience(a.audience);
      setExpected(String(a.expectedParticipants));
      setRate(String(a.surplusRatePercent));
      setLines(a.budget.lines.length > 0 ? a.budget.lines.map((l) => newLine(l.label, yuanInput(l.amountFen))) : [newLine()]);
      setLowerFee(a.budget.derivedFeeFen !== null && a.feeFen < a.budget.derivedFeeFen ? yuanInput(a.feeFen) : '');
      setExceptionReason(a.exceptionReason ?? '');
      setClubId(a.clubId ? String(a.clubId) : '');
      setProgramKey(a.clubId ? '' : (a.programKey ?? ''));
    }),
  );

  const rateValue = () => {
    const text = rate().trim();
    if (text === '') return options.defaultRate();
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

  return {
    title,
    setTitle,
    description,
    setDescription,
    startsAt,
    setStartsAt,
    endsAt,
    setEndsAt,
    place,
    setPlace,
    placeChoice,
    setPlaceChoice,
    capacity,
    setCapacity,
    waitlist,
    setWaitlist,
    maxPlaces,
    setMaxPlaces,
    audience,
    setAudience,
    expected,
    setExpected,
    rate,
    setRate,
    lines,
    setLines,
    lowerFee,
    setLowerFee,
    exceptionReason,
    setExceptionReason,
    clubId,
    setClubId,
    programKey,
    setProgramKey,
    defaultRate: options.defaultRate,
    rateValue,
    expectedValue,
    lineAmount,
    lowerFeeValue,
    filledLines,
    breakdown,
    timeProblem,
  };
}

export type ActivityForm = ReturnType<typeof createActivityForm>;
