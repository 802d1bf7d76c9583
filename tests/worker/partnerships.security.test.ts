import { describe, expect, it, vi } from 'vitest';
import { as, byId, community, type Person, resident, today } from './community-fixtures';
import { bodyOf, expectStatus, rawCall, read } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

type Community = Awaited<ReturnType<typeof community>>;

/**
 * Three communities: A and B partner (a visit held by A with its residents signed up, a donation from A to B); A's
 * ledger also holds a named donor's gift that has nothing to do with B. C is on Huzhu and partners with nobody.
 */
async function setup() {
  const [a, b, c] = [await community(), await community(), await community()];
  const aResident = await resident(a.host, '甲方居民钱阿姨');
  const bResident = await resident(b.host, '乙方居民');
  expectStatus(
    await read(
      as(a.host, a.admin).ledger.money.$post({
        json: {
          fund: 'hub',
          occurredOn: today(),
          kind: 'donation',
          donor: { anonymous: false, name: '甲方捐赠人孙先生' },
          amountFen: 888_00,
        },
      }),
    ),
    201,
  );
  const { id: aId } = bodyOf(
    await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: b.slug, goals: '结对' } })),
    201,
  );
  const bId = bodyOf(await read(as(b.host, b.admin).partnerships.$get()), 200).waitingForUs[0]!.id;
  expectStatus(await read(as(b.host, b.admin).partnerships[':id'].decision.$post({ ...byId(bId), json: { action: 'accept' } })), 200);
  expectStatus(
    await read(
      as(a.host, a.admin).partnerships[':id'].visits.$post({
        ...byId(aId),
        json: { title: '甲方居民探访乙方', occurredOn: today(), place: '乙方活动室', residents: 6 },
      }),
    ),
    201,
  );
  expectStatus(
    await read(
      as(a.host, a.admin).partnerships[':id'].donations.$post({
        ...byId(aId),
        json: { kind: 'money', title: '助学金', occurredOn: today(), amountFen: 300_00, reference: crypto.randomUUID() },
      }),
    ),
    201,
  );
  return { a, b, c, aId, bId, aResident, bResident };
}

/** Every write, as calls not yet made (so a slice of them makes only those). */
const writes = (host: string, who: Person | undefined, id: number) => [
  () => read(as(host, who).partnerships.$post({ json: { kind: 'outside', name: '某村', place: '某地', contact: '', goals: '' } })),
  () => read(as(host, who).partnerships[':id'].decision.$post({ ...byId(id), json: { action: 'end' } })),
  () => read(as(host, who).partnerships[':id'].goals.$put({ ...byId(id), json: { goals: '改' } })),
  () =>
    read(
      as(host, who).partnerships[':id'].visits.$post({
        ...byId(id),
        json: { title: '探访', occurredOn: today(), place: '', residents: 1 },
      }),
    ),
  () =>
    read(
      as(host, who).partnerships[':id'].donations.$post({
        ...byId(id),
        json: { kind: 'goods', title: '冬衣', occurredOn: today(), amountFen: 0, reference: crypto.randomUUID() },
      }),
    ),
];

async function hubEntries(c: Community) {
  const statement = bodyOf(await read(as(c.host, c.admin).ledger.funds[':key'].statement.$get({ param: { key: 'hub' }, query: {} })), 200);
  return statement.entries;
}

describe('a partnership shares only what it shares', () => {
  it('keeps visitors out, refuses writes to members, and shows another community none of it', async () => {
    const { a, b, c, aId, bId, aResident, bResident } = await setup();

    // A visitor: every route asks to sign in.
    for (const path of ['/api/partnerships', `/api/partnerships/${aId}`, `/api/partnerships/${aId}/reports/2026`])
      expect((await rawCall(a.host, path)).status, path).toBe(401);
    for (const res of await Promise.all(writes(a.host, undefined, aId).map((w) => w()))) expect(res.status).toBe(401);

    // A member reads the partnership but changes nothing; only administrators act for the community.
    expect((await read(as(a.host, aResident).partnerships[':id'].$get(byId(aId)))).status).toBe(200);
    for (const res of await Promise.all(writes(a.host, aResident, aId).map((w) => w()))) expect(res.status).toBe(403);
    for (const res of await Promise.all(writes(b.host, bResident, bId).map((w) => w()))) expect(res.status).toBe(403);

    // An administrator of a third community: A's and B's partnership does not exist on its site.
    expect(bodyOf(await read(as(c.host, c.admin).partnerships.$get()), 200)).toEqual({ waitingForUs: [], partnerships: [] });
    for (const id of [aId, bId]) {
      expect((await read(as(c.host, c.admin).partnerships[':id'].$get(byId(id)))).status).toBe(404);
      expect(
        (await read(as(c.host, c.admin).partnerships[':id'].reports[':year'].$get({ param: { id: String(id), year: '2026' } }))).status,
      ).toBe(404);
      for (const res of await Promise.all(
        writes(c.host, c.admin, id)
          .slice(1)
          .map((w) => w()),
      ))
        expect(res.status).toBe(404);
    }
    // A's administrator's sign-in is bound to A's site: on B's site it is refused.
    expect((await read(as(b.host, a.admin).partnerships[':id'].$get(byId(bId)))).status).toBe(401);
  });

  it("never shows the partner the other community's members or the rest of its ledger", async () => {
    const { a, b, bId, bResident } = await setup();
    const seenByB = [
      await read(as(b.host, b.admin).partnerships.$get()),
      await read(as(b.host, b.admin).partnerships[':id'].$get(byId(bId))),
      await read(as(b.host, bResident).partnerships[':id'].$get(byId(bId))),
      await read(as(b.host, b.admin).partnerships[':id'].reports[':year'].$get({ param: { id: String(bId), year: today().slice(0, 4) } })),
    ].map((r) => r.text);
    for (const text of seenByB) {
      expect(text).not.toContain('钱阿姨');
      expect(text).not.toContain('孙先生');
      expect(text).not.toContain(a.admin.name);
    }
    const detail = bodyOf(await read(as(b.host, b.admin).partnerships[':id'].$get(byId(bId))), 200);
    // The visit is listed, as A's, without any of A's ids; the donation arrives as received.
    expect(detail.visits.map((v) => [v.title, v.ours, v.activityId, v.residents])).toEqual([['甲方居民探访乙方', false, null, 6]]);
    expect(detail.donations.map((d) => [d.ours, d.amountFen])).toEqual([[false, 300_00]]);
    // B's administrator sees no contact or actions beyond its own side's.
    expect(detail.actions).toEqual(['end']);

    // B's ledger holds the partnership's entry and nothing else of A's.
    const bEntries = await hubEntries(b);
    expect(JSON.stringify(bEntries)).not.toContain('孙先生');
    expect(bEntries.filter((e) => JSON.stringify(e).includes('助学金'))).toHaveLength(1);
    // A's ledger keeps its own donor, and the same partnership entry.
    const aEntries = await hubEntries(a);
    expect(JSON.stringify(aEntries)).toContain('孙先生');
    expect(aEntries.filter((e) => JSON.stringify(e).includes('助学金'))).toHaveLength(1);
  });
});
