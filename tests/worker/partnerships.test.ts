import { describe, expect, it, vi } from 'vitest';
import { as, byId, community, type Person, resident, today } from './community-fixtures';
import { bodyOf, errorOf, expectStatus, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

type Community = Awaited<ReturnType<typeof community>>;

async function listOf(c: Community, who: Person = c.admin) {
  return bodyOf(await read(as(c.host, who).partnerships.$get()), 200);
}

async function detailOf(c: Community, id: number, who: Person = c.admin) {
  return bodyOf(await read(as(c.host, who).partnerships[':id'].$get(byId(id))), 200);
}

/** A proposed by A's admin and accepted by B's admin: the two local ids. */
async function partnered() {
  const [a, b] = [await community(), await community()];
  const { id: aId } = bodyOf(
    await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: b.slug, goals: '图书角共建\n每年互访一次' } })),
    201,
  );
  const waiting = (await listOf(b)).waitingForUs;
  expect(waiting).toHaveLength(1);
  const bId = waiting[0]!.id;
  expectStatus(await read(as(b.host, b.admin).partnerships[':id'].decision.$post({ ...byId(bId), json: { action: 'accept' } })), 200);
  return { a, b, aId, bId };
}

async function ledgerRows(slug: string, ref: string) {
  const d1 = await tenantD1(slug);
  const { results } = await d1
    .prepare(
      `SELECT t.category, t.memo, p.amount_fen AS amount, a.key FROM ledger_transactions t
       JOIN ledger_postings p ON p.transaction_id = t.id JOIN ledger_accounts a ON a.id = p.account_id
       WHERE t.ref = ? ORDER BY a.key`,
    )
    .bind(`partnership:${ref}`)
    .all<{ category: string; memo: string; amount: number; key: string }>();
  return results;
}

describe('partnerships between two Huzhu communities', () => {
  it('is proposed by one admin and becomes active only when the other community accepts', async () => {
    const [a, b] = [await community(), await community()];
    const proposed = await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: b.slug, goals: '结对' } }));
    const { id } = bodyOf(proposed, 201);
    expect((await detailOf(a, id)).status).toBe('proposed');
    expect((await detailOf(a, id)).actions).toEqual(['withdraw']);
    // One open link per pair, whoever proposes.
    expect((await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: b.slug, goals: '' } }))).status).toBe(409);
    expect((await read(as(b.host, b.admin).partnerships.$post({ json: { kind: 'huzhu', slug: a.slug, goals: '' } }))).status).toBe(409);

    // B's admin sees the proposal on B's own site; B's residents do not.
    const bList = await listOf(b);
    expect(bList.waitingForUs.map((p) => p.partnerName)).toEqual(['测试花园']);
    const bId = bList.waitingForUs[0]!.id;
    expect((await detailOf(b, bId)).actions).toEqual(['accept', 'decline']);
    const neighbour = await resident(b.host, '邻居');
    expect(await listOf(b, neighbour)).toEqual({ waitingForUs: [], partnerships: [] });

    // The proposer cannot accept its own proposal.
    const wrong = await read(as(a.host, a.admin).partnerships[':id'].decision.$post({ ...byId(id), json: { action: 'accept' } }));
    expect(wrong.status).toBe(409);
    expectStatus(await read(as(b.host, b.admin).partnerships[':id'].decision.$post({ ...byId(bId), json: { action: 'accept' } })), 200);
    const active = await detailOf(a, id);
    expect(active.status).toBe('active');
    expect(active.startedOn).toBe(today());
    expect(active.goals).toBe('结对');
    expect((await listOf(b, neighbour)).partnerships.map((p) => p.status)).toEqual(['active']);
    // Accepting twice is a conflict, not a second start.
    expect((await read(as(b.host, b.admin).partnerships[':id'].decision.$post({ ...byId(bId), json: { action: 'accept' } }))).status).toBe(
      409,
    );
  });

  it('a declined proposal frees the pair to try again, and either side ends an active partnership', async () => {
    const [a, b] = [await community(), await community()];
    bodyOf(await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: b.slug, goals: '' } })), 201);
    const bId = (await listOf(b)).waitingForUs[0]!.id;
    expectStatus(await read(as(b.host, b.admin).partnerships[':id'].decision.$post({ ...byId(bId), json: { action: 'decline' } })), 200);
    expect((await listOf(a)).partnerships.map((p) => p.status)).toEqual(['declined']);
    const again = bodyOf(await read(as(b.host, b.admin).partnerships.$post({ json: { kind: 'huzhu', slug: a.slug, goals: '' } })), 201);
    const aId = (await listOf(a)).waitingForUs[0]!.id;
    expectStatus(await read(as(a.host, a.admin).partnerships[':id'].decision.$post({ ...byId(aId), json: { action: 'accept' } })), 200);
    expectStatus(await read(as(b.host, b.admin).partnerships[':id'].decision.$post({ ...byId(again.id), json: { action: 'end' } })), 200);
    expect((await detailOf(a, aId)).status).toBe('ended');
    const late = await read(
      as(a.host, a.admin).partnerships[':id'].visits.$post({
        ...byId(aId),
        json: { title: '互访', occurredOn: today(), place: '', residents: 3 },
      }),
    );
    expect(late.status).toBe(409);
  });

  it('a designated donation appears once in both ledgers with one shared reference, however often it is sent', async () => {
    const { a, b, aId, bId } = await partnered();
    const reference = crypto.randomUUID();
    const body = { kind: 'money' as const, title: '助学金', occurredOn: today(), amountFen: 500_00, reference };
    for (let i = 0; i < 2; i++)
      expectStatus(await read(as(a.host, a.admin).partnerships[':id'].donations.$post({ ...byId(aId), json: body })), 201);
    // Reading again on both sides copies nothing twice.
    await listOf(a);
    await listOf(b);
    const given = await ledgerRows(a.slug, reference);
    const received = await ledgerRows(b.slug, reference);
    expect(given.map((r) => [r.key, r.amount])).toEqual([
      ['external', 500_00],
      ['hub', -500_00],
    ]);
    expect(received.map((r) => [r.key, r.amount])).toEqual([
      ['external', -500_00],
      ['hub', 500_00],
    ]);
    const short = reference.slice(0, 8).toUpperCase();
    expect(given[0]!.memo).toContain(short);
    expect(received[0]!.memo).toContain(short);
    expect(received[0]!.category).toBe('partnership-donation');
    const aDonations = (await detailOf(a, aId)).donations;
    const bDonations = (await detailOf(b, bId)).donations;
    expect(aDonations.map((d) => [d.ours, d.reference, d.amountFen])).toEqual([[true, short, 500_00]]);
    expect(bDonations.map((d) => [d.ours, d.reference, d.amountFen])).toEqual([[false, short, 500_00]]);

    // The receiver's statement counts it as income, the giver's as spending.
    const statement = async (c: Community) =>
      bodyOf(await read(as(c.host, c.admin).ledger.funds[':key'].statement.$get({ param: { key: 'hub' }, query: {} })), 200);
    expect((await statement(b)).income).toContainEqual({ category: 'partnership-donation', amountFen: 500_00 });
    expect((await statement(a)).spending).toContainEqual({ category: 'partnership-donation', amountFen: 500_00 });
  });

  it("lists a visit on both sites and reports each year's goals, visits, donations and residents", async () => {
    const { a, b, aId, bId } = await partnered();
    const visit = { title: '翠竹园志愿者到访', occurredOn: today(), place: '村小学', residents: 12 };
    expectStatus(await read(as(b.host, b.admin).partnerships[':id'].visits.$post({ ...byId(bId), json: visit })), 201);
    const goods = { kind: 'goods' as const, title: '冬衣两百件', occurredOn: today(), amountFen: 0, reference: crypto.randomUUID() };
    expectStatus(await read(as(a.host, a.admin).partnerships[':id'].donations.$post({ ...byId(aId), json: goods })), 201);
    const seenByA = await detailOf(a, aId);
    expect(seenByA.visits.map((v) => [v.title, v.ours, v.residents])).toEqual([['翠竹园志愿者到访', false, 12]]);
    const year = Number(today().slice(0, 4));
    const report = bodyOf(
      await read(as(b.host, b.admin).partnerships[':id'].reports[':year'].$get({ param: { id: String(bId), year: String(year) } })),
      200,
    );
    expect(report.goals).toBe('图书角共建\n每年互访一次');
    expect(report.totals).toEqual({
      visits: 1,
      residentsInvolved: 12,
      moneyGivenFen: 0,
      moneyReceivedFen: 0,
      goodsGiven: 0,
      goodsReceived: 1,
    });
    const empty = bodyOf(
      await read(as(b.host, b.admin).partnerships[':id'].reports[':year'].$get({ param: { id: String(bId), year: String(year - 1) } })),
      200,
    );
    expect(empty.totals.visits).toBe(0);
    // Goals are shared: B rewrites them, A reads them.
    expectStatus(await read(as(b.host, b.admin).partnerships[':id'].goals.$put({ ...byId(bId), json: { goals: '共建乡村图书室' } })), 200);
    expect((await detailOf(a, aId)).goals).toBe('共建乡村图书室');
  });
});

describe('partnerships with a community outside Huzhu', () => {
  it('are recorded by name, place and contact, take donations into the ledger, and end', async () => {
    const a = await community();
    const { id } = bodyOf(
      await read(
        as(a.host, a.admin).partnerships.$post({
          json: {
            kind: 'outside',
            name: '高芒村',
            place: '贵州省黔东南州',
            contact: '村委会 王书记',
            goals: '十年结对',
            startedOn: '2024-02-29',
          },
        }),
      ),
      201,
    );
    const page = await detailOf(a, id);
    expect([page.status, page.partnerPlace, page.partnerContact, page.startedOn]).toEqual([
      'active',
      '贵州省黔东南州',
      '村委会 王书记',
      '2024-02-29',
    ]);
    expect(page.years.at(-1)).toBe(2024);
    const reference = crypto.randomUUID();
    expectStatus(
      await read(
        as(a.host, a.admin).partnerships[':id'].donations.$post({
          ...byId(id),
          json: { kind: 'money', title: '图书室书架', occurredOn: today(), amountFen: 1200_00, reference },
        }),
      ),
      201,
    );
    expect((await ledgerRows(a.slug, reference)).map((r) => r.amount)).toEqual([1200_00, -1200_00]);
    expectStatus(await read(as(a.host, a.admin).partnerships[':id'].decision.$post({ ...byId(id), json: { action: 'end' } })), 200);
    expect((await detailOf(a, id)).status).toBe('ended');
    expect((await read(as(a.host, a.admin).partnerships[':id'].decision.$post({ ...byId(id), json: { action: 'accept' } }))).status).toBe(
      409,
    );
  });

  it('answers bad input with 400 naming the fields at fault', async () => {
    const a = await community();
    const unknown = await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: 'no-such-place', goals: '' } }));
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.json).details).toHaveProperty('slug');
    const self = await read(as(a.host, a.admin).partnerships.$post({ json: { kind: 'huzhu', slug: a.slug, goals: '' } }));
    expect(errorOf(self.json).details).toHaveProperty('slug');
    const bad = await read(
      as(a.host, a.admin).partnerships.$post({
        json: { kind: 'outside', name: '某村', place: '某地', contact: '', goals: '', startedOn: '2027-02-29' },
      }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(errorOf(bad.json).details)).toContain('startedOn');
    const { id } = bodyOf(
      await read(
        as(a.host, a.admin).partnerships.$post({ json: { kind: 'outside', name: '某村', place: '某地', contact: '', goals: '' } }),
      ),
      201,
    );
    const noAmount = await read(
      as(a.host, a.admin).partnerships[':id'].donations.$post({
        ...byId(id),
        json: { kind: 'money', title: '善款', occurredOn: today(), amountFen: 0, reference: crypto.randomUUID() },
      }),
    );
    expect(noAmount.status).toBe(400);
    expect(JSON.stringify(errorOf(noAmount.json).details)).toContain('amountFen');
  });
});
