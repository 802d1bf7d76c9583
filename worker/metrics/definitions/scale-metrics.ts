/** The scale figures: how big the community is and how many of its residents are on Huzhu. */
import { type MetricDefinition, metric } from './types';

export const SCALE_METRICS: readonly MetricDefinition[] = [
  metric(
    'households',
    'scale',
    'count',
    null,
    { zh: '户数', en: 'Households' },
    { zh: '社区申报的总户数。', en: 'Households in the community, as the community declares them.' },
  ),
  metric(
    'residents',
    'scale',
    'count',
    null,
    { zh: '居民数', en: 'Residents' },
    { zh: '社区申报的常住居民人数；未填写时为空。', en: 'Residents as the community declares them; empty until given.' },
  ),
  metric(
    'members',
    'scale',
    'count',
    true,
    { zh: '平台成员', en: 'Members on Huzhu' },
    { zh: '截至月底已加入本社区网站的居民人数。', en: 'Residents who had joined the community on Huzhu by the end of the month.' },
  ),
];
