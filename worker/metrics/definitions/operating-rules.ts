/** The five operating rules: what each checks (shown on the radar) and the checklist computed from a month's facts. */
import { median, ratio } from './arithmetic';
import type { MonthFacts } from './month-facts';
import type { RuleDefinition, RuleKey, RuleResult } from './types';
import { lastMonths, sum } from './windows';

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

function rule(checks: Record<string, boolean>): RuleResult {
  const values = Object.values(checks);
  return { score: values.length ? values.filter(Boolean).length / values.length : 0, checks };
}

/** The five operating rules as a checklist computed from the data, for the month at index `i`. */
export function operatingRules(series: readonly MonthFacts[], i: number): Record<RuleKey, RuleResult> {
  const f = series[i]!;
  const last3 = lastMonths(series, i, 3);
  const full3 = last3.length === 3;
  const clubsActive = new Set(lastMonths(series, i, 3).flatMap((x) => x.clubsWithActivity)).size;
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
