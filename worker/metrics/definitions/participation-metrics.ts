/** The participation figures: active clubs and programs, activities held, who takes part, and volunteering. */
import { type MetricDefinition, metric } from './types';

export const PARTICIPATION_METRICS: readonly MetricDefinition[] = [
  metric(
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
  metric(
    'clubsPer100Households',
    'participation',
    'per100',
    true,
    { zh: '每百户社团数', en: 'Clubs per 100 households' },
    { zh: '活跃社团数 ÷ 户数 × 100。', en: 'Active clubs ÷ households × 100.' },
  ),
  metric(
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
  metric(
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
  metric(
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
  metric(
    'volunteersActive',
    'participation',
    'count',
    true,
    { zh: '志愿者', en: 'Volunteers' },
    { zh: '当月有经确认的志愿服务时长的成员数。', en: 'Members with confirmed volunteer hours served in the month.' },
  ),
  metric(
    'volunteerHours',
    'participation',
    'hours',
    true,
    { zh: '志愿时长', en: 'Volunteer hours' },
    { zh: '当月经确认的志愿服务总时长（小时）。', en: 'Confirmed volunteer hours served in the month.' },
  ),
  metric(
    'volunteersPer100Households',
    'participation',
    'per100',
    true,
    { zh: '每百户志愿者', en: 'Volunteers per 100 households' },
    { zh: '当月志愿者人数 ÷ 户数 × 100。', en: 'Volunteers in the month ÷ households × 100.' },
  ),
  metric(
    'programsActive',
    'participation',
    'of-nine',
    true,
    { zh: '运行中的互助项目', en: 'Programs active' },
    {
      zh: '九项互助项目中，已启用且截至月底的 90 天内办过活动的项目数（活动计入所选项目，未选时计入其社团的项目）。',
      en: "Of the nine programs, those switched on that held an activity in the 90 days to the end of the month (an activity counts for the program it names, or else its club's).",
    },
  ),
];
