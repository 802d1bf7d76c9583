#!/usr/bin/env node
// `npm run start:shards`: the sharded shape locally — the router and two shard Workers in one wrangler dev, with
// pools of a few databases each (SHARD_POOL, default 8), the demo communities on the first shard. See docs/scaling.md.
import { copyFileSync } from 'node:fs';
import { ensureDevVars } from './dev-keys.mjs';
import { startLocalServer } from './local-server.mjs';
import { writeShardedConfigs } from './shard-config.mjs';

const port = Number(process.env.PORT ?? 8787);
const perShard = Number(process.env.SHARD_POOL ?? 8);
const out = '.wrangler/shards-dev';
ensureDevVars();
const configs = writeShardedConfigs({ shards: 2, perShard, out, local: true });
// wrangler reads the development secrets next to each config.
copyFileSync('.dev.vars', `${out}/.dev.vars`);
const server = await startLocalServer({ port, configs, persistTo: '.wrangler/shards-state' });
console.log(`
  互助 Huzhu is running as a router and two shards (${perShard} databases each).
    Platform:             http://localhost:${port}/
    Demo communities:     http://cuizhuyuan.localhost:${port}/   (served by shard-1; see the x-huzhu-served-by header)
    New communities go to the shard with the most free databases.
  Press Ctrl+C to stop.
`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.stop();
    process.exit(0);
  });
}
server.child.on('exit', (code) => process.exit(code ?? 0));
