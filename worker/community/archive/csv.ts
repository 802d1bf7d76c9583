import { type CsvValue, toCsv } from '../../http/csv';
import type { TableData } from './types';

/** The readable spreadsheets an archive carries next to its tables (docs/export-format.md lists their columns). */
export const readableCsv = ['members', 'clubs', 'activities', 'ledger', 'decisions'] as const;

type Row = Record<string, unknown>;

function objects(data: TableData | undefined): Row[] {
  if (!data) return [];
  return data.rows.map((r) => Object.fromEntries(data.columns.map((c, i) => [c, r[i]])));
}

const text = (v: unknown): CsvValue => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));

/** An instant as the community's wall clock, `YYYY-MM-DD HH:mm`; a plain date stays as it is. */
export function localTime(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

const yuan = (fen: unknown) => (typeof fen === 'number' ? fen / 100 : null);

/** Builds the five readable CSVs from the archive's tables. Times are the community's; amounts are yuan. */
export function buildReadableCsv(tables: Record<string, TableData>, timeZone: string): Record<string, string> {
  const members = objects(tables.members);
  const nameOf = new Map(members.map((m) => [m.id, m.display_name]));
  const buildings = new Map(objects(tables.buildings).map((b) => [b.id, b.name]));
  const roles = new Map<unknown, string[]>();
  for (const r of objects(tables.member_roles)) roles.set(r.member_id, [...(roles.get(r.member_id) ?? []), String(r.role)]);
  const clubs = objects(tables.clubs);
  const clubName = new Map(clubs.map((c) => [c.id, c.name]));
  const clubSize = new Map<unknown, number>();
  for (const m of objects(tables.club_members)) clubSize.set(m.club_id, (clubSize.get(m.club_id) ?? 0) + 1);
  const signupCount = new Map<unknown, number>();
  for (const s of objects(tables.signups)) {
    if (s.status === 'confirmed') signupCount.set(s.activity_id, (signupCount.get(s.activity_id) ?? 0) + 1);
  }
  const accounts = new Map(objects(tables.ledger_accounts).map((a) => [a.id, a.name]));
  const transactions = new Map(objects(tables.ledger_transactions).map((t) => [t.id, t]));
  const meetings = new Map(objects(tables.meetings).map((m) => [m.id, m]));

  const csv: Record<string, string> = {};
  csv.members = toCsv([
    ['id', 'name', 'building', 'flat', 'joined', 'status', 'roles'],
    ...members.map((m) => [
      text(m.id),
      text(m.display_name),
      text(buildings.get(m.building_id)),
      text(m.household),
      localTime(m.joined_at, timeZone),
      text(m.status),
      (roles.get(m.id) ?? []).join(' '),
    ]),
  ]);
  csv.clubs = toCsv([
    ['id', 'name', 'program', 'status', 'responsible', 'members', 'created'],
    ...clubs.map((c) => [
      text(c.id),
      text(c.name),
      text(c.program_key),
      text(c.status),
      text(nameOf.get(c.responsible_member_id)),
      clubSize.get(c.id) ?? 0,
      localTime(c.created_at, timeZone),
    ]),
  ]);
  csv.activities = toCsv([
    ['id', 'title', 'club', 'starts', 'ends', 'place', 'state', 'capacity', 'signed up', 'fee (yuan)'],
    ...objects(tables.activities).map((a) => [
      text(a.id),
      text(a.title),
      text(clubName.get(a.club_id)),
      localTime(a.starts_at, timeZone),
      localTime(a.ends_at, timeZone),
      text(a.place),
      text(a.state),
      text(a.capacity),
      signupCount.get(a.id) ?? 0,
      yuan(a.fee_fen),
    ]),
  ]);
  csv.ledger = toCsv([
    ['transaction', 'date', 'category', 'memo', 'account', 'amount (yuan)', 'reverses'],
    ...objects(tables.ledger_postings).map((p) => {
      const t = transactions.get(p.transaction_id) ?? {};
      return [
        text(p.transaction_id),
        text(t.occurred_on),
        text(t.category),
        text(t.memo),
        text(accounts.get(p.account_id)),
        yuan(p.amount_fen),
        text(t.reverses_id),
      ];
    }),
  ]);
  csv.decisions = toCsv([
    ['meeting', 'meeting date', 'item', 'outcome', 'decision'],
    ...objects(tables.agenda_items)
      .filter((i) => i.outcome !== null && i.outcome !== undefined)
      .map((i) => {
        const m = meetings.get(i.meeting_id) ?? {};
        return [text(m.title), localTime(m.scheduled_for, timeZone), text(i.title), text(i.outcome), text(i.decision_text)];
      }),
  ]);
  return csv;
}
