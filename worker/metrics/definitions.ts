/**
 * The model's own measures of how far a community has come, defined once: what each figure means (shown next
 * to it in the UI), and how it is computed from a month's facts. Pure functions: no I/O, no imports from the
 * rest of the project, so they can be tested on small hand-built data.
 */

/** What the community's database says about one calendar month (as at the month's end, or during it). */
export interface MonthFacts {
  /** YYYY-MM */
  month: string;
  households: number;
  residents: number | null;
  /** Members on Huzhu who had joined by the end of the month. */
  members: number;
  /** Clubs that held an activity this month (ids), for the 90-day window of "active". */
  clubsWithActivity: number[];
  /** Programs (keys) whose clubs held an activity this month. */
  programsWithActivity: string[];
  /** Programs the community has switched on. */
  programsEnabled: string[];
  activitiesHeld: number;
  /** Distinct households with at least one confirmed sign-up for an activity this month. */
  householdsParticipating: number;
  /** Distinct members with a confirmed sign-up for an activity held this month… */
  attendees: number;
  /** …of whom this many had attended an activity in an earlier month. */
  returningAttendees: number;
  /** Distinct members with confirmed volunteer hours served this month, and those hours in minutes. */
  volunteersActive: number;
  volunteerMinutes: number;
  buildings: number;
  /** Buildings with at least two confirmed contacts by the end of the month. */
  buildingsWithTwoContacts: number;
  jointMeetingsHeld: number;
  issuesRaised: number;
  issuesDecided: number;
  issuesDone: number;
  /** For each issue decided this month: days from being raised to being decided. */
  daysToDecision: number[];
  /** Activities that ended this month and have been settled; of those, with income above costs; settled on time. */
  settled: number;
  settledWithSurplus: number;
  settledOnTime: number;
  /** Activities that ended this month and were not cancelled, and of those, the ones taken through settlement. */
  activitiesEnded: number;
  activitiesCompleted: number;
  /** Parties of the joint meeting, and those with at least one named representative by the month's end. */
  parties: number;
  partiesRepresented: number;
  /** Committees in being by the month's end with at least one member. */
  committeesStaffed: number;
  /** Whether the community existed (had been founded) by the end of this month. */
  existed: boolean;
}

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

const m = (
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

export const METRICS: readonly MetricDefinition[] = [
  m(
    'households',
    'scale',
    'count',
    null,
    { zh: '户数', en: 'Households' },
    { zh: '社区申报的总户数。', en: 'Households in the community, as the community declares them.' },
  ),
  m(
    'residents',
    'scale',
    'count',
    null,
    { zh: '居民数', en: 'Residents' },
    { zh: '社区申报的常住居民人数；未填写时为空。', en: 'Residents as the community declares them; empty until given.' },
  ),
  m(
    'members',
    'scale',
    'count',
    true,
    { zh: '平台成员', en: 'Members on Huzhu' },
    { zh: '截至月底已加入本社区网站的居民人数。', en: 'Residents who had joined the community on Huzhu by the end of the month.' },
  ),
  m(
    'clubsActive',
    'participation',
    'count',
    true,
    { zh: '活跃社团', en: 'Active clubs' },
    {
      zh: '截至月底的 90 天内至少办过一次活动的社团数。',
      en: 'Clubs that held at least one activity in the 90 days to the end of the month.',
    },
  ),
  m(
    'clubsPer100Households',
    'participation',
    'per100',
    true,
    { zh: '每百户社团数', en: 'Clubs per 100 households' },
    { zh: '活跃社团数 ÷ 户数 × 100。', en: 'Active clubs ÷ households × 100.' },
  ),
  m(
    'activitiesHeld',
    'participation',
    'count',
    true,
    { zh: '举办活动', en: 'Activities held' },
    {
      zh: '当月开始并已举办（含已结算、已复盘）的活动数，不含取消的。',
      en: 'Activities that started in the month and were held (including settled and reviewed), not counting cancelled ones.',
    },
  ),
  m(
    'householdParticipation',
    'participation',
    'share',
    true,
    { zh: '家庭参与率', en: 'Household participation' },
    {
      zh: '当月至少报名成功一次活动的户数 ÷ 申报户数。同一房号的成员算一户；未填房号的成员各算一户。',
      en: 'Households with at least one confirmed sign-up for an activity in the month ÷ declared households. Members giving the same flat count once; members without a flat count as their own household.',
    },
  ),
  m(
    'repeatAttendance',
    'participation',
    'share',
    true,
    { zh: '重复参与率', en: 'Repeat attendance' },
    {
      zh: '当月参加活动的成员中，以前月份也参加过活动的比例。',
      en: 'Of the members taking part in an activity in the month, the share who had taken part in an earlier month.',
    },
  ),
  m(
    'volunteersActive',
    'participation',
    'count',
    true,
    { zh: '志愿者', en: 'Volunteers' },
    { zh: '当月有经确认的志愿服务时长的成员数。', en: 'Members with confirmed volunteer hours served in the month.' },
  ),
  m(
    'volunteerHours',
    'participation',
    'hours',
    true,
    { zh: '志愿时长', en: 'Volunteer hours' },
    { zh: '当月经确认的志愿服务总时长（小时）。', en: 'Confirmed volunteer hours served in the month.' },
  ),
  m(
    'volunteersPer100Households',
    'participation',
    'per100',
    true,
    { zh: '每百户志愿者', en: 'Volunteers per 100 households' },
    { zh: '当月志愿者人数 ÷ 户数 × 100。', en: 'Volunteers in the month ÷ households × 100.' },
  ),
  m(
    'contactCoverage',
    'coordination',
    'share',
    true,
    { zh: '楼栋联络覆盖', en: 'Building contact coverage' },
    {
      zh: '截至月底有至少两名已确认联络人的楼栋占全部楼栋的比例。',
      en: 'Share of buildings with at least two confirmed contacts by the end of the month.',
    },
  ),
  m(
    'jointMeetingsHeld',
    'coordination',
    'count',
    true,
    { zh: '联席会议', en: 'Joint meetings held' },
    { zh: '当月已召开（已结束）的多方联席会议次数。', en: 'Multi-party joint meetings held (closed) in the month.' },
  ),
  m(
    'jointMeetingCadence',
    'coordination',
    'share',
    true,
    { zh: '联席会议按月召开率', en: 'Joint meeting cadence' },
    {
      zh: '截至当月的 12 个月内（社区成立后的月份），召开过联席会议的月份 ÷ 已过月份。',
      en: 'Of the months in the 12 up to this one (since the community began), the share in which a joint meeting was held.',
    },
  ),
  m(
    'issuesRaised',
    'coordination',
    'count',
    null,
    { zh: '提出议题', en: 'Issues raised' },
    { zh: '当月居民提出的议题数。', en: 'Issues residents raised in the month.' },
  ),
  m(
    'issuesDecided',
    'coordination',
    'count',
    true,
    { zh: '作出决定', en: 'Issues decided' },
    { zh: '当月得到决定（通过、未通过或暂缓）的议题数。', en: 'Issues decided in the month (adopted, not adopted or deferred).' },
  ),
  m(
    'issuesDone',
    'coordination',
    'count',
    true,
    { zh: '落实完成', en: 'Issues done' },
    { zh: '当月落实完成的议题数。', en: 'Issues whose decision was carried out in the month.' },
  ),
  m(
    'medianDaysToDecision',
    'coordination',
    'days',
    false,
    { zh: '议题决定天数（中位数）', en: 'Median days to decision' },
    {
      zh: '当月作出决定的议题，从提出到决定所用天数的中位数。',
      en: 'For issues decided in the month, the median number of days from being raised to being decided.',
    },
  ),
  m(
    'surplusShare',
    'finance',
    'share',
    true,
    { zh: '结余活动占比', en: 'Settled with a surplus' },
    {
      zh: '当月结束并已结算的活动中，收入高于成本（有小额结余）的比例。',
      en: 'Of the activities that ended in the month and were settled, the share whose income exceeded their costs.',
    },
  ),
  m(
    'statementsOnTime',
    'finance',
    'share',
    true,
    { zh: '账目按时公开', en: 'Statements on time' },
    {
      zh: '当月结束并已结算的活动中，在活动结束后 7 天内完成结算公开的比例。',
      en: 'Of the activities that ended in the month and were settled, the share settled and published within 7 days of the end.',
    },
  ),
  m(
    'programsActive',
    'participation',
    'of-nine',
    true,
    { zh: '运行中的互助项目', en: 'Programs active' },
    {
      zh: '九项互助项目中，已启用且截至月底的 90 天内有社团办过活动的项目数。',
      en: 'Of the nine programs, those switched on whose clubs held an activity in the 90 days to the end of the month.',
    },
  ),
];

export const RULES: readonly RuleDefinition[] = [
  {
    key: 'structure',
    label: { zh: '组织架构', en: 'Structure' },
    definition: {
      zh: '各层级都有人：四方都有代表、至少一个专业委员会有成员、有活跃社团组成联合会、八成楼栋有两名联络人。',
      en: 'Every level is staffed: each party has a representative, a committee has members, active clubs make up the federation, and 80% of buildings have two contacts.',
    },
    checks: [
      { key: 'parties', label: { zh: '四方都有代表', en: 'Every party has a representative' } },
      { key: 'committee', label: { zh: '至少一个专业委员会有成员', en: 'A committee has members' } },
      { key: 'federation', label: { zh: '有活跃社团组成联合会', en: 'Active clubs make up the federation' } },
      { key: 'contacts', label: { zh: '八成楼栋有两名联络人', en: '80% of buildings have two contacts' } },
    ],
  },
  {
    key: 'needs',
    label: { zh: '需求导向', en: 'Needs' },
    definition: {
      zh: '议题在流动：近三个月有居民提出议题、有议题得到决定，且决定用时中位数不超过 45 天。',
      en: 'Issues are flowing: in the last three months residents raised issues, issues were decided, and the median time to decision was 45 days or less.',
    },
    checks: [
      { key: 'raised', label: { zh: '近三个月有议题提出', en: 'Issues raised in the last three months' } },
      { key: 'decided', label: { zh: '近三个月有议题得到决定', en: 'Issues decided in the last three months' } },
      { key: 'fast', label: { zh: '决定用时中位数 ≤ 45 天', en: 'Median time to decision ≤ 45 days' } },
    ],
  },
  {
    key: 'process',
    label: { zh: '流程完整', en: 'Process' },
    definition: {
      zh: '活动走完全流程：近三个月每月都有活动，且结束的活动中至少八成完成结算。',
      en: 'Activities complete the full lifecycle: activities every month of the last three, and at least 80% of those that ended were settled.',
    },
    checks: [
      { key: 'monthly', label: { zh: '近三个月每月都有活动', en: 'Activities in each of the last three months' } },
      { key: 'settled', label: { zh: '结束的活动八成完成结算', en: '80% of ended activities settled' } },
    ],
  },
  {
    key: 'finance',
    label: { zh: '财务透明', en: 'Finance' },
    definition: {
      zh: '近三个月结算的活动中，至少九成按时公开账目，且至少一半有小额结余。',
      en: 'Of the activities settled in the last three months, at least 90% published on time and at least half with a small surplus.',
    },
    checks: [
      { key: 'on-time', label: { zh: '九成按时公开账目', en: '90% of statements on time' } },
      { key: 'surplus', label: { zh: '一半活动有小额结余', en: 'Half of activities with a small surplus' } },
    ],
  },
  {
    key: 'operations',
    label: { zh: '运营节奏', en: 'Operations' },
    definition: { zh: '近三个月每个月都召开了联席会议。', en: 'A joint meeting was held in each of the last three months.' },
    checks: [
      { key: 'meeting-0', label: { zh: '当月召开联席会议', en: 'Joint meeting this month' } },
      { key: 'meeting-1', label: { zh: '上月召开联席会议', en: 'Joint meeting the month before' } },
      { key: 'meeting-2', label: { zh: '前月召开联席会议', en: 'Joint meeting two months before' } },
    ],
  },
];

/** A ratio, or null when there is nothing to divide by (a figure that does not apply, not a zero). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function per100(count: number, households: number): number | null {
  return households > 0 ? (count / households) * 100 : null;
}

/** The middle value (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Months before and including index `i`, at most `n` of them, of those in which the community existed. */
function window(series: readonly MonthFacts[], i: number, n: number): MonthFacts[] {
  return series.slice(Math.max(0, i - n + 1), i + 1).filter((f) => f.existed);
}

const sum = (facts: readonly MonthFacts[], pick: (f: MonthFacts) => number) => facts.reduce((total, f) => total + pick(f), 0);

function rule(checks: Record<string, boolean>): RuleResult {
  const values = Object.values(checks);
  return { score: values.length ? values.filter(Boolean).length / values.length : 0, checks };
}

/** The five operating rules as a checklist computed from the data, for the month at index `i`. */
export function operatingRules(series: readonly MonthFacts[], i: number): Record<RuleKey, RuleResult> {
  const f = series[i]!;
  const last3 = window(series, i, 3);
  const full3 = last3.length === 3;
  const clubsActive = new Set(window(series, i, 3).flatMap((x) => x.clubsWithActivity)).size;
  const coverage = ratio(f.buildingsWithTwoContacts, f.buildings);
  const decidedDays = last3.flatMap((x) => x.daysToDecision);
  const medianDays = median(decidedDays);
  const ended = sum(last3, (x) => x.activitiesEnded);
  const completed = sum(last3, (x) => x.activitiesCompleted);
  const settled = sum(last3, (x) => x.settled);
  const onTime = sum(last3, (x) => x.settledOnTime);
  const surplus = sum(last3, (x) => x.settledWithSurplus);
  return {
    structure: rule({
      parties: f.parties > 0 && f.partiesRepresented === f.parties,
      committee: f.committeesStaffed > 0,
      federation: clubsActive > 0,
      contacts: (coverage ?? 0) >= 0.8,
    }),
    needs: rule({
      raised: sum(last3, (x) => x.issuesRaised) > 0,
      decided: decidedDays.length > 0,
      fast: medianDays !== null && medianDays <= 45,
    }),
    process: rule({
      monthly: full3 && last3.every((x) => x.activitiesHeld > 0),
      settled: ended > 0 && completed / ended >= 0.8,
    }),
    finance: rule({
      'on-time': settled > 0 && onTime / settled >= 0.9,
      surplus: settled > 0 && surplus / settled >= 0.5,
    }),
    operations: rule(
      Object.fromEntries(
        [0, 1, 2].map((back) => {
          const month = series[i - back];
          return [`meeting-${back}`, month?.existed === true && month.jointMeetingsHeld > 0];
        }),
      ),
    ),
  };
}

/** The figures for the month at index `i` of a series ordered by month (earlier months give the windows). */
export function figuresFor(series: readonly MonthFacts[], i: number): Figures {
  const f = series[i]!;
  // Before the community began nothing applies: no figure is shown as a zero it never had.
  if (!f.existed) return notYet(series, i);
  const last3 = window(series, i, 3);
  const last12 = window(series, i, 12);
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

/** The `count` months up to and including the month of `now`, oldest first (YYYY-MM, UTC). */
export function monthsUpTo(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  }
  return months;
}

/** A fact-free month, for a community that did not exist yet or has no data. */
export function emptyMonth(month: string, base: Partial<MonthFacts> = {}): MonthFacts {
  return {
    month,
    households: 0,
    residents: null,
    members: 0,
    clubsWithActivity: [],
    programsWithActivity: [],
    programsEnabled: [],
    activitiesHeld: 0,
    householdsParticipating: 0,
    attendees: 0,
    returningAttendees: 0,
    volunteersActive: 0,
    volunteerMinutes: 0,
    buildings: 0,
    buildingsWithTwoContacts: 0,
    jointMeetingsHeld: 0,
    issuesRaised: 0,
    issuesDecided: 0,
    issuesDone: 0,
    daysToDecision: [],
    settled: 0,
    settledWithSurplus: 0,
    settledOnTime: 0,
    activitiesEnded: 0,
    activitiesCompleted: 0,
    parties: 0,
    partiesRepresented: 0,
    committeesStaffed: 0,
    existed: true,
    ...base,
  };
}
