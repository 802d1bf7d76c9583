#!/usr/bin/env node
// Part of `npm run bench`: a digest morning in a community of 3,000 households, in the Workers runtime on local D1
// (tests/worker/digest-scale.test.ts, which also fails if a limit is crossed). Writes its figures to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const run = spawnSync('npx', ['vitest', 'run', '--project', 'worker', 'tests/worker/digest-scale.test.ts'], {
  encoding: 'utf8',
  env: { ...process.env, FORCE_COLOR: '0' },
});
const plain = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
const line = plain.split('\n').find((l) => l.includes('digest morning,'));
if (run.status !== 0 || !line) {
  console.error(run.stdout, run.stderr);
  throw new Error('the digest benchmark failed');
}
const [, households, ms, calls, messages, per, oneCalls, oneSends] = line.match(
  /digest morning, (\d+) households: (\d+) ms, (\d+) database calls, (\d+) send messages of ≤ (\d+); one message: (\d+) calls \+ (\d+) sends/,
);
const section = `<!-- digest:start -->
## A digest morning at ${households} households

Every household has three notifications waiting for the daily digest at 08:00. One delivery run (one queue
consumer invocation) writes all the digests and hands the sending to the queue; each send message is another
invocation. A Worker invocation may make 1,000 subrequests (D1 calls and fetches alike).

| step | time | database calls | sends | within an invocation's 1,000 subrequests |
|---|---|---|---|---|
| Write ${households} digests and fan out | ${ms} ms | ${calls} | 0 (${messages} queue messages of ≤ ${per}, ${Math.ceil(messages / 100)} sendBatch calls) | yes |
| One send message | — | ${oneCalls} | ${oneSends} | yes |
<!-- digest:end -->`;
const doc = readFileSync('docs/benchmarks.md', 'utf8');
const next = doc.includes('<!-- digest:start -->')
  ? doc.replace(/<!-- digest:start -->[\s\S]*<!-- digest:end -->/, section)
  : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync('docs/benchmarks.md', next);
console.log('updated docs/benchmarks.md');
