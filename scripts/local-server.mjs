// Starts the product locally on wrangler dev, for `npm start`, the end-to-end tests and the benchmark.
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { ensureDevVars } from './dev-keys.mjs';

const wrangler = ['node_modules/wrangler/bin/wrangler.js'];

/** One HTTP call to the local server, with an explicit Host header (Node does not resolve *.localhost). */
export function localRequest(port, host, path, { method = 'GET', body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: { host: `${host}:${port}`, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${result.status}`);
}

export function buildWeb() {
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}

export function migratePlatform(persistTo, config) {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  const configArgs = config ? ['-c', config] : [];
  run(process.execPath, [...wrangler, 'd1', 'migrations', 'apply', 'PLATFORM_DB', '--local', ...persist, ...configArgs], {
    env: { ...process.env, CI: 'true' },
  });
}

async function waitForHealth(port, child, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited early');
    try {
      const res = await localRequest(port, 'localhost', '/api/health');
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on port ${port} did not become healthy`);
}

/** Builds, migrates and starts wrangler dev in dev auth mode; resolves when it answers. */
export async function startLocalServer({ port = 8787, persistTo, build = true, seed = true, quiet = false, config, configs } = {}) {
  ensureDevVars();
  // The worker imports the bundled template packages.
  run(process.execPath, ['scripts/bundle-templates.mjs']);
  if (build) buildWeb();
  migratePlatform(persistTo, config ?? configs?.[0]);
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  if (config) persist.push('-c', config);
  // Several Workers in one session (the router first, then its shards: scripts/shard-config.mjs).
  for (const each of configs ?? []) persist.push('-c', each);
  const child = spawn(
    process.execPath,
    [
      ...wrangler,
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--var',
      'AUTH_MODE:dev',
      '--show-interactive-dev-session=false',
      ...persist,
    ],
    {
      stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
      env: { ...process.env, CI: 'true' },
      detached: process.platform !== 'win32',
    },
  );
  const stop = () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  };
  try {
    await waitForHealth(port, child);
    if (seed) {
      const res = await localRequest(port, 'localhost', '/api/dev/seed', { method: 'POST' });
      if (res.status !== 200) throw new Error(`seeding failed: ${res.status} ${res.body}`);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { child, stop, port };
}
