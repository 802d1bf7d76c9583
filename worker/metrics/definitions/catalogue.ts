/** Every metric definition in one list, in the order of METRIC_KEYS. */
import { COORDINATION_METRICS } from './coordination-metrics';
import { FINANCE_METRICS } from './finance-metrics';
import { PARTICIPATION_METRICS } from './participation-metrics';
import { SCALE_METRICS } from './scale-metrics';
import { METRIC_KEYS, type MetricDefinition, type MetricKey } from './types';

const byKey = new Map<MetricKey, MetricDefinition>(
  [...SCALE_METRICS, ...PARTICIPATION_METRICS, ...COORDINATION_METRICS, ...FINANCE_METRICS].map((d) => [d.key, d]),
);

export const METRICS: readonly MetricDefinition[] = METRIC_KEYS.map((key) => {
  const definition = byKey.get(key);
  // A key without a definition would be a blank column in every table: fail when the module loads instead.
  if (!definition) throw new Error(`metric ${key} has no definition`);
  return definition;
});
