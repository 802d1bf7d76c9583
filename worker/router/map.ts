/**
 * The router's map from a community to the shard Worker that holds its database, read from the control plane
 * (`database_pool.shard` of the community's binding) and remembered per isolate, and the choice of a shard for a
 * new community. Plain D1 statements: the router stays a few kilobytes and adds next to nothing to a request.
 */

/** How long a community's shard is remembered. It changes only when the operators move a database by hand. */
const REMEMBER_MS = 60_000;
const shardOf = new Map<string, { shard: string; at: number }>();

/** The shard serving a community, or null when it has no database yet (unknown, or a sign-up in progress). */
export async function communityShard(platform: D1Database, slug: string): Promise<string | null> {
  const hit = shardOf.get(slug);
  if (hit && Date.now() - hit.at < REMEMBER_MS) return hit.shard;
  const row = await platform
    .prepare(
      `SELECT c.status AS status, p.shard AS shard FROM communities c
         LEFT JOIN database_pool p ON p.binding = c.database_binding
        WHERE c.slug = ?1`,
    )
    .bind(slug)
    .first<{ status: string; shard: string | null }>();
  if (!row?.shard) {
    shardOf.delete(slug);
    return null;
  }
  if (row.status === 'active') shardOf.set(slug, { shard: row.shard, at: Date.now() });
  return row.shard;
}

/** The shard holding the database a backup was taken from (a restore runs where that database is bound). */
export async function backupShard(platform: D1Database, backupId: string): Promise<string | null> {
  const row = await platform
    .prepare(
      `SELECT p.shard AS shard FROM community_backups b JOIN database_pool p ON p.binding = b.database_binding
        WHERE b.id = ?1`,
    )
    .bind(backupId)
    .first<{ shard: string }>();
  return row?.shard ?? null;
}

/**
 * The shards to offer a new community to, best first: a shard that has not registered its databases yet (it has
 * all of them free), then by free databases, most first. Shards the map does not name are left out.
 */
export async function shardsForSignUp(platform: D1Database, shards: readonly string[]): Promise<string[]> {
  const { results } = await platform
    .prepare(
      `SELECT shard, SUM(CASE WHEN community_id IS NULL AND held_for IS NULL AND retired_at IS NULL THEN 1 ELSE 0 END) AS free
         FROM database_pool GROUP BY shard`,
    )
    .all<{ shard: string; free: number }>();
  const free = new Map(results.map((r) => [r.shard, Number(r.free)]));
  return [...shards].sort((a, b) => (free.get(b) ?? Number.POSITIVE_INFINITY) - (free.get(a) ?? Number.POSITIVE_INFINITY));
}

/** Forgets what the map remembers (tests). */
export function forgetShards(): void {
  shardOf.clear();
}
