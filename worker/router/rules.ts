/**
 * Which shard a request goes to, as a pure rule over its host and path (worker/router/index.ts does the reading).
 * Community hosts go where the community's database is; on the platform host, a sign-up goes to a shard with free
 * databases, requests about one community (resuming its sign-up, its backups) to that community's shard, an
 * operator's "run now" (metric snapshots, backups of every community) to every shard as one run, and the rest of the
 * platform (pages, the control plane's lists) to the first shard.
 */
export type Destination =
  | { kind: 'community'; slug: string }
  | { kind: 'sign-up' }
  | { kind: 'backup'; backupId: string }
  | { kind: 'every-shard'; run: 'metrics' | 'backups' }
  | { kind: 'control' };

/** Runs an operator starts by hand; each shard queues its own communities' part (worker/tenancy/shared-run.ts). */
const RUNS_ON_EVERY_SHARD: Record<string, 'metrics' | 'backups'> = {
  '/api/operator/metrics/runs': 'metrics',
  '/api/operator/backups/runs': 'backups',
};

const ABOUT_ONE_COMMUNITY = [
  /^\/api\/communities\/([a-z0-9-]+)\/resume$/,
  /^\/api\/operator\/backups\/communities\/([a-z0-9-]+)$/,
  /^\/api\/dev\/communities\/([a-z0-9-]+)\//,
];
const ABOUT_ONE_BACKUP = /^\/api\/operator\/backups\/([^/]+)\/(?:dry-run|restore)$/;

export function destinationOf(host: { kind: 'platform' } | { kind: 'community'; slug: string }, method: string, path: string): Destination {
  if (host.kind === 'community') return { kind: 'community', slug: host.slug };
  if (method === 'POST' && path === '/api/communities') return { kind: 'sign-up' };
  const run = method === 'POST' ? RUNS_ON_EVERY_SHARD[path] : undefined;
  if (run) return { kind: 'every-shard', run };
  for (const pattern of ABOUT_ONE_COMMUNITY) {
    const slug = pattern.exec(path)?.[1];
    if (slug) return { kind: 'community', slug };
  }
  const backupId = ABOUT_ONE_BACKUP.exec(path)?.[1];
  if (backupId && backupId !== 'communities' && backupId !== 'runs') return { kind: 'backup', backupId };
  return { kind: 'control' };
}

/**
 * Whom a backup run's body asks for: every community (no `slug`), one community (its shard backs it up alone), or
 * something the shard will refuse with a 400, which the first shard alone answers.
 */
export function backupRunScope(body: string): { kind: 'every' } | { kind: 'one'; slug: string } | { kind: 'invalid' } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'invalid' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'invalid' };
  const slug = (parsed as { slug?: unknown }).slug;
  if (slug === undefined) return { kind: 'every' };
  return typeof slug === 'string' ? { kind: 'one', slug } : { kind: 'invalid' };
}

/** The shards this router knows, from `SHARDS` ("shard-1,shard-2"); the first one serves the platform's pages. */
export function shardList(setting: string | undefined): string[] {
  const names = (setting ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) if (!/^shard-\d{1,4}$/.test(name)) throw new Error(`SHARDS: "${name}" is not a shard name like shard-1`);
  return names;
}

/** The service binding that reaches a shard: `shard-12` → `SHARD_12`. */
export function shardBinding(shard: string): string {
  return `SHARD_${shard.slice('shard-'.length)}`;
}
