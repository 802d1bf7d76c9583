#!/usr/bin/env node
// Part of `npm run bench`: the archive round trip of the generated 3,000-household community, in the Workers runtime on
// local D1 (tests/worker/archive-scale.test.ts, which also fails if the data does not come back the same). Writes its
// figures to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const run = spawnSync('npx', ['vitest', 'run', '--project', 'worker', 'tests/worker/archive-scale.test.ts'], {
  encoding: 'utf8',
  env: { ...process.env, FORCE_COLOR: '0' },
});
const plain = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
const line = plain.split('\n').find((l) => l.includes('archive round trip, 3,000 households:'));
if (run.status !== 0 || !line) {
  console.error(run.stdout, run.stderr);
  throw new Error('the archive benchmark failed');
}
const [, rows, chunks, mb, exportMs, importMs, statements] = line.match(
  /(\d+) rows in (\d+) chunks, ([\d.]+) MB zip; export (\d+) ms, import (\d+) ms in (\d+) statements/,
);
const section = `<!-- archive:start -->
## A community archive at 3,000 households

The generated community of the page benchmark (3,000 households, ${rows} rows in all) is exported the way a large
community is: chunk by chunk (≤ 5,000 rows each) into R2, each chunk one step of a queue message, then packed into
one zip. It is imported into a new community as one D1 batch (statements stay under D1's 100 KB), and exported again:
the tables, CSVs and ledger balances come back identical.

| step | time | size |
|---|---|---|
| Export: ${chunks} chunks into R2, then the zip | ${exportMs} ms | ${mb} MB |
| Import: one batch | ${importMs} ms | ${statements} statements |
<!-- archive:end -->`;
const doc = readFileSync('docs/benchmarks.md', 'utf8');
const next = doc.includes('<!-- archive:start -->')
  ? doc.replace(/<!-- archive:start -->[\s\S]*<!-- archive:end -->/, section)
  : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync('docs/benchmarks.md', next);
console.log('updated docs/benchmarks.md');
