import { exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { call, createCommunity, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

async function join(host: string, name: string) {
  const token = await signIn(uid('r'), host, name);
  const res = await call(host, '/api/members/me', { body: { displayName: name }, token });
  return { token, id: res.json.id as number };
}

/** Uploads raw bytes, as the browser does with a File. */
async function upload(host: string, path: string, token: string, bytes: Uint8Array, contentType: string) {
  const res = await exports.default.fetch(
    new Request(`http://${host}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: bytes.slice().buffer as ArrayBuffer,
    }),
  );
  return { status: res.status, json: (await res.json()) as any };
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function heldActivity() {
  const c = await createCommunity(uid('founder'));
  const organiser = await join(c.host, '组织者');
  const participant = await join(c.host, '参加者');
  const stranger = await join(c.host, '旁人');
  const start = new Date(Date.now() + 86400_000).toISOString();
  const created = await call(c.host, '/api/activities', {
    token: organiser.token,
    body: {
      title: '读书会',
      startsAt: start,
      endsAt: new Date(Date.parse(start) + 7200_000).toISOString(),
      place: '书屋',
      capacity: 10,
      audience: 'residents',
      expectedParticipants: 5,
      costLines: [],
    },
  });
  const id = created.json.id as number;
  await call(c.host, `/api/activities/${id}/steps`, { body: { step: 'submit' }, token: organiser.token });
  await call(c.host, `/api/activities/${id}/steps`, { body: { step: 'approve' }, token: c.founderToken });
  await call(c.host, `/api/activities/${id}/steps`, { body: { step: 'open' }, token: organiser.token });
  await call(c.host, `/api/activities/${id}/signups`, { body: {}, token: participant.token });
  return { ...c, id, organiser, participant, stranger };
}

describe('activity photos', () => {
  it('are added after the activity by its organiser or participants, listed, and served back byte for byte', async () => {
    const a = await heldActivity();
    expect((await upload(a.host, `/api/activities/${a.id}/photos`, a.organiser.token, png, 'image/png')).status).toBe(409);
    await call(a.host, `/api/activities/${a.id}/steps`, { body: { step: 'hold' }, token: a.organiser.token });
    const stored = await upload(a.host, `/api/activities/${a.id}/photos`, a.participant.token, png, 'image/png');
    expect(stored.status).toBe(201);
    expect((await upload(a.host, `/api/activities/${a.id}/photos`, a.stranger.token, png, 'image/png')).status).toBe(403);
    const list = await call(a.host, `/api/activities/${a.id}/photos`);
    expect(list.json.photos).toHaveLength(1);
    const served = await exports.default.fetch(new Request(`http://${a.host}${list.json.photos[0].url}`));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it('refuses other file types, empty files and files over 5 MB, storing nothing', async () => {
    const a = await heldActivity();
    await call(a.host, `/api/activities/${a.id}/steps`, { body: { step: 'hold' }, token: a.organiser.token });
    const html = await upload(
      a.host,
      `/api/activities/${a.id}/photos`,
      a.organiser.token,
      new TextEncoder().encode('<script>alert(1)</script>'),
      'text/html',
    );
    expect(html.status).toBe(400);
    expect(Object.keys(html.json.error.details)).toEqual(['content-type']);
    expect((await upload(a.host, `/api/activities/${a.id}/photos`, a.organiser.token, new Uint8Array(0), 'image/png')).status).toBe(400);
    expect(
      (await upload(a.host, `/api/activities/${a.id}/photos`, a.organiser.token, new Uint8Array(5 * 1024 * 1024 + 1), 'image/jpeg')).status,
    ).toBe(400);
    expect((await call(a.host, `/api/activities/${a.id}/photos`)).json.photos).toEqual([]);
  });
});

describe('ledger receipts', () => {
  it('are kept by administrators and can be opened only by them', async () => {
    const c = await createCommunity(uid('founder'));
    const resident = await join(c.host, '居民');
    await call(c.host, '/api/ledger/transactions', {
      token: c.founderToken,
      body: {
        occurredOn: '2026-11-01',
        category: 'donation',
        memo: '邻居捐赠',
        postings: [
          { fund: 'hub', amountFen: 20000 },
          { fund: 'external', amountFen: -20000 },
        ],
      },
    });
    const statement = await call(c.host, '/api/ledger/funds/hub/statement?from=2026-01-01&to=2027-01-01', { token: c.founderToken });
    const txId = statement.json.entries[0].id;
    const pdf = new TextEncoder().encode('%PDF-1.4 receipt');
    expect((await upload(c.host, `/api/ledger/transactions/${txId}/receipts`, resident.token, pdf, 'application/pdf')).status).toBe(403);
    const kept = await upload(c.host, `/api/ledger/transactions/${txId}/receipts`, c.founderToken, pdf, 'application/pdf');
    expect(kept.status).toBe(201);
    expect((await call(c.host, `/api/receipts/${kept.json.id}`, { token: resident.token })).status).toBe(403);
    const asAdmin = await exports.default.fetch(
      new Request(`http://${c.host}/api/receipts/${kept.json.id}`, { headers: { authorization: `Bearer ${c.founderToken}` } }),
    );
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('cache-control')).toBe('private, no-store');
    expect((await call(c.host, `/api/photos/${kept.json.id}`)).status).toBe(404);
  });
});
