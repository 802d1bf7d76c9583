import { z } from '@hono/zod-openapi';
import type { InferRequestType } from 'hono/client';
import { describe, expect, it, vi } from 'vitest';
import { type Api, dispatch, expectStatus, read, tenantD1 } from './helpers';
import { activeClub, as, community, type Person, resident, today } from './community-fixtures';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

type Money = InferRequestType<Api['ledger']['money']['$post']>['json'];

const recordMoney = (host: string, who: Person | undefined, json: Money) => read(as(host, who).ledger.money.$post({ json }));
const advance = (host: string, who: Person | undefined, clubId: number, amountFen: number) =>
  read(as(host, who).ledger.advances.$post({ json: { clubId, amountFen, occurredOn: today(), note: '买球网' } }));
const repay = (host: string, who: Person | undefined, clubId: number, amountFen: number) =>
  read(
    as(host, who).ledger.advances[':clubId'].repayments.$post({
      param: { clubId: String(clubId) },
      json: { amountFen, occurredOn: today() },
    }),
  );

async function statement(host: string, who: Person | undefined, key: string) {
  const res = await read(as(host, who).ledger.funds[':key'].statement.$get({ param: { key }, query: {} }));
  expectStatus(res, 200);
  return res.json;
}

/** Every transaction balances: its postings sum to zero. */
async function unbalanced(d1: D1Database) {
  const rows = await d1
    .prepare('SELECT transaction_id, SUM(amount_fen) AS s FROM ledger_postings GROUP BY transaction_id HAVING s <> 0')
    .all();
  return rows.results;
}

async function counts(d1: D1Database) {
  const row = await d1
    .prepare('SELECT (SELECT COUNT(*) FROM ledger_transactions) AS t, (SELECT COUNT(*) FROM ledger_postings) AS p')
    .first<{ t: number; p: number }>();
  return row;
}

describe('recording money through the guided forms', () => {
  it('records seed money, a named and an anonymous donation, a grant and an opening balance, each balanced, with its category', async () => {
    const { host, slug, admin } = await community();
    const neighbour = await resident(host, '邻居小王');
    const base = { fund: 'hub', occurredOn: today() };
    for (const body of [
      { ...base, kind: 'seed-fund', source: '发起人共同出资', amountFen: 500000 },
      { ...base, kind: 'donation', donor: { anonymous: false, name: '王大伯' }, amountFen: 20000, note: '图书角' },
      { ...base, kind: 'donation', donor: { anonymous: true }, amountFen: 30000 },
      { ...base, kind: 'grant', grantor: '雨花街道办事处', amountFen: 100000 },
      { ...base, kind: 'opening-balance', amountFen: 8800 },
    ] satisfies Money[]) {
      expectStatus(await recordMoney(host, admin, body), 201);
    }
    const hub = await statement(host, neighbour, 'hub');
    expect(hub.entries.map((e) => [e.category, e.amountFen, e.memo])).toEqual([
      ['seed-fund', 500000, '启动资金：发起人共同出资'],
      ['donation', 20000, '捐赠：王大伯（图书角）'],
      ['donation', 30000, '匿名捐赠'],
      ['grant', 100000, '资助：雨花街道办事处'],
      ['opening-balance', 8800, '期初余额'],
    ]);
    // Seed money, donations and grants are income; the opening balance is a movement, not income.
    expect(hub.income).toEqual(
      expect.arrayContaining([
        { category: 'seed-fund', amountFen: 500000 },
        { category: 'donation', amountFen: 50000 },
        { category: 'grant', amountFen: 100000 },
      ]),
    );
    expect(hub.incomeFen).toBe(650000);
    expect(hub.movements).toEqual([{ category: 'opening-balance', amountFen: 8800 }]);
    expect(hub.closingFen).toBe(hub.openingFen + 658800);
    expect(await unbalanced(await tenantD1(slug))).toEqual([]);
  });

  it("an anonymous donation's memo carries no name, even when one is sent along", async () => {
    const { host, slug, admin } = await community();
    const sneaky = { fund: 'hub', occurredOn: today(), kind: 'donation', donor: { anonymous: true, name: '李秘密' }, amountFen: 1000 };
    // The typed client would refuse the extra field; the API drops it.
    const res = await read(as(host, admin).ledger.money.$post({ json: sneaky as Money }));
    expectStatus(res, 201);
    const row = await (await tenantD1(slug))
      .prepare('SELECT memo, category FROM ledger_transactions WHERE id = ?')
      .bind(res.json.id)
      .first<{ memo: string; category: string }>();
    expect(row).toEqual({ memo: '匿名捐赠', category: 'donation' });
    expect(row!.memo).not.toContain('李秘密');
  });

  it('a visitor sees the totals of a named donation but never the entry that names the donor', async () => {
    const { host, admin } = await community();
    const named: Money = {
      fund: 'hub',
      occurredOn: today(),
      kind: 'donation',
      donor: { anonymous: false, name: '赵善人' },
      amountFen: 5000,
    };
    expectStatus(await recordMoney(host, admin, named), 201);
    const visitor = await statement(host, undefined, 'hub');
    expect(visitor.incomeFen).toBe(5000);
    expect(visitor.entries).toEqual([]);
    expect(JSON.stringify(visitor)).not.toContain('赵善人');
  });

  it('only administrators record money: a resident gets 403, a visitor 401, and nothing is written; bad bodies are 400 naming the field', async () => {
    const { host, slug, admin } = await community();
    const neighbour = await resident(host, '邻居小李');
    const d1 = await tenantD1(slug);
    const before = await counts(d1);
    const body = { fund: 'hub', occurredOn: today(), kind: 'grant', grantor: '街道', amountFen: 100 } satisfies Money;
    expect((await recordMoney(host, neighbour, body)).status).toBe(403);
    expect((await recordMoney(host, undefined, body)).status).toBe(401);
    const clubId = await activeClub(host, admin, neighbour);
    expect((await advance(host, neighbour, clubId, 100)).status).toBe(403);
    expect((await repay(host, neighbour, clubId, 100)).status).toBe(403);
    const negative = await recordMoney(host, admin, { ...body, amountFen: -100 });
    expectStatus(negative, 400);
    expect(negative.json.error.details).toHaveProperty('amountFen');
    const noFund = await recordMoney(host, admin, { ...body, fund: 'club:9999' });
    expectStatus(noFund, 400);
    expect(noFund.json.error.details).toHaveProperty('fund');
    expect(await counts(d1)).toEqual(before);
  });
});

describe('advances to clubs', () => {
  it("an advance moves hub cash to the club's fund and is tracked until repaid; neither side counts it as income or spending", async () => {
    const { host, slug, admin } = await community();
    const leader = await resident(host, '社长小陈');
    const clubId = await activeClub(host, admin, leader);
    expectStatus(
      await recordMoney(host, admin, { fund: 'hub', occurredOn: today(), kind: 'seed-fund', source: '发起人', amountFen: 100000 }),
      201,
    );
    expectStatus(await advance(host, admin, clubId, 30000), 201);
    expectStatus(await repay(host, admin, clubId, 10000), 201);

    const list = await read(as(host).ledger.advances.$get());
    expectStatus(list, 200);
    expect(list.json.advances).toEqual([expect.objectContaining({ clubId, advancedFen: 30000, repaidFen: 10000, outstandingFen: 20000 })]);

    const club = await statement(host, leader, `club:${clubId}`);
    expect(club.incomeFen).toBe(0);
    expect(club.spendingFen).toBe(0);
    expect(club.movements).toEqual([
      { category: 'advance', amountFen: 30000 },
      { category: 'advance-repayment', amountFen: -10000 },
    ]);
    expect(club.closingFen).toBe(20000);
    const hub = await statement(host, leader, 'hub');
    expect(hub.spending).toEqual([]);
    expect(hub.incomeFen).toBe(100000);
    expect(hub.closingFen).toBe(80000);

    const funds = await read(as(host).ledger.funds.$get());
    expectStatus(funds, 200);
    // The claim and the debt are not funds: the association's cash is unchanged by lending to itself.
    expect(funds.json.funds.map((f) => f.key).sort()).toEqual([`club:${clubId}`, 'hub'].sort());
    expect(funds.json.funds.reduce((s, f) => s + f.balanceFen, 0)).toBe(100000);
    expect(await unbalanced(await tenantD1(slug))).toEqual([]);
  });

  it('refuses repaying more than is outstanding with a 400 naming amountFen, and writes nothing', async () => {
    const { host, slug, admin } = await community();
    const leader = await resident(host, '社长小周');
    const clubId = await activeClub(host, admin, leader);
    expectStatus(await advance(host, admin, clubId, 5000), 201);
    const d1 = await tenantD1(slug);
    const before = await counts(d1);
    const over = await repay(host, admin, clubId, 5001);
    expectStatus(over, 400);
    expect(over.json.error.details).toHaveProperty('amountFen');
    expect(await counts(d1)).toEqual(before);
    expectStatus(await repay(host, admin, clubId, 5000), 201);
    expectStatus(await repay(host, admin, clubId, 1), 400);
  });

  it('refuses a repayment from a club that was never advanced anything, and opens no account for it', async () => {
    const { host, slug, admin } = await community();
    const leader = await resident(host, '社长小秦');
    const clubId = await activeClub(host, admin, leader);
    const d1 = await tenantD1(slug);
    const accounts = async () => (await d1.prepare('SELECT COUNT(*) AS n FROM ledger_accounts').first<{ n: number }>())?.n;
    const before = await accounts();
    const res = await repay(host, admin, clubId, 100);
    expectStatus(res, 400);
    expect(res.json.error.details).toEqual({ amountFen: ['At most 0 fen is outstanding'] });
    expect(await accounts()).toBe(before);
  });

  it('two repayments at once never repay more than was outstanding', async () => {
    const { host, admin } = await community();
    const leader = await resident(host, '社长小吴');
    const clubId = await activeClub(host, admin, leader);
    expectStatus(await advance(host, admin, clubId, 6000), 201);
    const results = await Promise.all([repay(host, admin, clubId, 4000), repay(host, admin, clubId, 4000)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const list = await read(as(host).ledger.advances.$get());
    expectStatus(list, 200);
    expect(list.json.advances[0]).toMatchObject({ outstandingFen: 2000 });
  });

  it('an advance to a club without a fund is a 400 naming clubId', async () => {
    const { host, admin } = await community();
    const res = await advance(host, admin, 99999, 100);
    expectStatus(res, 400);
    expect(res.json.error.details).toHaveProperty('clubId');
  });

  it('refuses reversing an advance that was partly repaid, naming what is still owed, and writes nothing', async () => {
    const { host, slug, admin } = await community();
    const leader = await resident(host, '社长小冯');
    const clubId = await activeClub(host, admin, leader);
    const made = await advance(host, admin, clubId, 7000);
    expectStatus(made, 201);
    expectStatus(await repay(host, admin, clubId, 3000), 201);
    const d1 = await tenantD1(slug);
    const before = await counts(d1);
    const reversed = await read(
      as(host, admin).ledger.transactions[':id'].reversal.$post({ param: { id: String(made.json.id) }, json: { memo: '记错了' } }),
    );
    expectStatus(reversed, 409);
    expect(reversed.json.error.details).toEqual({ id: ['Only 4000 fen of it is still owed'] });
    expect(await counts(d1)).toEqual(before);
    const list = await read(as(host).ledger.advances.$get());
    expectStatus(list, 200);
    expect(list.json.advances[0]).toMatchObject({ outstandingFen: 4000 });
  });

  it('entries stay append-only: a mistaken advance is corrected by its reversal, which also cancels the claim', async () => {
    const { host, slug, admin } = await community();
    const leader = await resident(host, '社长小郑');
    const clubId = await activeClub(host, admin, leader);
    const made = await advance(host, admin, clubId, 7000);
    expectStatus(made, 201);
    const d1 = await tenantD1(slug);
    await expect(d1.prepare('UPDATE ledger_postings SET amount_fen = 1 WHERE transaction_id = ?').bind(made.json.id).run()).rejects.toThrow(
      /append-only/,
    );
    const reversed = await read(
      as(host, admin).ledger.transactions[':id'].reversal.$post({ param: { id: String(made.json.id) }, json: { memo: '记错了' } }),
    );
    expectStatus(reversed, 201);
    const list = await read(as(host).ledger.advances.$get());
    expectStatus(list, 200);
    expect(list.json.advances[0]).toMatchObject({ outstandingFen: 0 });
    expect(await unbalanced(d1)).toEqual([]);
  });
});

async function rawUpload(host: string, path: string, token: string) {
  const res = await dispatch(
    new Request(`http://${host}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: new TextEncoder().encode('%PDF-1.4 receipt'),
    }),
  );
  return { status: res.status, json: z.object({ id: z.number() }).parse(await res.json()) };
}

describe('receipts of a fund', () => {
  it("lists the receipts kept for a fund's entries for administrators only", async () => {
    const { host, admin } = await community();
    const neighbour = await resident(host, '邻居小钱');
    const made = await recordMoney(host, admin, { fund: 'hub', occurredOn: today(), kind: 'grant', grantor: '街道办', amountFen: 100 });
    expectStatus(made, 201);
    const upload = await rawUpload(host, `/api/ledger/transactions/${made.json.id}/receipts`, admin.token);
    expect(upload.status).toBe(201);
    const listed = await read(as(host, admin).ledger.funds[':key'].receipts.$get({ param: { key: 'hub' } }));
    expectStatus(listed, 200);
    expect(listed.json.receipts).toEqual([
      expect.objectContaining({ id: upload.json.id, transactionId: made.json.id, url: `/api/receipts/${upload.json.id}` }),
    ]);
    expect((await read(as(host, neighbour).ledger.funds[':key'].receipts.$get({ param: { key: 'hub' } }))).status).toBe(403);
  });
});
