/** A month's figures (every metric value and the rule checklist) from a series of month facts, and those of a whole series. */
import { median, per100, ratio } from './arithmetic';
import type { MonthFacts } from './month-facts';
import { operatingRules } from './operating-rules';
import { type Figures, METRIC_KEYS, type MetricKey, RULE_KEYS } from './types';
import { lastMonths } from './windows';

/** The figures for the month at index `i` of a series ordered by month (earlier months give the windows). */
export function figuresFor(series: readonly MonthFacts[], i: number): Figures {
  const f = series[i]!;
  // Before the community began nothing applies: no figure is shown as a zero it never had.
  if (!f.existed) return notYet(series, i);
  const last3 = lastMonths(series, i, 3);
  const last12 = lastMonths(series, i, 12);
  const clubsActive = new Set(last3.flatMap((x) => x.clubsWithActivity)).size;
  const enabled = new Set(f.programsEnabled);
  const programsActive = new Set(last3.flatMap((x) => x.programsWithActivity).filter((p) => enabled.has(p))).size;
  const volunteerHours = Math.round((f.volunteerMinutes / 60) * 10) / 10;
  const values: Record<MetricKey, number | null> = {
    households: f.households,
    residents: f.residents,
    members: f.members,
    clubsActive,
    clubsPer100Households: per100(clubsActive, f.households),
    activitiesHeld: f.activitiesHeld,
    householdParticipation: ratio(f.householdsParticipating, f.households),
    repeatAttendance: ratio(f.returningAttendees, f.attendees),
    volunteersActive: f.volunteersActive,
    volunteerHours,
    volunteersPer100Households: per100(f.volunteersActive, f.households),
    contactCoverage: ratio(f.buildingsWithTwoContacts, f.buildings),
    jointMeetingsHeld: f.jointMeetingsHeld,
    jointMeetingCadence: ratio(last12.filter((x) => x.jointMeetingsHeld > 0).length, last12.length),
    issuesRaised: f.issuesRaised,
    issuesDecided: f.issuesDecided,
    issuesDone: f.issuesDone,
    medianDaysToDecision: median(f.daysToDecision),
    surplusShare: ratio(f.settledWithSurplus, f.settled),
    statementsOnTime: ratio(f.settledOnTime, f.settled),
    programsActive,
  };
  return { values, rules: operatingRules(series, i) };
}

function notYet(series: readonly MonthFacts[], i: number): Figures {
  const rules = operatingRules(series, i);
  for (const key of RULE_KEYS) {
    rules[key] = { score: 0, checks: Object.fromEntries(Object.keys(rules[key].checks).map((k) => [k, false])) };
  }
  return { values: Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as Record<MetricKey, null>, rules };
}

/** Figures for every month of a series ordered by month. */
export function figuresForSeries(series: readonly MonthFacts[]): Figures[] {
  return series.map((_, i) => figuresFor(series, i));
}
