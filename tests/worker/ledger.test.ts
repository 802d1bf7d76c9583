import { z } from '@hono/zod-openapi';
import type { InferRequestType } from 'hono/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, client, createCommunity, expectStatus, PLATFORM, rawCall, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** A user id no other test uses. */
const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

const ADMIN_NAME = '钱会计';

/** A community whose founder (association administrator) is 钱会计, with one resident. */
async function community() {
  const c = await createCommunity(uid('treasurer'), { founderName: ADMIN_NAME });
  const residentName = '孙居民';
  const residentToken = await signIn(uid('resident'), c.host, residentName);
  const joined = await read(
    client(c.host, residentToken).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: residentName } }),
  );
  expect(joined.status).toBe(201);
  return { ...c, adminToken: c.founderToken, residentToken, residentName };
}

type Entry = InferRequestType<Api['ledger']['transactions']['$post']>['json'];

function record(host: string, token: string | undefined, json: Entry) {
  return read(client(host, token).api.ledger.transactions.$post({ json }));
}

function reverse(host: string, token: string, id: number, memo: string) {
  return read(client(host, token).api.ledger.transactions[':id'].reversal.$post({ param: { id: String(id) }, json: { memo } }));
}

/** The fund balances the residents see. */
async function funds(host: string, token: string) {
  const res = await read(client(host, token).api.ledger.funds.$get());
  expectStatus(res, 200);
  return res.json.funds;
}

const donation = (amountFen: number, memo = '居民捐赠：图书角书架', occurredOn = today()) => ({
  occurredOn,
  category: 'donation',
  memo,
  postings: [
    { fund: 'hub', amountFen },
    { fund: 'external', amountFen: -amountFen },
  ],
});

function today() {
  return new Date().toISOString().slice(0, 10);
}

type Period = { from?: string; to?: string };

async function statement(host: string, token: string, key = 'hub', query: Period = {}) {
  const res = await read(client(host, token).api.ledger.funds[':key'].statement.$get({ param: { key }, query }));
  expectStatus(res, 200);
  return res.json;
}

function statementCsv(host: string, token: string | undefined, query: Period = {}) {
  return read(client(host, token).api.ledger.funds[':key']['statement.csv'].$get({ param: { key: 'hub' }, query }));
}

async function counts(d1: D1Database) {
  const tx = await d1.prepare('SELECT COUNT(*) AS n FROM ledger_transactions').first<{ n: number }>();
  const postings = await d1.prepare('SELECT COUNT(*) AS n FROM ledger_postings').first<{ n: number }>();
  return { transactions: tx!.n, postings: postings!.n };
}

/** A club proposed by the resident and approved by the administrator, so that `club:{id}` exists. */
async function clubFund(host: string, adminToken: string, residentToken: string) {
  const proposed = await read(
    client(host, residentToken).api.clubs.$post({ json: { name: `读书会${crypto.randomUUID().slice(0, 6)}`, purpose: '每月读一本书' } }),
  );
  expectStatus(proposed, 201);
  const approve = { param: { id: String(proposed.json.id) }, json: { status: 'active' as const } };
  expect((await read(client(host, adminToken).api.clubs[':id'].status.$post(approve))).status).toBe(200);
  return `club:${proposed.json.id}`;
}

describe('recording entries', () => {
  it('an administrator records a balanced donation (hub +, external −): 201, and the hub fund grows by it', async () => {
    const { host, adminToken, residentToken } = await community();
    const res = await record(host, adminToken, donation(50000));
    expectStatus(res, 201);
    expect((await funds(host, residentToken)).find((f) => f.key === 'hub')!.balanceFen).toBe(50000);
    const hub = await statement(host, residentToken);
    expect(hub.entries).toEqual([
      expect.objectContaining({ category: 'donation', memo: '居民捐赠：图书角书架', amountFen: 50000, reversesId: null, activityId: null }),
    ]);
    expect(hub.income).toEqual([{ category: 'donation', amountFen: 50000 }]);
  });

  it('refuses an unbalanced entry (400) and writes nothing', async () => {
    const { host, slug, adminToken } = await community();
    const d1 = await tenantD1(slug);
    const before = await counts(d1);
    const unbalanced = await record(host, adminToken, {
      occurredOn: today(),
      category: 'donation',
      memo: '不平的分录',
      postings: [
        { fund: 'hub', amountFen: 50000 },
        { fund: 'external', amountFen: -40000 },
      ],
    });
    expectStatus(unbalanced, 400);
    expect(unbalanced.json.error.details).toHaveProperty('postings');
    const single = await record(host, adminToken, {
      occurredOn: today(),
      category: 'donation',
      memo: '只有一条',
      postings: [{ fund: 'hub', amountFen: 50000 }],
    });
    expect(single.status).toBe(400);
    const unknownFund = await record(host, adminToken, {
      occurredOn: today(),
      category: 'donation',
      memo: '没有的基金',
      postings: [
        { fund: 'club:999', amountFen: 100 },
        { fund: 'external', amountFen: -100 },
      ],
    });
    expect(unknownFund.status).toBe(400);
    expect(await counts(d1)).toEqual(before);
  });

  it('only association administrators record entries: a resident gets 403, anonymous 401, and nothing is written', async () => {
    const { host, slug, residentToken } = await community();
    const d1 = await tenantD1(slug);
    const before = await counts(d1);
    expect((await record(host, residentToken, donation(50000))).status).toBe(403);
    expect((await record(host, undefined, donation(50000))).status).toBe(401);
    expect(await counts(d1)).toEqual(before);
  });
});

describe('corrections', () => {
  it('reversing an entry records a new balancing entry (category correction) and leaves the original untouched', async () => {
    const { host, slug, adminToken, residentToken } = await community();
    const d1 = await tenantD1(slug);
    await record(host, adminToken, donation(12600, '误记的捐款', '2020-01-10'));
    const [original] = (await statement(host, residentToken, 'hub', { from: '2020-01-01', to: '2020-02-01' })).entries;
    if (!original) throw new Error('the donation is not on the statement');
    const originalRow = await d1.prepare('SELECT * FROM ledger_transactions WHERE id = ?').bind(original.id).first();
    const originalPostings = (
      await d1.prepare('SELECT * FROM ledger_postings WHERE transaction_id = ? ORDER BY id').bind(original.id).all()
    ).results;

    const reversal = await reverse(host, adminToken, original.id, '冲销：金额记错');
    expectStatus(reversal, 201);

    // The original is exactly as it was.
    expect(await d1.prepare('SELECT * FROM ledger_transactions WHERE id = ?').bind(original.id).first()).toEqual(originalRow);
    expect(
      (await d1.prepare('SELECT * FROM ledger_postings WHERE transaction_id = ? ORDER BY id').bind(original.id).all()).results,
    ).toEqual(originalPostings);

    // The correction is a new entry that points at it and balances it out.
    const correction = await d1
      .prepare('SELECT * FROM ledger_transactions WHERE reverses_id = ?')
      .bind(original.id)
      .first<{ id: number; category: string; memo: string }>();
    expect(correction).toMatchObject({ category: 'correction', memo: '冲销：金额记错' });
    expect(correction!.id).not.toBe(original.id);
    const correctionPostings = (
      await d1
        .prepare('SELECT account_id, amount_fen FROM ledger_postings WHERE transaction_id = ? ORDER BY id')
        .bind(correction!.id)
        .all<{ account_id: number; amount_fen: number }>()
    ).results;
    expect(correctionPostings).toEqual(
      originalPostings.map((p) => ({
        account_id: (p as { account_id: number }).account_id,
        amount_fen: -(p as { amount_fen: number }).amount_fen,
      })),
    );

    expect((await funds(host, residentToken)).find((f) => f.key === 'hub')!.balanceFen).toBe(0);
    const hub = await statement(host, residentToken, 'hub', { from: '2020-01-01', to: '2100-01-01' });
    expect(hub.entries.map((e) => [e.category, e.amountFen, e.reversesId])).toEqual([
      ['donation', 12600, null],
      ['correction', -12600, original.id],
    ]);
  });

  it('an entry is reversed only once (409), a reversal is not itself reversed (409), and an unknown entry is 404', async () => {
    const { host, slug, adminToken, residentToken } = await community();
    const d1 = await tenantD1(slug);
    await record(host, adminToken, donation(3000));
    const [entry] = (await statement(host, residentToken)).entries;
    if (!entry) throw new Error('the donation is not on the statement');
    const byAdmin = (id: number) => reverse(host, adminToken, id, '冲销');
    expect((await reverse(host, residentToken, entry.id, '冲销')).status).toBe(403);
    expect((await byAdmin(entry.id)).status).toBe(201);
    const afterFirst = await counts(d1);
    expect((await byAdmin(entry.id)).status).toBe(409);
    const correction = await d1.prepare('SELECT id FROM ledger_transactions WHERE reverses_id = ?').bind(entry.id).first<{ id: number }>();
    expect((await byAdmin(correction!.id)).status).toBe(409);
    expect((await byAdmin(999999)).status).toBe(404);
    expect(await counts(d1)).toEqual(afterFirst);
  });
});

describe('the books', () => {
  it('balance: the sum of all postings is 0, each transaction sums to 0, and every fund balance shown equals the sum of its postings', async () => {
    const { host, slug, adminToken, residentToken } = await community();
    const club = await clubFund(host, adminToken, residentToken);
    await record(host, adminToken, donation(80000));
    await record(host, adminToken, {
      occurredOn: today(),
      category: 'grant',
      memo: '互助会拨款给读书会',
      postings: [
        { fund: 'hub', amountFen: -20000 },
        { fund: club, amountFen: 20000 },
      ],
    });
    await record(host, adminToken, {
      occurredOn: today(),
      category: 'supplies',
      memo: '买书',
      postings: [
        { fund: club, amountFen: -7350 },
        { fund: 'external', amountFen: 7350 },
      ],
    });
    await record(host, adminToken, {
      occurredOn: today(),
      category: 'donation',
      memo: '三方分账',
      postings: [
        { fund: 'hub', amountFen: 1000 },
        { fund: club, amountFen: 500 },
        { fund: 'external', amountFen: -1500 },
      ],
    });
    const [first] = (await statement(host, residentToken)).entries;
    expect((await reverse(host, adminToken, first!.id, '冲销')).status).toBe(201);

    const d1 = await tenantD1(slug);
    const total = await d1
      .prepare('SELECT COALESCE(SUM(amount_fen), 0) AS total, COUNT(*) AS n FROM ledger_postings')
      .first<{ total: number; n: number }>();
    expect(total!.n).toBeGreaterThanOrEqual(11);
    expect(total!.total).toBe(0);
    const unbalanced = await d1
      .prepare('SELECT transaction_id, SUM(amount_fen) AS s FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount_fen) <> 0')
      .all();
    expect(unbalanced.results).toEqual([]);
    const perTransaction = await d1
      .prepare(
        'SELECT COUNT(*) AS n FROM ledger_transactions t WHERE (SELECT COUNT(*) FROM ledger_postings p WHERE p.transaction_id = t.id) < 2',
      )
      .first<{ n: number }>();
    expect(perTransaction!.n).toBe(0);

    const sums = (
      await d1
        .prepare(
          "SELECT a.key AS key, COALESCE(SUM(p.amount_fen), 0) AS balance FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id WHERE a.kind = 'fund' GROUP BY a.id",
        )
        .all<{ key: string; balance: number }>()
    ).results;
    const shown = Object.fromEntries((await funds(host, residentToken)).map((f) => [f.key, f.balanceFen]));
    expect(shown).toEqual(Object.fromEntries(sums.map((s) => [s.key, s.balance])));
    expect(shown).toEqual({ hub: 80000 - 20000 + 1000 - 80000, [club]: 20000 - 7350 + 500 });
  });

  it("is append-only in the database: UPDATE or DELETE on ledger_transactions or ledger_postings fails with 'append-only'", async () => {
    const { host, slug, adminToken } = await community();
    await record(host, adminToken, donation(4200));
    const d1 = await tenantD1(slug);
    const before = {
      transactions: (await d1.prepare('SELECT * FROM ledger_transactions ORDER BY id').all()).results,
      postings: (await d1.prepare('SELECT * FROM ledger_postings ORDER BY id').all()).results,
    };
    expect(before.transactions.length).toBeGreaterThan(0);

    await expect(d1.prepare("UPDATE ledger_transactions SET memo = '改过的备注'").run()).rejects.toThrow(/append-only/);
    await expect(d1.prepare('DELETE FROM ledger_transactions').run()).rejects.toThrow(/append-only/);
    await expect(d1.prepare('UPDATE ledger_postings SET amount_fen = amount_fen * 2').run()).rejects.toThrow(/append-only/);
    await expect(d1.prepare('DELETE FROM ledger_postings').run()).rejects.toThrow(/append-only/);

    expect((await d1.prepare('SELECT * FROM ledger_transactions ORDER BY id').all()).results).toEqual(before.transactions);
    expect((await d1.prepare('SELECT * FROM ledger_postings ORDER BY id').all()).results).toEqual(before.postings);
  });

  it('has no route that edits or deletes ledger entries: no put, patch or delete under /api/ledger in the OpenAPI document', async () => {
    // The document is served beside the typed routes, not as one of them.
    const doc = await rawCall(PLATFORM, '/api/openapi.json');
    expect(doc.status).toBe(200);
    const { paths } = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }).parse(doc.json);
    const ledgerPaths = Object.entries(paths).filter(([path]) => path.startsWith('/api/ledger'));
    expect(ledgerPaths.map(([path]) => path)).toEqual(
      expect.arrayContaining(['/api/ledger/transactions', '/api/ledger/transactions/{id}/reversal', '/api/ledger/funds']),
    );
    const methods = ledgerPaths.flatMap(([, ops]) =>
      Object.keys(ops).filter((m) => ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'].includes(m)),
    );
    expect(methods.filter((m) => ['put', 'patch', 'delete'].includes(m))).toEqual([]);

    // And trying it anyway changes nothing.
    const { host, slug, adminToken, residentToken } = await community();
    await record(host, adminToken, donation(900));
    const [entry] = (await statement(host, residentToken)).entries;
    const d1 = await tenantD1(slug);
    const before = await counts(d1);
    // These routes do not exist, so only an untyped call can try them.
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await rawCall(host, `/api/ledger/transactions/${entry!.id}`, {
        method,
        body: method === 'DELETE' ? undefined : { memo: '改' },
        token: adminToken,
      });
      expect(res.status).toBe(404);
    }
    expect(await counts(d1)).toEqual(before);
    expect((await statement(host, residentToken)).entries[0]).toEqual(entry);
  });
});

describe('statements', () => {
  let c: Awaited<ReturnType<typeof community>>;
  let outsiderHereToken: string;

  beforeAll(async () => {
    c = await community();
    await record(c.host, c.adminToken, donation(50000, '居民捐赠：图书角书架'));
    await record(c.host, c.adminToken, {
      occurredOn: today(),
      category: 'supplies',
      memo: '购买书架, 含"安装"费',
      postings: [
        { fund: 'hub', amountFen: -12345 },
        { fund: 'external', amountFen: 12345 },
      ],
    });
    // A member of another community, signed in on this community's host.
    const other = await createCommunity(uid('other-founder'));
    const outsider = uid('outsider');
    const onOther = await signIn(outsider, other.host, '外小区居民');
    expect(
      (await read(client(other.host, onOther).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '外小区居民' } })))
        .status,
    ).toBe(201);
    outsiderHereToken = await signIn(outsider, c.host, '外小区居民');
  });

  it('are open: balances and totals to anyone, every entry (and the CSV) to the residents of the community', async () => {
    const hub = { param: { key: 'hub' }, query: {} };
    for (const token of [undefined, outsiderHereToken, c.residentToken]) {
      expect((await read(client(c.host, token).api.ledger.funds.$get())).status).toBe(200);
      const statement = await read(client(c.host, token).api.ledger.funds[':key'].statement.$get(hub));
      expectStatus(statement, 200);
      expect(statement.json.entriesForMembers).toBe(token !== c.residentToken);
      if (token !== c.residentToken) expect(statement.json.entries).toEqual([]);
    }
    const csv = (token?: string) => read(client(c.host, token).api.ledger.funds[':key']['statement.csv'].$get(hub));
    expect((await csv()).status).toBe(401);
    expect((await csv(outsiderHereToken)).status).toBe(403);
    expect((await csv(c.residentToken)).status).toBe(200);
    const fund = (key: string) =>
      read(client(c.host, c.residentToken).api.ledger.funds[':key'].statement.$get({ param: { key }, query: {} }));
    expect((await fund('club:999')).status).toBe(404);
    expect((await fund('external')).status).toBe(400);
  });

  it('export as CSV: a header row and one line per entry, with the memo, and no member names or phone numbers', async () => {
    const res = await statementCsv(c.host, c.residentToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="statement-hub-/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '');
    const json = await statement(c.host, c.residentToken);
    expect(lines[0]).toBe('date,entry,category,memo,income_yuan,spending_yuan,activity,reverses_entry');
    expect(lines).toHaveLength(1 + json.entries.length);
    expect(json.entries).toHaveLength(2);
    expect(lines[1]).toBe(`${today()},${json.entries[0]!.id},donation,居民捐赠：图书角书架,500.00,,,`);
    expect(lines[2]).toBe(`${today()},${json.entries[1]!.id},supplies,"购买书架, 含""安装""费",,123.45,,`);
    expect(res.text).not.toContain(ADMIN_NAME);
    expect(res.text).not.toContain(c.residentName);
    expect(res.text).not.toMatch(/1[3-9]\d{9}/);
    expect(res.text).not.toMatch(/recorded|member|phone/i);
  });
});

describe('periods', () => {
  it('entries before "from" count in the opening balance; entries on or after "to" are left out', async () => {
    const { host, adminToken, residentToken } = await community();
    await record(host, adminToken, donation(30000, '一月捐款', '2025-01-15'));
    await record(host, adminToken, donation(20000, '三月捐款', '2025-03-10'));
    await record(host, adminToken, {
      occurredOn: '2025-03-31',
      category: 'supplies',
      memo: '三月底买茶叶',
      postings: [
        { fund: 'hub', amountFen: -5000 },
        { fund: 'external', amountFen: 5000 },
      ],
    });
    await record(host, adminToken, donation(7000, '四月捐款', '2025-04-01'));

    const march = await statement(host, residentToken, 'hub', { from: '2025-03-01', to: '2025-04-01' });
    expect(march).toMatchObject({
      period: { from: '2025-03-01', to: '2025-04-01' },
      openingFen: 30000,
      income: [{ category: 'donation', amountFen: 20000 }],
      spending: [{ category: 'supplies', amountFen: 5000 }],
      incomeFen: 20000,
      spendingFen: 5000,
      surplusFen: 15000,
      closingFen: 45000,
    });
    expect(march.entries.map((e) => e.memo)).toEqual(['三月捐款', '三月底买茶叶']);

    const april = await statement(host, residentToken, 'hub', { from: '2025-04-01', to: '2025-05-01' });
    expect(april).toMatchObject({ openingFen: 45000, incomeFen: 7000, spendingFen: 0, closingFen: 52000 });

    const csv = await statementCsv(host, residentToken, { from: '2025-03-01', to: '2025-04-01' });
    expect(csv.text.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
    expect(csv.text).not.toContain('一月捐款');
    expect(csv.text).not.toContain('四月捐款');

    const badPeriod = { param: { key: 'hub' }, query: { from: 'March' } };
    expect((await read(client(host, residentToken).api.ledger.funds[':key'].statement.$get(badPeriod))).status).toBe(400);
  });
});
