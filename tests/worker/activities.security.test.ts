import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { call, createCommunity, signIn } from './helpers';

vi.setConfig({ testTimeout: 30_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function join(host: string, name: string) {
  const token = await signIn(uid('r'), host, name);
  const res = await call(host, '/api/members/me', { body: { displayName: name }, token });
  return { token, id: res.json.id as number };
}

/** A community with a hub activity by resident A, approved and held, so every later step is possible. */
async function setup() {
  const c = await createCommunity(uid('founder'));
  const a = await join(c.host, '甲');
  const b = await join(c.host, '乙');
  const start = new Date(Date.now() + 86400_000).toISOString();
  const end = new Date(Date.now() + 86400_000 + 7200_000).toISOString();
  const created = await call(c.host, '/api/activities', {
    token: a.token,
    body: {
      title: '读书会',
      startsAt: start,
      endsAt: end,
      place: '书屋',
      capacity: 10,
      audience: 'residents',
      expectedParticipants: 10,
      costLines: [{ label: '茶水', amountFen: 5000 }],
    },
  });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as number;
  return { ...c, a, b, id };
}

describe("no one acts on another's activity", () => {
  it("a resident cannot edit, submit, approve, open, settle, review or cancel someone else's activity", async () => {
    const { host, a, b, id, founderToken } = await setup();
    const body = {
      title: '改掉',
      startsAt: new Date(Date.now() + 86400_000).toISOString(),
      endsAt: new Date(Date.now() + 90000_000).toISOString(),
      place: 'x',
      capacity: 5,
      audience: 'residents',
      expectedParticipants: 5,
      costLines: [],
    };
    expect((await call(host, `/api/activities/${id}`, { method: 'PUT', body, token: b.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'submit' }, token: b.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'submit' }, token: a.token })).status).toBe(200);
    // A hub activity is approved by an administrator, not by another resident, and not by its proposer.
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'approve' }, token: b.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'approve' }, token: a.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'approve' }, token: founderToken })).status).toBe(200);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'open' }, token: b.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'open' }, token: a.token })).status).toBe(200);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'cancel', reason: '捣乱' }, token: b.token })).status).toBe(
      403,
    );
    expect((await call(host, `/api/activities/${id}/signups`, { token: b.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}/steps`, { body: { step: 'hold' }, token: a.token })).status).toBe(200);
    const settlement = {
      incomeFen: 10000,
      costLines: [{ label: '茶水', amountFen: 4000 }],
      occurredOn: new Date().toISOString().slice(0, 10),
    };
    expect((await call(host, `/api/activities/${id}/settlement`, { body: settlement, token: b.token })).status).toBe(403);
    expect((await call(host, `/api/activities/${id}`)).json.state).toBe('held');
    expect((await call(host, `/api/activities/${id}/settlement`, { body: settlement, token: a.token })).status).toBe(200);
    expect((await call(host, `/api/activities/${id}/review`, { body: { wentWell: '好', toChange: '' }, token: b.token })).status).toBe(403);
  });

  it("another community's members see and change nothing of this community's activities, clubs or accounts", async () => {
    const { host, a, id } = await setup();
    const other = await createCommunity(uid('other'));
    const stranger = await join(other.host, '外人');
    // Their token is for the other origin: rejected here.
    expect((await call(host, `/api/activities/${id}/signups`, { body: {}, token: stranger.token })).status).toBe(401);
    // Signed in here, but not a member: 403 on everything for members, and no data.
    const here = await signIn(uid('stranger'), host);
    for (const [method, path, body] of [
      ['POST', `/api/activities/${id}/signups`, {}],
      ['GET', '/api/ledger/funds', undefined],
      ['GET', '/api/ledger/funds/hub/statement', undefined],
      ['POST', '/api/clubs', { name: '外人社', purpose: '不该成功的提议' }],
      ['GET', '/api/me/overview', undefined],
    ] as const) {
      const res = await call(host, path, { method, body, token: here });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // The other community's activity ids do not reach this community's data.
    const theirs = await call(other.host, `/api/activities/${id}`);
    expect(theirs.status).toBe(404);
    const binding = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?')
      .bind(other.slug)
      .first<{ database_binding: string }>();
    const count = await (env as unknown as Record<string, D1Database>)
      [binding!.database_binding]!.prepare('SELECT COUNT(*) AS n FROM activities')
      .first<{ n: number }>();
    expect(count?.n).toBe(0);
    expect((await call(host, `/api/activities/${id}`, { token: a.token })).json.title).toBe('读书会');
  });
});
