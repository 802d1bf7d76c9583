#!/usr/bin/env node
// Grows the tenant database pool of a deployed Worker without a code deploy:
// creates D1 databases `{prefix}-NNN` and binds them as TENANT_DB_NNN through the
// Cloudflare REST API. Safe to re-run: databases already created under the expected
// name are reused instead of duplicated. See docs/operations.md.
//
// Usage: npm run pool:grow -- --count 50 [--script huzhu | --shard K] [--prefix huzhu-tenant] [--dry-run]
// With --shard K it grows shard K (Worker huzhu-shard-K) inside that shard's own range of binding numbers
// (scripts/shard-config.mjs), so that no two shards ever hold a binding of the same name.
// Env:   CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN (token needs D1 Edit and Workers Scripts Edit)
import { pathToFileURL } from 'node:url';
import { API_BASE, CloudflareApiError, createClient, defaultSleep } from './cloudflare-api.mjs';
import { firstBindingOf, SHARD_STRIDE } from './shard-config.mjs';

export { API_BASE, CloudflareApiError };

/** Cloudflare's approximate ceiling for bindings on one Worker script. */
export const MAX_BINDINGS = 5000;
export const DEFAULT_SCRIPT = 'huzhu';
export const DEFAULT_PREFIX = 'huzhu-tenant';

const TENANT_BINDING = /^TENANT_DB_(\d+)$/;
const PAGE_SIZE = 100;

export function pad(n) {
  return String(n).padStart(3, '0');
}

export function tenantBindingName(n) {
  return `TENANT_DB_${pad(n)}`;
}

export function tenantDatabaseName(prefix, n) {
  return `${prefix}-${pad(n)}`;
}

/** Refused before touching anything (bad input, ceiling reached, inconsistent state). */
export class PoolGrowError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PoolGrowError';
  }
}

async function listAllDatabases(api) {
  const all = [];
  for (let page = 1; ; page++) {
    const payload = await api.request('GET', `/d1/database?per_page=${PAGE_SIZE}&page=${page}`);
    const items = Array.isArray(payload.result) ? payload.result : [];
    all.push(...items);
    const info = payload.result_info ?? {};
    const perPage = info.per_page ?? PAGE_SIZE;
    const done =
      items.length === 0 ||
      (typeof info.total_pages === 'number' && page >= info.total_pages) ||
      (typeof info.total_count === 'number' && all.length >= info.total_count) ||
      (typeof info.total_count !== 'number' && typeof info.total_pages !== 'number' && items.length < perPage);
    if (done) return all;
    if (page >= 1000) throw new PoolGrowError('D1 database listing did not end after 1000 pages; giving up.');
  }
}

/**
 * Adds `count` tenant databases to the pool of `script`.
 * Returns a summary; throws CloudflareApiError or PoolGrowError on failure.
 */
export async function growPool({
  accountId,
  apiToken,
  script = DEFAULT_SCRIPT,
  prefix = DEFAULT_PREFIX,
  count,
  /** A shard's range of binding numbers ({ first, last }); growth stays inside it. */
  range,
  dryRun = false,
  fetch = globalThis.fetch,
  log = console.log,
  retries = 2,
  retryDelayMs = 1000,
  sleep = defaultSleep,
}) {
  if (!accountId) throw new PoolGrowError('accountId is required (CLOUDFLARE_ACCOUNT_ID).');
  if (!apiToken) throw new PoolGrowError('apiToken is required (CLOUDFLARE_API_TOKEN).');
  if (!script) throw new PoolGrowError('script name is required.');
  if (!prefix) throw new PoolGrowError('database name prefix is required.');
  if (!Number.isInteger(count) || count < 1) throw new PoolGrowError(`--count must be a positive integer (got ${count}).`);
  if (typeof fetch !== 'function') throw new PoolGrowError('no fetch implementation available (Node 20+ required).');

  const api = createClient({ accountId, apiToken, fetch, retries, retryDelayMs, sleep, log });
  const scriptPath = `/workers/scripts/${encodeURIComponent(script)}/settings`;

  // a. Current bindings of the script, kept exactly as returned.
  const settings = await api.request('GET', scriptPath);
  const existing = Array.isArray(settings.result?.bindings) ? settings.result.bindings : [];
  const tenantNumbers = existing
    .map((b) => TENANT_BINDING.exec(b?.name ?? ''))
    .filter(Boolean)
    .map((m) => Number(m[1]));
  const highest = Math.max(tenantNumbers.length ? Math.max(...tenantNumbers) : 0, range ? range.first - 1 : 0);
  if (range && highest + count > range.last) {
    throw new PoolGrowError(
      `Refusing to grow: "${script}" may hold binding numbers ${range.first}–${range.last} and is at ${highest}; ` +
        `${count} more would pass the end of its range. Grow another shard, or add one with npm run shards:config.`,
    );
  }
  const before = existing.length;
  const after = before + count;

  // e. Ceiling, checked before anything is created.
  if (after > MAX_BINDINGS) {
    throw new PoolGrowError(
      `Refusing to grow: script "${script}" has ${before} bindings and adding ${count} would make ${after}, ` +
        `beyond the ~${MAX_BINDINGS} bindings Cloudflare allows on one Worker. ` +
        `At most ${Math.max(0, MAX_BINDINGS - before)} more can be added. ` +
        'See "Limits" and "The path beyond one Worker" in docs/operations.md (shard across Worker scripts, or Workers for Platforms).',
    );
  }

  // b. Existing databases, so a re-run reuses what an interrupted run created.
  const databases = await listAllDatabases(api);
  const byName = new Map(databases.map((d) => [d.name, d]));
  const boundIds = new Map(existing.filter((b) => b?.type === 'd1' && b.id).map((b) => [b.id, b.name]));

  const plan = [];
  for (let n = highest + 1; n <= highest + count; n++) {
    const binding = tenantBindingName(n);
    const name = tenantDatabaseName(prefix, n);
    const found = byName.get(name);
    if (found) {
      const boundAs = boundIds.get(found.uuid);
      if (boundAs) {
        throw new PoolGrowError(
          `Database ${name} (${found.uuid}) is already bound to "${script}" as ${boundAs}; ` +
            `binding it again as ${binding} would give two communities one database. Resolve this by hand first.`,
        );
      }
      // A database left by an interrupted run has never been bound, so it has no tables.
      // One with tables belongs to something else (another shard using the same prefix?).
      const details = await api.request('GET', `/d1/database/${encodeURIComponent(found.uuid)}`);
      const tables = details.result?.num_tables;
      if (typeof tables === 'number' && tables > 0) {
        throw new PoolGrowError(
          `Database ${name} (${found.uuid}) already exists and has ${tables} table(s), so it is not a leftover of an ` +
            `interrupted run and may hold another community's data. Refusing to bind it to "${script}". ` +
            'Each Worker script needs its own --prefix; see docs/operations.md.',
        );
      }
      plan.push({ number: n, binding, name, id: found.uuid, action: 'reuse' });
    } else {
      plan.push({ number: n, binding, name, id: null, action: 'create' });
    }
  }

  const toCreate = plan.filter((p) => p.action === 'create');
  const toReuse = plan.filter((p) => p.action === 'reuse');
  const tenantBefore = tenantNumbers.length;

  log(
    `${dryRun ? '[dry run] ' : ''}Growing the pool of Worker "${script}" by ${count} (${tenantBindingName(highest + 1)} … ${tenantBindingName(highest + count)}).`,
  );
  log(`  tenant bindings now: ${tenantBefore}, highest ${highest ? tenantBindingName(highest) : '(none)'}; all bindings: ${before}`);
  log(`  databases to create: ${toCreate.length}; existing to reuse: ${toReuse.length}`);

  const summary = {
    script,
    dryRun,
    bindingsBefore: before,
    bindingsAfter: dryRun ? before : after,
    plannedBindingsAfter: after,
    tenantBindingsBefore: tenantBefore,
    tenantBindingsAfter: tenantBefore + count,
    highestBefore: highest,
    created: [],
    reused: toReuse.map(({ binding, name, id }) => ({ binding, name, id })),
    plan: plan.map(({ binding, name, id, action }) => ({ binding, name, id, action })),
  };

  if (dryRun) {
    for (const p of plan) log(`  would ${p.action === 'create' ? 'create' : 'reuse '} ${p.name}${p.id ? ` (${p.id})` : ''} → ${p.binding}`);
    log(`[dry run] nothing created or changed. Bindings would go from ${before} to ${after}.`);
    return summary;
  }

  // c. Create the missing databases, one at a time (gentle on the API rate limit).
  for (const p of toCreate) {
    p.id = await createDatabase(api, p.name, log);
    summary.created.push({ binding: p.binding, name: p.name, id: p.id });
    log(`  created ${p.name} (${p.id})`);
  }
  for (const p of toReuse) log(`  reusing ${p.name} (${p.id})`);

  // d. One PATCH with the full binding list: existing bindings untouched, new ones appended.
  const newBindings = plan.map((p) => ({ type: 'd1', name: p.binding, id: p.id }));
  const bindings = [...existing, ...newBindings];
  await api.request('PATCH', scriptPath, {
    form: () => {
      const fd = new FormData();
      // Same shape as Cloudflare's own SDK sends: a JSON part named and filed as "settings".
      fd.append('settings', new Blob([JSON.stringify({ bindings })], { type: 'application/json' }), 'settings');
      return fd;
    },
  });

  summary.bindingsAfter = bindings.length;
  log(`Done: created ${summary.created.length}, reused ${summary.reused.length}; bindings ${before} → ${bindings.length}.`);
  log(
    range
      ? `Next: keep the shard configs in step (npm run shards:config -- --per-shard ${highest + count - range.first + 1}) before ` +
          'the next `wrangler deploy` of the shard, or that deploy will drop the new bindings. See docs/scaling.md.'
      : `Next: keep wrangler.toml in step (npm run pool:config -- ${highest + count}) before the next \`wrangler deploy\`, ` +
          'or that deploy will drop the new bindings. See docs/operations.md.',
  );
  return summary;
}

async function createDatabase(api, name, log) {
  try {
    const payload = await api.request('POST', '/d1/database', { json: { name } });
    const uuid = payload.result?.uuid;
    if (!uuid)
      throw new CloudflareApiError(`POST /d1/database for ${name} returned no result.uuid`, { method: 'POST', path: '/d1/database' });
    return uuid;
  } catch (err) {
    // A retried POST may have created the database the first time; look it up before giving up.
    if (err instanceof CloudflareApiError) {
      const found = await findDatabaseByName(api, name).catch(() => null);
      if (found) {
        log(`  ${name} exists after a failed create call; using it (${found.uuid})`);
        return found.uuid;
      }
    }
    throw err;
  }
}

async function findDatabaseByName(api, name) {
  const payload = await api.request('GET', `/d1/database?name=${encodeURIComponent(name)}&per_page=${PAGE_SIZE}`);
  return (Array.isArray(payload.result) ? payload.result : []).find((d) => d.name === name) ?? null;
}

const USAGE = `Usage: npm run pool:grow -- --count N [--script ${DEFAULT_SCRIPT}] [--prefix ${DEFAULT_PREFIX}] [--dry-run]
  --count N      how many tenant databases to add (required)
  --script NAME  Worker script to bind them to (default ${DEFAULT_SCRIPT})
  --shard K      grow shard K of a sharded deployment (Worker huzhu-shard-K, inside its range of binding numbers)
  --prefix NAME  D1 database name prefix; databases are named {prefix}-NNN (default ${DEFAULT_PREFIX})
  --dry-run      show the plan; create and change nothing
Environment: CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN`;

/** Parses CLI arguments; throws PoolGrowError on anything it does not understand. */
export function parseArgs(argv) {
  const opts = { script: DEFAULT_SCRIPT, prefix: DEFAULT_PREFIX, dryRun: false, help: false, count: undefined };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = () => {
      if (value !== undefined) return value;
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new PoolGrowError(`${arg} needs a value.`);
      return next;
    };
    switch (arg) {
      case '--count': {
        const raw = take();
        if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new PoolGrowError(`--count must be a positive integer (got "${raw}").`);
        opts.count = Number(raw);
        break;
      }
      case '--script':
        opts.script = take();
        break;
      case '--prefix':
        opts.prefix = take();
        break;
      case '--shard': {
        const raw = take();
        if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new PoolGrowError(`--shard must be a shard number such as 2 (got "${raw}").`);
        const k = Number(raw);
        opts.script = `huzhu-shard-${k}`;
        opts.range = { first: firstBindingOf(k), last: firstBindingOf(k) + SHARD_STRIDE - 1 };
        break;
      }
      case '--dry-run':
        opts.dryRun = true;
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new PoolGrowError(`Unknown argument: ${argv[i]}`);
    }
  }
  return opts;
}

/** The CLI; returns the exit code (0 ok, 1 failed, 2 usage or configuration error). */
export async function main(argv = process.argv.slice(2), env = process.env, io = {}) {
  const out = io.log ?? console.log;
  const err = io.error ?? console.error;
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    err(`pool-grow: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    out(USAGE);
    return 0;
  }
  if (opts.count === undefined) {
    err(`pool-grow: --count is required.\n${USAGE}`);
    return 2;
  }
  const missing = ['CLOUDFLARE_ACCOUNT_ID', 'CLOUDFLARE_API_TOKEN'].filter((k) => !env[k]);
  if (missing.length) {
    err(
      `pool-grow: missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.\n` +
        'Set CLOUDFLARE_ACCOUNT_ID to the account id and CLOUDFLARE_API_TOKEN to a token with D1 Edit and Workers Scripts Edit.',
    );
    return 2;
  }
  try {
    await growPool({
      accountId: env.CLOUDFLARE_ACCOUNT_ID,
      apiToken: env.CLOUDFLARE_API_TOKEN,
      script: opts.script,
      prefix: opts.prefix,
      count: opts.count,
      range: opts.range,
      dryRun: opts.dryRun,
      fetch: io.fetch ?? globalThis.fetch,
      log: out,
      sleep: io.sleep,
    });
    return 0;
  } catch (e) {
    if (e instanceof PoolGrowError) {
      err(`pool-grow: ${e.message}`);
      return 2;
    }
    err(`pool-grow: ${e.message}`);
    err('Nothing was bound. Databases created so far are kept and will be reused when you run the same command again.');
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
