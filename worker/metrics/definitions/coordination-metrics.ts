/** The coordination figures: building contacts, the joint meeting, and how issues move from raised to done. */
import { type MetricDefinition, metric } from './types';

export const COORDINATION_METRICS: readonly MetricDefinition[] = [
  metric(
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
  metric(
    'jointMeetingsHeld',
    'coordination',
    'count',
    true,
    { zh: '联席会议', en: 'Joint meetings held' },
    { zh: '当月已召开（已结束）的多方联席会议次数。', en: 'Multi-party joint meetings held (closed) in the month.' },
  ),
  metric(
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
  metric(
    'issuesRaised',
    'coordination',
    'count',
    null,
    { zh: '提出议题', en: 'Issues raised' },
    { zh: '当月居民提出的议题数。', en: 'Issues residents raised in the month.' },
  ),
  metric(
    'issuesDecided',
    'coordination',
    'count',
    true,
    { zh: '作出决定', en: 'Issues decided' },
    { zh: '当月得到决定（通过、未通过或暂缓）的议题数。', en: 'Issues decided in the month (adopted, not adopted or deferred).' },
  ),
  metric(
    'issuesDone',
    'coordination',
    'count',
    true,
    { zh: '落实完成', en: 'Issues done' },
    { zh: '当月落实完成的议题数。', en: 'Issues whose decision was carried out in the month.' },
  ),
  metric(
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
];
