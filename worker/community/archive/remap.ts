import type { ArchivedTable, TableData } from './types';

/**
 * How the ids of an imported archive become ids of the target database: each table with a database-assigned integer
 * id is shifted past the rows the target already holds (`offsets`), and every reference to it moves with it —
 * declared foreign keys, loose references, references through a kind column, voter keys (`member:12`) and links
 * inside notifications (`/activities/12`). Shifting keeps each table's order, so "earlier" stays earlier.
 */
export interface RemapPlan {
  offsets: Record<string, number>;
  /** Replaces a media object key's community prefix (`<old id>/…` → `<new id>/…`); identity when absent. */
  mediaPrefix?: { from: string; to: string };
}

/** Columns naming a row of one of several tables by a kind column next to them. */
export const polymorphic: Record<string, Record<string, { kindColumn: string; tables: Record<string, string> }>> = {
  child_consents: { target_id: { kindColumn: 'target_kind', tables: { activity: 'activities', course: 'courses' } } },
  safety_checks: { target_id: { kindColumn: 'target_kind', tables: { activity: 'activities', course: 'courses' } } },
  consent_windows: { subject_id: { kindColumn: 'subject', tables: { club: 'clubs', activity: 'activities' } } },
};

/** Text columns holding `member:<id>` keys (voters of majority bodies). */
export const memberKeyColumns: Record<string, string[]> = {
  meeting_voters: ['voter'],
  item_stances: ['voter'],
};

/** Pages whose links carry a row id, by the table the id belongs to. */
const linkTables: Record<string, string> = {
  activities: 'activities',
  clubs: 'clubs',
  meetings: 'meetings',
  issues: 'issues',
  needs: 'needs',
  courses: 'courses',
  decisions: 'agenda_items',
  handbooks: '',
};

function shift(value: unknown, offset: number | undefined): unknown {
  if (value === null || value === undefined || !offset) return value;
  return typeof value === 'number' ? value + offset : value;
}

export function remapLink(link: unknown, offsets: Record<string, number>): unknown {
  if (typeof link !== 'string') return link;
  return link.replace(/^\/([a-z-]+)\/(\d+)(?=$|[/?#])/, (whole, page: string, id: string) => {
    const table = linkTables[page];
    const offset = table ? offsets[table] : 0;
    return offset ? `/${page}/${Number(id) + offset}` : whole;
  });
}

/** The rows of one table with every id and reference moved by the plan. Pure: the input is not changed. */
export function remapRows(table: ArchivedTable, data: TableData, plan: RemapPlan): unknown[][] {
  const index = new Map(data.columns.map((c, i) => [c, i]));
  const moves: { at: number; move: (v: unknown, row: unknown[]) => unknown }[] = [];
  if (table.integerId && plan.offsets[table.name]) {
    const at = index.get('id');
    const offset = plan.offsets[table.name];
    if (at !== undefined) moves.push({ at, move: (v) => shift(v, offset) });
  }
  for (const [column, target] of Object.entries(table.references)) {
    const at = index.get(column);
    const offset = plan.offsets[target];
    if (at !== undefined && offset) moves.push({ at, move: (v) => shift(v, offset) });
  }
  for (const [column, rule] of Object.entries(polymorphic[table.name] ?? {})) {
    const at = index.get(column);
    const kindAt = index.get(rule.kindColumn);
    if (at === undefined || kindAt === undefined) continue;
    moves.push({ at, move: (v, row) => shift(v, plan.offsets[rule.tables[String(row[kindAt])] ?? '']) });
  }
  for (const column of memberKeyColumns[table.name] ?? []) {
    const at = index.get(column);
    const offset = plan.offsets.members;
    if (at === undefined || !offset) continue;
    moves.push({
      at,
      move: (v) => (typeof v === 'string' && /^member:\d+$/.test(v) ? `member:${Number(v.slice(7)) + offset}` : v),
    });
  }
  if (table.name === 'notifications') {
    const at = index.get('link');
    if (at !== undefined) moves.push({ at, move: (v) => remapLink(v, plan.offsets) });
  }
  if (table.name === 'media_files' && plan.mediaPrefix) {
    const at = index.get('object_key');
    const { from, to } = plan.mediaPrefix;
    if (at !== undefined) {
      moves.push({ at, move: (v) => (typeof v === 'string' && v.startsWith(`${from}/`) ? `${to}/${v.slice(from.length + 1)}` : v) });
    }
  }
  if (moves.length === 0) return data.rows;
  return data.rows.map((row) => {
    const copy = [...row];
    for (const { at, move } of moves) copy[at] = move(row[at], row);
    return copy;
  });
}
