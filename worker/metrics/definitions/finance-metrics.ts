/** The finance figures: whether settled activities left a small surplus and published their accounts on time. */
import { type MetricDefinition, metric } from './types';

export const FINANCE_METRICS: readonly MetricDefinition[] = [
  metric(
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
  metric(
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
];
