import { and, eq, inArray, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteAsyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../db/client';
import * as tenantSchema from '../../db/tenant-schema';
import { buildings, memberRoles, members, mediaFiles } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { entryOf, aboutCondition, deletionStatement, heldCondition, type MemberKeys } from './conditions';
import { leaveProblem, type MyDetails, type MyDetailsChange } from './rules';

/** The SQL names of the tenant tables, in the schema's order. */
export const tenantTableNames: readonly string[] = (Object.values(tenantSchema) as unknown[]).flatMap((value) =>
  value instanceof SQLiteTable ? [getTableConfig(value).name] : [],
);

export type Row = Record<string, unknown>;

const dialect = new SQLiteAsyncDialect();

/** The member's id and user id, whatever their status; null when there is no such member. */
export async function memberKeys(db: TenantDb, id: number): Promise<MemberKeys | null> {
  const [row] = await db.select({ id: members.id, userId: members.userId }).from(members).where(eq(members.id, id));
  return row ?? null;
}

/**
 * Everything held about the member, table by table, read in one batch: every row of a table in the catalogue whose
 * member columns name them (or that is about them through a parent row). Secrets (keys of push subscriptions, the
 * calendar token) are left out, and so are the personal fields of rows that only record that the member acted on
 * someone else's record (an applicant they approved, a visit to an elder they paired).
 */
export async function exportMemberData(d1: D1Database, who: MemberKeys): Promise<Record<string, Row[]>> {
  const tables = tenantTableNames.flatMap((name) => {
    const entry = entryOf(name);
    return entry ? [{ name, entry }] : [];
  });
  // Raw selects over the D1 binding: drizzle's batch does not take raw reads.
  const statements = tables.map(({ name, entry }) => {
    const query = dialect.sqlToQuery(
      sql`SELECT *, ${aboutCondition(entry, who)} AS "__about" FROM ${sql.identifier(name)} WHERE ${heldCondition(entry, who)} ORDER BY rowid`,
    );
    return d1.prepare(query.sql).bind(...query.params);
  });
  const results = statements.length === 0 ? [] : await d1.batch<Row>(statements);
  const data: Record<string, Row[]> = {};
  tables.forEach(({ name, entry }, i) => {
    const hidden = new Set(entry.secret ?? []);
    const personal = new Set(Object.keys(entry.personal ?? {}));
    data[name] = (results[i]?.results ?? []).map((row) => {
      const about = Number(row.__about) === 1;
      const shown: Row = {};
      for (const [key, value] of Object.entries(row)) {
        if (key === '__about' || hidden.has(key) || (!about && personal.has(key))) continue;
        shown[key] = value;
      }
      return shown;
    });
  });
  return data;
}

export async function myDetails(db: TenantDb, id: number): Promise<MyDetails> {
  const [row] = await db
    .select({
      id: members.id,
      displayName: members.displayName,
      buildingId: members.buildingId,
      household: members.household,
      phone: members.phone,
      assistedBy: members.assistedBy,
    })
    .from(members)
    .where(eq(members.id, id));
  if (!row) throw new AppError('not_found', 'No such member');
  return {
    id: row.id,
    displayName: row.displayName,
    buildingId: row.buildingId,
    household: row.household,
    phone: row.phone,
    phoneKept: row.assistedBy !== null,
  };
}

/** Corrects the member's own details; a phone is kept only for a resident first registered on their behalf. */
export async function correctMyDetails(
  db: TenantDb,
  id: number,
  change: MyDetailsChange,
): Promise<{ details: MyDetails; changed: string[] }> {
  const before = await myDetails(db, id);
  if (change.phone !== undefined && change.phone !== null && !before.phoneKept)
    throw new AppError('validation_failed', 'Only a resident registered on their behalf has a phone kept here', {
      phone: ['No phone is kept for you here'],
    });
  if (change.buildingId !== undefined && change.buildingId !== null) {
    const found = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, change.buildingId));
    if (found.length === 0) throw new AppError('validation_failed', 'No such building', { buildingId: ['No such building'] });
  }
  const set = {
    ...(change.displayName === undefined ? {} : { displayName: change.displayName }),
    ...(change.buildingId === undefined ? {} : { buildingId: change.buildingId }),
    ...(change.household === undefined ? {} : { household: change.household || null }),
    ...(change.phone === undefined ? {} : { phone: change.phone || null }),
  };
  const changed = Object.keys(set);
  if (changed.length > 0) await db.update(members).set(set).where(eq(members.id, id));
  return { details: await myDetails(db, id), changed };
}

/** What leaving ends for everyone who leaves: the membership, roles, seats, open appointments and feeds. */
function leavingStatements(db: TenantDb, id: number, at: string) {
  const first = db.update(members).set({ status: 'left' }).where(eq(members.id, id));
  const rest = [
    db.delete(memberRoles).where(eq(memberRoles.memberId, id)),
    db.delete(tenantSchema.clubMembers).where(eq(tenantSchema.clubMembers.memberId, id)),
    db.delete(tenantSchema.committeeMembers).where(eq(tenantSchema.committeeMembers.memberId, id)),
    db
      .update(tenantSchema.partyAppointments)
      .set({ status: 'withdrawn', decidedAt: at })
      .where(and(eq(tenantSchema.partyAppointments.memberId, id), eq(tenantSchema.partyAppointments.status, 'offered'))),
    db
      .update(tenantSchema.partyAppointments)
      .set({ status: 'ended', endedBy: id })
      .where(and(eq(tenantSchema.partyAppointments.memberId, id), eq(tenantSchema.partyAppointments.status, 'accepted'))),
    db.delete(tenantSchema.calendarTokens).where(eq(tenantSchema.calendarTokens.memberId, id)),
    db.delete(tenantSchema.pushSubscriptions).where(eq(tenantSchema.pushSubscriptions.memberId, id)),
  ];
  return { first, rest };
}

/** Photos of activities the member uploaded (people are in them); receipts and photos of rooms are the community's. */
const photosOf = (id: number) => and(eq(mediaFiles.uploadedBy, id), eq(mediaFiles.kind, 'activity-photo'));

/**
 * The member leaves the community, in one batch. Without deletion the membership ends and what it gave ends with it.
 * With deletion, every personal field the catalogue lists is erased or its rows deleted, and the photos they
 * uploaded are removed from storage; what the community keeps (ledger, decisions, counts, positions) stays, naming
 * only "a former resident #id". Returns the storage keys to delete.
 */
export async function leave(db: TenantDb, d1: D1Database, who: MemberKeys, deleteData: boolean): Promise<{ objectKeys: string[] }> {
  const admins = await db
    .select({ memberId: memberRoles.memberId })
    .from(memberRoles)
    .innerJoin(members, eq(members.id, memberRoles.memberId))
    .where(and(eq(memberRoles.role, 'association-admin'), eq(members.status, 'active')));
  const problem = leaveProblem(
    who.id,
    admins.map((a) => a.memberId),
  );
  if (problem) throw new AppError('conflict', problem);
  const at = new Date().toISOString();
  const { first, rest } = leavingStatements(db, who.id, at);
  if (!deleteData) {
    await db.batch([first, ...rest]);
    return { objectKeys: [] };
  }
  const photos = await db.select({ id: mediaFiles.id, objectKey: mediaFiles.objectKey }).from(mediaFiles).where(photosOf(who.id));
  const erasures = tenantTableNames.flatMap((name) => {
    const entry = entryOf(name);
    const statement = entry && deletionStatement(name, entry, who, at);
    return statement ? [dialect.sqlToQuery(statement)] : [];
  });
  const photoRows = chunks(photos.map((p) => p.id)).map((ids) => db.delete(mediaFiles).where(inArray(mediaFiles.id, ids)).toSQL());
  // One batch over the D1 binding (drizzle's batch does not take raw statements): all of it happens, or none.
  const queries = [first, ...rest].map((q) => q.toSQL());
  await d1.batch([...queries, ...photoRows, ...erasures].map((q) => d1.prepare(q.sql).bind(...q.params)));
  return { objectKeys: photos.map((p) => p.objectKey) };
}

/** Splits ids into groups small enough for D1's 100 bound values per statement. */
function chunks(ids: number[], size = 90): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
