import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { buildArchiveFile } from '../../worker/community/archive/build';
import { type Archive, type ArchiveMeta, readArchive } from '../../worker/community/archive/format';
import { importArchive } from '../../worker/community/archive/import';
import { client, createCommunity, expectStatus, PLATFORM, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

const meta = (slug: string): ArchiveMeta => ({ slug, name: slug, timeZone: 'Asia/Shanghai', exportedAt: 'now', kind: 'export' });

async function communityId(slug: string) {
  const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(slug).first<{ id: string }>();
  return row?.id ?? '';
}

/** Every table's rows, with media keys' community prefix set aside: what must be identical after a round trip. */
function normalised(archive: Archive, prefix: string) {
  const out: Record<string, unknown> = {};
  for (const [name, data] of Object.entries(archive.tables)) {
    const key = data.columns.indexOf('object_key');
    out[name] =
      name === 'media_files' ? data.rows.map((r) => r.map((v, i) => (i === key ? String(v).replace(`${prefix}/`, '') : v))) : data.rows;
  }
  return out;
}

async function balances(d1: D1Database) {
  const { results } = await d1
    .prepare(
      'SELECT a.key, SUM(p.amount_fen) AS fen, COUNT(*) AS n FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id GROUP BY a.key ORDER BY a.key',
    )
    .all();
  return results;
}

describe('a community archive round trip', () => {
  it('exports the rich demo community, imports it into a new community, and exports the same data again', async () => {
    expectStatus(await read(client(PLATFORM).api.dev.seed.$post()), 200);
    const source = await tenantD1('cuizhuyuan');
    const sourceId = await communityId('cuizhuyuan');
    const first = await readArchive(await buildArchiveFile(source, meta('cuizhuyuan'), env.MEDIA));
    expect(first.tables.members?.rows.length).toBeGreaterThan(10);
    expect(first.tables.ledger_postings?.rows.length).toBeGreaterThan(10);
    expect(first.tables.item_stances?.rows.length).toBeGreaterThan(0);

    const target = await createCommunity('archive-founder');
    const targetD1 = await tenantD1(target.slug);
    const targetId = await communityId(target.slug);
    const report = await importArchive(targetD1, first, {
      ids: 'remap',
      replace: true,
      media: { bucket: env.MEDIA, fromPrefix: sourceId, toPrefix: targetId },
    });
    expect(report.rows).toBeGreaterThan(100);

    const second = await readArchive(await buildArchiveFile(targetD1, meta(target.slug), env.MEDIA));
    expect(normalised(second, targetId)).toEqual(normalised(first, sourceId));
    expect(second.csv).toEqual(first.csv);
    expect(await balances(targetD1)).toEqual(await balances(source));
  });
});
