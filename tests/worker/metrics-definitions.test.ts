import { describe, expect, it } from 'vitest';
import {
  emptyMonth,
  figuresFor,
  figuresForSeries,
  METRIC_KEYS,
  METRICS,
  type MonthFacts,
  median,
  monthsUpTo,
  operatingRules,
  per100,
  RULE_KEYS,
  RULES,
  ratio,
} from '../../worker/metrics/definitions';
import { parseFigures } from '../../worker/metrics/figures';

/** A year of hand-built months: a community of 200 households, 10 buildings, four parties. */
function year(overrides: (i: number) => Partial<MonthFacts> = () => ({})): MonthFacts[] {
  return monthsUpTo(new Date('2026-06-15T00:00:00Z'), 12).map((month, i) =>
    emptyMonth(month, { households: 200, buildings: 10, parties: 4, programsEnabled: ['library', 'sports', 'salon'], ...overrides(i) }),
  );
}

describe('metric definitions', () => {
  it('defines every metric and rule once, with a label and a definition in both languages', () => {
    expect(METRICS.map((m) => m.key)).toEqual([...METRIC_KEYS]);
    expect(RULES.map((r) => r.key)).toEqual([...RULE_KEYS]);
    // Every check a rule computes has a label in its definition, and no label is left without a check.
    const computed = operatingRules(year(), 11);
    for (const r of RULES)
      expect(
        r.checks.map((c) => c.key),
        r.key,
      ).toEqual(Object.keys(computed[r.key].checks));
    for (const item of [...METRICS, ...RULES]) {
      expect(item.label.zh.length, item.key).toBeGreaterThan(1);
      expect(item.label.en.length, item.key).toBeGreaterThan(1);
      expect(item.definition.zh.length, item.key).toBeGreaterThan(5);
      expect(item.definition.en.length, item.key).toBeGreaterThan(10);
    }
  });

  it('ratio and per100 give null, not zero, when there is nothing to divide by', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 0)).toBeNull();
    expect(per100(3, 200)).toBe(1.5);
    expect(per100(3, 0)).toBeNull();
  });

  it('median takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 2, 4, 8])).toBe(6);
  });

  it('lists the months up to and including the current one, oldest first, across a year boundary', () => {
    expect(monthsUpTo(new Date('2026-02-10T12:00:00Z'), 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('figures for a month', () => {
  it('computes participation, volunteering and coverage shares from the month facts', () => {
    const series = year((i) =>
      i === 11
        ? {
            householdsParticipating: 50,
            attendees: 40,
            returningAttendees: 30,
            volunteersActive: 6,
            volunteerMinutes: 450,
            buildingsWithTwoContacts: 7,
            members: 120,
          }
        : {},
    );
    const { values } = figuresFor(series, 11);
    expect(values.householdParticipation).toBe(0.25);
    expect(values.repeatAttendance).toBe(0.75);
    expect(values.volunteersActive).toBe(6);
    expect(values.volunteerHours).toBe(7.5);
    expect(values.volunteersPer100Households).toBe(3);
    expect(values.contactCoverage).toBe(0.7);
    expect(values.members).toBe(120);
  });

  it('counts a club as active for 90 days after an activity, once however many activities it held', () => {
    const series = year((i) => (i === 8 ? { clubsWithActivity: [1, 2] } : i === 10 ? { clubsWithActivity: [2, 3] } : {}));
    expect(figuresFor(series, 9).values.clubsActive).toBe(2);
    expect(figuresFor(series, 10).values.clubsActive).toBe(3);
    expect(figuresFor(series, 11).values.clubsActive).toBe(2); // month 8 has left the window
    expect(figuresFor(series, 10).values.clubsPer100Households).toBe(1.5);
  });

  it('counts only programs the community switched on as active', () => {
    const series = year((i) => (i === 11 ? { programsWithActivity: ['library', 'university'] } : {}));
    expect(figuresFor(series, 11).values.programsActive).toBe(1);
  });

  it('takes the median days to decision of the issues decided in the month, and null with none decided', () => {
    const series = year((i) => (i === 11 ? { issuesDecided: 3, daysToDecision: [40, 12, 20] } : {}));
    expect(figuresFor(series, 11).values.medianDaysToDecision).toBe(20);
    expect(figuresFor(series, 10).values.medianDaysToDecision).toBeNull();
  });

  it('shares of settled activities with a surplus and on time; null when none were settled', () => {
    const series = year((i) => (i === 11 ? { settled: 8, settledWithSurplus: 6, settledOnTime: 4 } : {}));
    expect(figuresFor(series, 11).values.surplusShare).toBe(0.75);
    expect(figuresFor(series, 11).values.statementsOnTime).toBe(0.5);
    expect(figuresFor(series, 10).values.surplusShare).toBeNull();
  });

  it('measures joint meeting cadence over the months the community existed, not before', () => {
    // Founded six months before the last month; met in four of those six months.
    const series = year((i) => ({ existed: i >= 6, jointMeetingsHeld: [6, 7, 9, 11].includes(i) ? 1 : 0 }));
    expect(figuresFor(series, 11).values.jointMeetingCadence).toBeCloseTo(4 / 6);
    const always = year(() => ({ jointMeetingsHeld: 1 }));
    expect(figuresFor(always, 11).values.jointMeetingCadence).toBe(1);
  });

  it('shows nothing, not zeros, for the months before the community began', () => {
    const series = year((i) => ({ existed: i >= 6, activitiesHeld: 3 }));
    const before = figuresFor(series, 5);
    expect(Object.values(before.values).every((v) => v === null)).toBe(true);
    expect(before.rules.operations.score).toBe(0);
    expect(figuresFor(series, 6).values.activitiesHeld).toBe(3);
    expect(figuresFor(series, 6).values.households).toBe(200);
  });

  it('gives one figure set per month of the series', () => {
    expect(figuresForSeries(year())).toHaveLength(12);
  });
});

describe('the five operating rules as a checklist', () => {
  const healthy = year(() => ({
    partiesRepresented: 4,
    committeesStaffed: 1,
    clubsWithActivity: [1],
    buildingsWithTwoContacts: 9,
    issuesRaised: 2,
    issuesDecided: 1,
    daysToDecision: [20],
    activitiesHeld: 5,
    activitiesEnded: 5,
    activitiesCompleted: 5,
    settled: 5,
    settledOnTime: 5,
    settledWithSurplus: 4,
    jointMeetingsHeld: 1,
  }));

  it('meets every rule for a community doing everything the model asks', () => {
    const rules = operatingRules(healthy, 11);
    for (const key of RULE_KEYS) {
      expect(rules[key].score, key).toBe(1);
      expect(Object.values(rules[key].checks).every(Boolean), key).toBe(true);
    }
  });

  it('structure: a party without a representative, or thin building coverage, fails its check only', () => {
    const series = healthy.map((f, i) => (i === 11 ? { ...f, partiesRepresented: 3, buildingsWithTwoContacts: 5 } : f));
    const { structure } = operatingRules(series, 11);
    expect(structure.score).toBe(0.5);
    expect(
      Object.entries(structure.checks)
        .filter(([, met]) => !met)
        .map(([key]) => key),
    ).toEqual(['parties', 'contacts']);
  });

  it('needs: no issues raised or decided in three months fails, and slow decisions fail', () => {
    const quiet = healthy.map((f, i) => (i >= 9 ? { ...f, issuesRaised: 0, issuesDecided: 0, daysToDecision: [] } : f));
    expect(operatingRules(quiet, 11).needs.score).toBe(0);
    const slow = healthy.map((f, i) => (i >= 9 ? { ...f, daysToDecision: [60, 90] } : f));
    expect(operatingRules(slow, 11).needs.checks.fast).toBe(false);
  });

  it('process: a month without activities, or activities left unsettled, fails', () => {
    const gap = healthy.map((f, i) => (i === 10 ? { ...f, activitiesHeld: 0 } : f));
    expect(operatingRules(gap, 11).process.checks.monthly).toBe(false);
    const unsettled = healthy.map((f, i) => (i >= 9 ? { ...f, activitiesCompleted: 3 } : f));
    expect(operatingRules(unsettled, 11).process.checks.settled).toBe(false);
  });

  it('process needs three months of history: a community in its second month cannot meet it yet', () => {
    const young = healthy.map((f, i) => ({ ...f, existed: i >= 10 }));
    expect(operatingRules(young, 11).process.checks.monthly).toBe(false);
  });

  it('finance: late statements or too few surpluses fail', () => {
    const late = healthy.map((f) => ({ ...f, settledOnTime: 4 }));
    expect(operatingRules(late, 11).finance.checks['on-time']).toBe(false);
    const losses = healthy.map((f) => ({ ...f, settledWithSurplus: 2 }));
    expect(operatingRules(losses, 11).finance.checks.surplus).toBe(false);
  });

  it('operations: each of the last three months without a joint meeting is one failed check', () => {
    const missed = healthy.map((f, i) => (i === 10 ? { ...f, jointMeetingsHeld: 0 } : f));
    const { operations } = operatingRules(missed, 11);
    expect(operations.score).toBeCloseTo(2 / 3);
    expect(operations.checks).toEqual({ 'meeting-0': true, 'meeting-1': false, 'meeting-2': true });
  });
});

describe('stored figures, read back through the schema the definitions give', () => {
  const series = year((i) => ({ activitiesHeld: i, issuesDecided: 1, daysToDecision: [i + 3], jointMeetingsHeld: i % 2 }));
  const stored = (figures: unknown) => JSON.parse(JSON.stringify(figures));

  it('reads every computed month back exactly as it was computed, including months before the community began', () => {
    const computed = figuresForSeries(series.map((f, i) => ({ ...f, existed: i >= 3 })));
    for (const figures of computed) expect(parseFigures(stored(figures))).toEqual(figures);
  });

  it('reads a metric or rule defined after the month was computed as not measured, and drops one since removed', () => {
    const figures = stored(figuresFor(series, 11));
    delete figures.values.programsActive;
    delete figures.rules.finance;
    delete figures.rules.operations.checks['meeting-2'];
    figures.values.retiredMetric = 7;
    const read = parseFigures(figures);
    expect(read.values.programsActive).toBeNull();
    expect(read.values).not.toHaveProperty('retiredMetric');
    expect(read.values.activitiesHeld).toBe(11);
    expect(read.rules.finance).toEqual({ score: 0, checks: { 'on-time': false, surplus: false } });
    expect(read.rules.operations.checks['meeting-2']).toBe(false);
  });

  it('refuses what is not figures rather than passing it on', () => {
    const figures = stored(figuresFor(series, 11));
    expect(() => parseFigures({ ...figures, values: { ...figures.values, members: '12' } })).toThrow();
    expect(() => parseFigures({ ...figures, rules: { ...figures.rules, needs: { score: 3, checks: {} } } })).toThrow();
    expect(() => parseFigures('{"values":{}}')).toThrow();
    expect(() => parseFigures(null)).toThrow();
  });
});
