import { archivedTables } from './catalogue';
import type { Archive } from './format';

export interface TableDiff {
  table: string;
  /** Rows only in the other archive (a restore would bring them back). */
  added: number;
  /** Rows only in the current one (a restore would drop them). */
  removed: number;
  /** Rows with the same key and different values. */
  changed: number;
  /** A few keys of each, for the operator to look at. */
  samples: { added: string[]; removed: string[]; changed: string[] };
}

const SAMPLES = 5;

function keyed(archive: Archive, table: string, keyColumns: string[]): Map<string, string> {
  const data = archive.tables[table];
  const out = new Map<string, string>();
  if (!data) return out;
  const at = keyColumns.map((c) => data.columns.indexOf(c));
  const order = [...data.columns].map((c, i) => [c, i] as const).sort(([a], [b]) => a.localeCompare(b));
  for (const row of data.rows) {
    const key = at.every((i) => i >= 0) ? at.map((i) => String(row[i])).join('/') : JSON.stringify(row);
    out.set(key, JSON.stringify(order.map(([c, i]) => [c, row[i]])));
  }
  return out;
}

/** What restoring `other` over `current` would change, table by table (only tables with a difference). Pure. */
export function diffArchives(current: Archive, other: Archive): TableDiff[] {
  const diffs: TableDiff[] = [];
  for (const t of archivedTables()) {
    const a = keyed(current, t.name, t.primaryKey);
    const b = keyed(other, t.name, t.primaryKey);
    const diff: TableDiff = { table: t.name, added: 0, removed: 0, changed: 0, samples: { added: [], removed: [], changed: [] } };
    const note = (kind: 'added' | 'removed' | 'changed', key: string) => {
      diff[kind]++;
      if (diff.samples[kind].length < SAMPLES) diff.samples[kind].push(key);
    };
    for (const [key, value] of b) {
      const was = a.get(key);
      if (was === undefined) note('added', key);
      else if (was !== value) note('changed', key);
    }
    for (const key of a.keys()) if (!b.has(key)) note('removed', key);
    if (diff.added + diff.removed + diff.changed > 0) diffs.push(diff);
  }
  return diffs;
}
