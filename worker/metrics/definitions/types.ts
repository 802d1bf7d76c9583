/** The keys of every figure and operating rule, the shapes of their definitions and results, and the builder for a metric definition. */

export type Unit = 'count' | 'share' | 'per100' | 'days' | 'hours' | 'of-nine';

export interface Text {
  zh: string;
  en: string;
}

export const METRIC_KEYS = [
  'households',
  'residents',
  'members',
  'clubsActive',
  'clubsPer100Households',
  'activitiesHeld',
  'householdParticipation',
  'repeatAttendance',
  'volunteersActive',
  'volunteerHours',
  'volunteersPer100Households',
  'contactCoverage',
  'jointMeetingsHeld',
  'jointMeetingCadence',
  'issuesRaised',
  'issuesDecided',
  'issuesDone',
  'medianDaysToDecision',
  'surplusShare',
  'statementsOnTime',
  'programsActive',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const RULE_KEYS = ['structure', 'needs', 'process', 'finance', 'operations'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export interface MetricDefinition {
  key: MetricKey;
  group: 'scale' | 'participation' | 'coordination' | 'finance';
  unit: Unit;
  label: Text;
  definition: Text;
  /** Whether a higher figure is better, for the way charts and tables colour a lead. */
  higherIsBetter: boolean | null;
}

export interface RuleResult {
  /** Share of the rule's checks that are met, 0–1: the radar's value. */
  score: number;
  /** Each check of the rule (keys as in its definition), met or not. */
  checks: Record<string, boolean>;
}

export interface RuleDefinition {
  key: RuleKey;
  label: Text;
  definition: Text;
  checks: { key: string; label: Text }[];
}

/** One community's figures for one month: what a snapshot stores. */
export interface Figures {
  values: Record<MetricKey, number | null>;
  rules: Record<RuleKey, RuleResult>;
}

/** One metric definition, its parts in the order the family files list them. */
export const metric = (
  key: MetricKey,
  group: MetricDefinition['group'],
  unit: Unit,
  higherIsBetter: boolean | null,
  label: Text,
  definition: Text,
): MetricDefinition => ({
  key,
  group,
  unit,
  higherIsBetter,
  label,
  definition,
});
