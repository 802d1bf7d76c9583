import { type SQL, sql } from 'drizzle-orm';
import { type CatalogueEntry, type Erasure, isPersonal, type PersonalTable, personalDataCatalogue, type Refers } from './catalogue';

/** What names a member in the tables: their id and the user id they sign in with. */
export interface MemberKeys {
  id: number;
  userId: string;
}

/** The label a former resident is shown by in Chinese; the web shows "Former resident #id" in English. */
export const formerResidentLabel = (id: number) => `已离开的居民 #${id}`;
/** A user id no sign-in produces, so nobody signs in as a member who left with deletion. */
export const deletedUserId = (id: number) => `deleted:${id}`;

const column = (name: string) => sql.identifier(name);

function matches(name: string, refers: Refers, who: MemberKeys): SQL {
  switch (refers) {
    case 'id':
      return sql`${column(name)} = ${who.id}`;
    case 'user':
      return sql`${column(name)} = ${who.userId}`;
    case 'voter':
      return sql`${column(name)} = ${`member:${who.id}`}`;
    case 'granter':
      return sql`${column(name)} IN (${String(who.id)}, ${who.userId})`;
  }
}

const anyOf = (parts: SQL[]): SQL => (parts.length === 0 ? sql`0` : sql`(${sql.join(parts, sql` OR `)})`);

export function entryOf(table: string): PersonalTable | null {
  const entry: CatalogueEntry | undefined = personalDataCatalogue[table];
  return entry && isPersonal(entry) ? entry : null;
}

/** Rows reached through the parent table's rows about the member (a child's consents through the children they recorded). */
function viaCondition(entry: PersonalTable, who: MemberKeys): SQL[] {
  if (!entry.via) return [];
  const parent = entryOf(entry.via.table);
  if (!parent) throw new Error(`catalogue: ${entry.via.table} holds no personal data to reach rows through`);
  return [sql`${column(entry.via.column)} IN (SELECT "id" FROM ${column(entry.via.table)} WHERE ${aboutCondition(parent, who)})`];
}

/** The rows about the member: their subject columns name them, or a parent row about them leads there. */
export function aboutCondition(entry: PersonalTable, who: MemberKeys): SQL {
  const subject = (entry.subject ?? []).map((name) => matches(name, entry.members[name] ?? 'id', who));
  return anyOf([...subject, ...viaCondition(entry, who)]);
}

/** Every row held about the member: any member column names them, or it is about them. */
export function heldCondition(entry: PersonalTable, who: MemberKeys): SQL {
  const named = Object.entries(entry.members).map(([name, refers]) => matches(name, refers, who));
  return anyOf([...named, ...viaCondition(entry, who)]);
}

function erased(name: string, erasure: Erasure, who: MemberKeys, at: string): SQL {
  switch (erasure) {
    case 'null':
      return sql`NULL`;
    case 'empty':
      return sql`''`;
    case 'former-resident':
      return sql`${formerResidentLabel(who.id)}`;
    case 'removed':
      return sql`CASE WHEN ${column(name)} = '' THEN '' ELSE '已删除 #' || "id" END`;
    case 'deleted-user':
      return sql`${deletedUserId(who.id)}`;
    case 'now':
      return sql`COALESCE(${column(name)}, ${at})`;
    case 'false':
      return sql`0`;
  }
}

/** The statement that erases the member's personal fields in one table, or deletes the rows about them. */
export function deletionStatement(table: string, entry: PersonalTable, who: MemberKeys, at: string): SQL | null {
  const where = aboutCondition(entry, who);
  if (entry.onDelete === 'delete') return sql`DELETE FROM ${column(table)} WHERE ${where}`;
  if (entry.onDelete !== 'anonymise') return null;
  const fields = Object.entries(entry.personal ?? {});
  if (fields.length === 0) return null;
  const sets = fields.map(([name, erasure]) => sql`${column(name)} = ${erased(name, erasure, who, at)}`);
  return sql`UPDATE ${column(table)} SET ${sql.join(sets, sql`, `)} WHERE ${where}`;
}
