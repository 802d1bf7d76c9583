import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark's generator, without types.
import { generateCommunitySql } from '../../scripts/generate-community.mjs';
import { buildArchiveFile } from '../../worker/community/archive/build';
import { type Archive, type ArchiveMeta, readArchive } from '../../worker/community/archive/format';
import { importArchive } from '../../worker/community/archive/import';
import { type ArchiveCursor, archiveChunk, assembleArchive } from '../../worker/community/archive/pipeline';
import { createCommunity, tenantD1 } from './helpers';

const meta = (slug: string): ArchiveMeta => ({ slug, name: slug, timeZone: 'Asia/Shanghai', exportedAt: 'x', kind: 'export' });

async function balances(d1: D1Database) {
  const { results } = await d1
    .prepare(
      'SELECT a.key, SUM(p.amount_fen) AS fen, COUNT(*) AS n FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id GROUP BY a.key ORDER BY a.key',
    )
    .all();
  return results;
}

const rowsOf = (a: Archive) => Object.fromEntries(Object.entries(a.tables).map(([name, t]) => [name, t.rows]));

describe('the round trip at bench size (3,000 households)', () => {
  it('exports in chunks through R2, imports, and exports the same data again', { timeout: 600_000 }, async () => {
    const source = await createCommunity('archive-scale', { households: 3000, buildings: 12 });
    const d1 = await tenantD1(source.slug);
    const statements = (generateCommunitySql({ now: Date.parse('2026-11-01T00:00:00Z') }) as string)
      .split(/;\s*\n/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    // As `wrangler d1 execute --file` runs it for the benchmark: one transaction, keys checked at its end.
    await d1.batch(['PRAGMA defer_foreign_keys = ON', ...statements].map((s) => d1.prepare(s)));

    const started = Date.now();
    // The large-community path: chunk by chunk into R2, then packed.
    let cursor: ArchiveCursor | null = { table: 0, offset: 0 };
    let chunks = 0;
    let rows = 0;
    while (cursor) {
      const step = await archiveChunk(d1, env.MEDIA, `scale-test/${source.slug}`, cursor);
      rows += step.rows;
      cursor = step.next;
      chunks++;
    }
    const packed = await assembleArchive(
      env.MEDIA,
      env.MEDIA,
      `scale-test/${source.slug}`,
      `scale-test/${source.slug}.zip`,
      meta(source.slug),
    );
    const exportMs = Date.now() - started;
    const object = await env.MEDIA.get(`scale-test/${source.slug}.zip`);
    const first = await readArchive(new Uint8Array(await (object as R2ObjectBody).arrayBuffer()));
    expect(rows).toBeGreaterThan(100_000);
    expect(first.tables.members?.rows.length).toBeGreaterThanOrEqual(3_000);

    const target = await createCommunity('archive-scale-target');
    const targetD1 = await tenantD1(target.slug);
    const importStarted = Date.now();
    const report = await importArchive(targetD1, first, { ids: 'remap', replace: true });
    const importMs = Date.now() - importStarted;
    expect(report.rows).toBe(rows);

    const second = await readArchive(await buildArchiveFile(targetD1, meta(source.slug)));
    expect(rowsOf(second)).toEqual(rowsOf(first));
    expect(second.csv).toEqual(first.csv);
    expect(await balances(targetD1)).toEqual(await balances(d1));
    console.log(
      `archive round trip, 3,000 households: ${rows} rows in ${chunks} chunks, ${(packed.size / 1048576).toFixed(1)} MB zip; export ${exportMs} ms, import ${importMs} ms in ${report.statements} statements (one batch)`,
    );
  });
});
