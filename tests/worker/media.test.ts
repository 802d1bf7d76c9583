import { z } from '@hono/zod-openapi';
import { describe, expect, it, vi } from 'vitest';
import { errorSchema } from '../../worker/http/route';
import { bodyOf, client, createCommunity, dispatch, expectStatus, read, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

async function join(host: string, name: string) {
  const token = await signIn(uid('r'), host, name);
  const res = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
  expectStatus(res, 201);
  return { token, id: res.json.id };
}

const byId = (id: number) => ({ param: { id: String(id) } });

/**
 * Uploads raw bytes, as the browser does with a File. The typed client sends JSON, forms and query
 * strings but not a raw body, so uploads go through the fetch handler directly; read the answer with a schema.
 */
async function upload(host: string, path: string, token: string, bytes: Uint8Array, contentType: string) {
  const res = await dispatch(
    new Request(`http://${host}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: bytes.slice().buffer as ArrayBuffer,
    }),
  );
  const json: unknown = await res.json();
  return { status: res.status, json };
}

const stored = z.object({ id: z.number() });

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function heldActivity() {
  const c = await createCommunity(uid('founder'));
  const organiser = await join(c.host, '组织者');
  const participant = await join(c.host, '参加者');
  const stranger = await join(c.host, '旁人');
  const start = new Date(Date.now() + 86400_000).toISOString();
  const created = await read(
    client(c.host, organiser.token).api.activities.$post({
      json: {
        title: '读书会',
        startsAt: start,
        endsAt: new Date(Date.parse(start) + 7200_000).toISOString(),
        place: '书屋',
        capacity: 10,
        audience: 'residents',
        expectedParticipants: 5,
        costLines: [],
      },
    }),
  );
  expectStatus(created, 201);
  const id = created.json.id;
  await step(c.host, id, 'submit', organiser.token);
  await step(c.host, id, 'approve', c.founderToken);
  await step(c.host, id, 'open', organiser.token);
  await read(client(c.host, participant.token).api.activities[':id'].signups.$post({ ...byId(id), json: {} }));
  return { ...c, id, organiser, participant, stranger };
}

function step(host: string, id: number, which: 'submit' | 'approve' | 'open' | 'hold', token: string) {
  return read(client(host, token).api.activities[':id'].steps.$post({ ...byId(id), json: { step: which } }));
}

async function photos(host: string, id: number) {
  return bodyOf(await read(client(host).api.activities[':id'].photos.$get(byId(id))), 200).photos;
}

describe('activity photos', () => {
  it('are added after the activity by its organiser or participants, listed, and served back byte for byte', async () => {
    const a = await heldActivity();
    expect((await upload(a.host, `/api/activities/${a.id}/photos`, a.organiser.token, png, 'image/png')).status).toBe(409);
    await step(a.host, a.id, 'hold', a.organiser.token);
    const photo = await upload(a.host, `/api/activities/${a.id}/photos`, a.participant.token, png, 'image/png');
    expect(photo.status).toBe(201);
    expect((await upload(a.host, `/api/activities/${a.id}/photos`, a.stranger.token, png, 'image/png')).status).toBe(403);
    const list = await photos(a.host, a.id);
    expect(list).toHaveLength(1);
    // The photo is fetched at the URL the API gave, as an <img> would.
    const served = await dispatch(new Request(`http://${a.host}${list[0]!.url}`));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it('refuses other file types, empty files and files over 5 MB, storing nothing', async () => {
    const a = await heldActivity();
    await step(a.host, a.id, 'hold', a.organiser.token);
    const html = await upload(
      a.host,
      `/api/activities/${a.id}/photos`,
      a.organiser.token,
      new TextEncoder().encode('<script>alert(1)</script>'),
      'text/html',
    );
    expect(html.status).toBe(400);
    expect(Object.keys(errorSchema.parse(html.json).error.details ?? {})).toEqual(['content-type']);
    expect((await upload(a.host, `/api/activities/${a.id}/photos`, a.organiser.token, new Uint8Array(0), 'image/png')).status).toBe(400);
    expect(
      (await upload(a.host, `/api/activities/${a.id}/photos`, a.organiser.token, new Uint8Array(5 * 1024 * 1024 + 1), 'image/jpeg')).status,
    ).toBe(400);
    expect(await photos(a.host, a.id)).toEqual([]);
  });
});

describe('ledger receipts', () => {
  it('are kept by administrators and can be opened only by them', async () => {
    const c = await createCommunity(uid('founder'));
    const resident = await join(c.host, '居民');
    const admin = client(c.host, c.founderToken).api;
    await read(
      admin.ledger.transactions.$post({
        json: {
          occurredOn: '2026-11-01',
          category: 'donation',
          memo: '邻居捐赠',
          postings: [
            { fund: 'hub', amountFen: 20000 },
            { fund: 'external', amountFen: -20000 },
          ],
        },
      }),
    );
    const statement = await read(
      admin.ledger.funds[':key'].statement.$get({ param: { key: 'hub' }, query: { from: '2026-01-01', to: '2027-01-01' } }),
    );
    expectStatus(statement, 200);
    const txId = statement.json.entries[0]!.id;
    const pdf = new TextEncoder().encode('%PDF-1.4 receipt');
    expect((await upload(c.host, `/api/ledger/transactions/${txId}/receipts`, resident.token, pdf, 'application/pdf')).status).toBe(403);
    const kept = await upload(c.host, `/api/ledger/transactions/${txId}/receipts`, c.founderToken, pdf, 'application/pdf');
    expect(kept.status).toBe(201);
    const receipt = byId(stored.parse(kept.json).id);
    expect((await read(client(c.host, resident.token).api.receipts[':id'].$get(receipt))).status).toBe(403);
    const asAdmin = await read(admin.receipts[':id'].$get(receipt));
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('cache-control')).toBe('private, no-store');
    expect((await read(client(c.host).api.photos[':id'].$get(receipt))).status).toBe(404);
  });
});
