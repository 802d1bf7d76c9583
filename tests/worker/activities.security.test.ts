import { describe, expect, it, vi } from 'vitest';
import { bodyOf, client, createCommunity, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 30_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const byId = (id: number) => ({ param: { id: String(id) } });

async function join(host: string, name: string) {
  const token = await signIn(uid('r'), host, name);
  const res = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
  return { token, id: bodyOf(res, 201).id };
}

/** A community with a hub activity by resident A, approved and held, so every later step is possible. */
async function setup() {
  const c = await createCommunity(uid('founder'));
  const a = await join(c.host, '甲');
  const b = await join(c.host, '乙');
  const start = new Date(Date.now() + 86400_000).toISOString();
  const end = new Date(Date.now() + 86400_000 + 7200_000).toISOString();
  const created = await read(
    client(c.host, a.token).api.activities.$post({
      json: {
        title: '读书会',
        startsAt: start,
        endsAt: end,
        place: '书屋',
        capacity: 10,
        audience: 'residents',
        expectedParticipants: 10,
        costLines: [{ label: '茶水', amountFen: 5000 }],
      },
    }),
  );
  const id = bodyOf(created, 201).id;
  return { ...c, a, b, id };
}

describe("no one acts on another's activity", () => {
  it("a resident cannot edit, submit, approve, open, settle, review or cancel someone else's activity", async () => {
    const { host, a, b, id, founderToken } = await setup();
    const activity = (token?: string) => client(host, token).api.activities[':id'];
    const body = {
      title: '改掉',
      startsAt: new Date(Date.now() + 86400_000).toISOString(),
      endsAt: new Date(Date.now() + 90000_000).toISOString(),
      place: 'x',
      capacity: 5,
      audience: 'residents' as const,
      expectedParticipants: 5,
      costLines: [],
    };
    type Step = Parameters<ReturnType<typeof activity>['steps']['$post']>[0]['json'];
    const takeStep = async (json: Step, token: string) => (await read(activity(token).steps.$post({ ...byId(id), json }))).status;
    expect((await read(activity(b.token).$put({ ...byId(id), json: body }))).status).toBe(403);
    expect(await takeStep({ step: 'submit' }, b.token)).toBe(403);
    expect(await takeStep({ step: 'submit' }, a.token)).toBe(200);
    // A hub activity is approved by an administrator, not by another resident, and not by its proposer.
    expect(await takeStep({ step: 'approve' }, b.token)).toBe(403);
    expect(await takeStep({ step: 'approve' }, a.token)).toBe(403);
    expect(await takeStep({ step: 'approve' }, founderToken)).toBe(200);
    expect(await takeStep({ step: 'open' }, b.token)).toBe(403);
    expect(await takeStep({ step: 'open' }, a.token)).toBe(200);
    expect(await takeStep({ step: 'cancel', reason: '捣乱' }, b.token)).toBe(403);
    expect((await read(activity(b.token).signups.$get(byId(id)))).status).toBe(403);
    expect(await takeStep({ step: 'hold' }, a.token)).toBe(200);
    const settlement = {
      incomeFen: 10000,
      costLines: [{ label: '茶水', amountFen: 4000 }],
      occurredOn: new Date().toISOString().slice(0, 10),
    };
    expect((await read(activity(b.token).settlement.$post({ ...byId(id), json: settlement }))).status).toBe(403);
    expect(bodyOf(await read(activity().$get(byId(id))), 200).state).toBe('held');
    expect((await read(activity(a.token).settlement.$post({ ...byId(id), json: settlement }))).status).toBe(200);
    expect((await read(activity(b.token).review.$post({ ...byId(id), json: { wentWell: '好', toChange: '' } }))).status).toBe(403);
  });

  it("another community's members see and change nothing of this community's activities, clubs or accounts", async () => {
    const { host, a, id } = await setup();
    const other = await createCommunity(uid('other'));
    const stranger = await join(other.host, '外人');
    // Their token is for the other origin: rejected here.
    expect((await read(client(host, stranger.token).api.activities[':id'].signups.$post({ ...byId(id), json: {} }))).status).toBe(401);
    // Signed in here, but not a member: 403 on everything for members, and no data.
    const here = client(host, await signIn(uid('stranger'), host)).api;
    for (const [label, request] of [
      [`POST /api/activities/${id}/signups`, () => read(here.activities[':id'].signups.$post({ ...byId(id), json: {} }))],
      [
        'GET /api/ledger/funds/hub/statement.csv',
        () => read(here.ledger.funds[':key']['statement.csv'].$get({ param: { key: 'hub' }, query: {} })),
      ],
      ['POST /api/clubs', () => read(here.clubs.$post({ json: { name: '外人社', purpose: '不该成功的提议' } }))],
      ['GET /api/me/overview', () => read(here.me.overview.$get())],
    ] as const) {
      const res = await request();
      expect(res.status, label).toBe(403);
    }
    // The open accounts show them totals, as any visitor, and no entry.
    const statement = bodyOf(await read(here.ledger.funds[':key'].statement.$get({ param: { key: 'hub' }, query: {} })), 200);
    expect(statement).toMatchObject({ entries: [], entriesForMembers: true });
    // The other community's activity ids do not reach this community's data.
    const theirs = await read(client(other.host).api.activities[':id'].$get(byId(id)));
    expect(theirs.status).toBe(404);
    const count = await (await tenantD1(other.slug)).prepare('SELECT COUNT(*) AS n FROM activities').first<{ n: number }>();
    expect(count?.n).toBe(0);
    expect(bodyOf(await read(client(host, a.token).api.activities[':id'].$get(byId(id))), 200).title).toBe('读书会');
  });
});
