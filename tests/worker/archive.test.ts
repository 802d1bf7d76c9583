import { env } from 'cloudflare:workers';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { readArchive } from '../../worker/community/archive/format';
import { handleArchiveMessage } from '../../worker/community/archive/queue';
import { activeClub, community, resident } from './community-fixtures';
import { bodyOf, client, createCommunity, dispatch, errorOf, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

async function exportNow(host: string, token: string) {
  const res = await read(client(host, token).api.archive.exports.$post());
  return bodyOf(res, 202);
}

/** Runs the queued steps of an export until it is finished (the queue's consumer does this in production). */
async function finish(slug: string, exportId: number) {
  const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(slug).first<{ id: string }>();
  for (let i = 0; i < 50; i++) if (await handleArchiveMessage(env, { type: 'export', communityId: row?.id ?? '', exportId })) return;
}

function download(host: string, url: string) {
  return dispatch(new Request(`http://${host}${url}`));
}

function upload(host: string, token: string | undefined, body: Uint8Array, type = 'application/zip') {
  const headers: Record<string, string> = { 'content-type': type };
  if (token) headers.authorization = `Bearer ${token}`;
  return dispatch(new Request(`http://${host}/api/archive/import`, { method: 'POST', headers, body: new Uint8Array(body) }));
}

describe('exporting a community', () => {
  it('gives the administrator a zip through a link that only works with its token and until it expires', async () => {
    const c = await community();
    const leader = await resident(c.host, '导出测试领队');
    await activeClub(c.host, c.admin, leader, [], '导出测试社');
    const started = await exportNow(c.host, c.admin.token);
    if (!started.link) await finish(c.slug, started.export.id);
    const list = bodyOf(await read(client(c.host, c.admin.token).api.archive.exports.$get()), 200);
    const job = list.exports.find((e) => e.id === started.export.id);
    expect(job?.status).toBe('ready');
    expect(job?.tablesDone).toBe(job?.tablesTotal);
    const link = bodyOf(
      await read(client(c.host, c.admin.token).api.archive.exports[':id'].link.$post({ param: { id: String(job?.id) } })),
      200,
    );

    const res = await download(c.host, link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="${c.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip"`));
    const archive = await readArchive(new Uint8Array(await res.arrayBuffer()));
    expect(archive.manifest.meta.slug).toBe(c.slug);
    expect(archive.tables.clubs?.rows.some((r) => r.includes('导出测试社'))).toBe(true);
    expect(archive.csv.members).toContain('导出测试领队');
    expect(archive.tables.archive_exports).toBeUndefined();
    expect(archive.tables.outbox).toBeUndefined();

    // A link made before the latest one, a made-up token, or another export's id: all "not found".
    expect((await download(c.host, link.url.replace(/token=.{4}/, 'token=abcd'))).status).toBe(404);
    expect((await download(c.host, link.url.replace(`/exports/${link.id}/`, `/exports/${link.id + 1000}/`))).status).toBe(404);
    // Expired: the link stops working.
    const d1 = await tenantD1(c.slug);
    await d1.prepare("UPDATE archive_exports SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").bind(link.id).run();
    expect((await download(c.host, link.url)).status).toBe(404);
  });

  it('is for administrators only, and another community cannot reach the export', async () => {
    const c = await community();
    const member = await resident(c.host, '导出旁观者');
    expect((await read(client(c.host, member.token).api.archive.exports.$post())).status).toBe(403);
    expect((await read(client(c.host).api.archive.exports.$get())).status).toBe(401);
    const started = await exportNow(c.host, c.admin.token);
    if (!started.link) await finish(c.slug, started.export.id);
    const link = bodyOf(
      await read(client(c.host, c.admin.token).api.archive.exports[':id'].link.$post({ param: { id: String(started.export.id) } })),
      200,
    );
    const other = await community();
    // The same path and token on another community's host finds nothing.
    expect((await download(other.host, link.url)).status).toBe(404);
  });

  it('writes a community in chunks through the queue, with its progress', async () => {
    const c = await community();
    const d1 = await tenantD1(c.slug);
    // More than one chunk of one table.
    await d1.batch([
      d1.prepare(`INSERT INTO notifications (member_id, kind, link, text_zh, text_en, delivery)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
        SELECT 1, 'issue.moved', '/issues/1', '议题有进展 ' || i, 'Issue moved ' || i, 'immediate' FROM n`),
    ]);
    const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(c.slug).first<{ id: string }>();
    const { startExport } = await import('../../worker/community/archive/service');
    const { tenantDb } = await import('../../worker/db/client');
    const me = { id: row?.id ?? '', slug: c.slug, nameZh: '测试花园' };
    const started = await startExport({ ...env, ARCHIVE_QUEUE: { send: async () => {} } as never }, tenantDb(d1), d1, me, 1, 3);
    const during = bodyOf(await read(client(c.host, c.admin.token).api.archive.exports.$get()), 200).exports[0];
    const steps: number[] = [];
    for (let i = 0; i < 100; i++) {
      const done = await handleArchiveMessage(
        { ...env, ARCHIVE_QUEUE: { send: async () => {} } as never },
        { type: 'export', communityId: me.id, exportId: started.id },
        5,
      );
      const now = bodyOf(await read(client(c.host, c.admin.token).api.archive.exports.$get()), 200).exports[0];
      steps.push(now?.tablesDone ?? 0);
      if (done) break;
    }
    const after = bodyOf(await read(client(c.host, c.admin.token).api.archive.exports.$get()), 200).exports[0];
    expect(after?.status).toBe('ready');
    expect(steps.length).toBeGreaterThan(2);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(during?.rows ?? 0).toBeLessThanOrEqual(after?.rows ?? 0);
    const object = await env.MEDIA.get(`${me.id}/archives/${c.slug}-export-${started.id}.zip`);
    const archive = await readArchive(new Uint8Array(await (object as R2ObjectBody).arrayBuffer()));
    expect(archive.tables.notifications?.rows.length).toBeGreaterThanOrEqual(12000);
    // The chunks are gone once the archive is packed.
    expect((await env.MEDIA.list({ prefix: `${me.id}/archive-parts/` })).objects).toEqual([]);
  });
});

describe('importing an archive', () => {
  async function archiveOf(c: Awaited<ReturnType<typeof community>>) {
    const started = await exportNow(c.host, c.admin.token);
    if (!started.link) await finish(c.slug, started.export.id);
    const link = bodyOf(
      await read(client(c.host, c.admin.token).api.archive.exports[':id'].link.$post({ param: { id: String(started.export.id) } })),
      200,
    );
    return new Uint8Array(await (await download(c.host, link.url)).arrayBuffer());
  }
  const post = (host: string, token: string | undefined, body: Uint8Array, type = 'application/zip') => upload(host, token, body, type);

  it('fills a fresh community, keeps the importing administrator, and refuses a community already in use', async () => {
    const source = await community();
    const leader = await resident(source.host, '搬家社长');
    await activeClub(source.host, source.admin, leader, [], '搬家羽毛球社');
    const zip = await archiveOf(source);

    const fresh = await createCommunity('import-founder');
    const status = bodyOf(await read(client(fresh.host, fresh.founderToken).api.archive.import.$get()), 200);
    expect(status.fresh).toBe(true);
    const res = await post(fresh.host, fresh.founderToken, zip);
    expect(res.status).toBe(201);
    const clubs = bodyOf(await read(client(fresh.host, fresh.founderToken).api.clubs.$get({ query: {} })), 200);
    expect(JSON.stringify(clubs)).toContain('搬家羽毛球社');
    // The founder of the fresh community is still its administrator.
    expect((await read(client(fresh.host, fresh.founderToken).api.archive.exports.$get())).status).toBe(200);
    // Now it is no longer fresh: a second import is refused and changes nothing.
    const again = await post(fresh.host, fresh.founderToken, zip);
    expect(again.status).toBe(409);
    expect((await read(client(source.host, source.admin.token).api.archive.import.$get())).status).toBe(200);
  });

  it('gives a clear error for what is not an archive, and writes nothing', async () => {
    const fresh = await createCommunity('import-bad');
    const d1 = await tenantD1(fresh.slug);
    const before = await d1.prepare('SELECT COUNT(*) AS n FROM programs').first<{ n: number }>();
    const notZip = await post(fresh.host, fresh.founderToken, strToU8('hello'));
    expect(notZip.status).toBe(400);
    expect(errorOf(await notZip.json()).message).toMatch(/zip/);
    expect((await post(fresh.host, fresh.founderToken, strToU8('hello'), 'text/plain')).status).toBe(415);
    // A tampered table file fails its checksum.
    const source = await community();
    const files = unzipSync(await archiveOf(source));
    files['tables/clubs.json'] = strToU8('{"table":"clubs","columns":["id"],"rows":[[1]]}\n');
    const tampered = await post(fresh.host, fresh.founderToken, zipSync(files));
    expect(tampered.status).toBe(400);
    expect(errorOf(await tampered.json()).message).toMatch(/checksum/);
    expect(await d1.prepare('SELECT COUNT(*) AS n FROM programs').first<{ n: number }>()).toEqual(before);
  });

  it('is for the administrators of the community only', async () => {
    const fresh = await createCommunity('import-guard');
    const stranger = await resident(fresh.host, '路人甲');
    expect((await post(fresh.host, stranger.token, strToU8('x'))).status).toBe(403);
    expect((await post(fresh.host, undefined, strToU8('x'))).status).toBe(401);
  });
});
