import { describe, expect, it, vi } from 'vitest';
import { expectStatus, read, tenantD1 } from './helpers';
import { as, community, resident } from './community-fixtures';
import { closeDay, dayOf, sell, shanghaiToday, shopVolunteer, takeIn } from './shop-fixtures';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('the charity shop: intake, sales and closing the day', () => {
  it('takes an item in at a price band with a label code, and refuses a price that is not a band', async () => {
    const { host, admin } = await community();
    const volunteer = await shopVolunteer(host, admin);
    const item = await takeIn(host, volunteer);
    expect(item.code).toBe(`CH-${String(item.id).padStart(4, '0')}`);
    const off = await read(
      as(host, volunteer).shop.items.$post({
        json: { title: '台灯', category: 'home', condition: 'good', priceFen: 700, donor: { kind: 'anonymous' } },
      }),
    );
    expectStatus(off, 400);
    expect(off.json.error.details).toHaveProperty('priceFen');
  });

  it('lets only shop volunteers take in and sell: a member gets 403, a visitor 401', async () => {
    const { host, admin } = await community();
    const volunteer = await shopVolunteer(host, admin);
    const member = await resident(host, '邻居老马');
    const item = await takeIn(host, volunteer);
    expectStatus(await sell(host, member, item.id, 1000), 403);
    expectStatus(await sell(host, undefined, item.id, 1000), 401);
    expectStatus(
      await read(
        as(host, member).shop.items.$post({
          json: { title: '书', category: 'books', condition: 'good', priceFen: 200, donor: { kind: 'anonymous' } },
        }),
      ),
      403,
    );
    // An administrator is not a shop volunteer until appointed one.
    expectStatus(await sell(host, admin, item.id, 1000), 403);
    expectStatus(await sell(host, volunteer, item.id, 1000), 201);
  });

  it('sells an item once when two volunteers sell it at the same moment', async () => {
    const { host, admin, slug } = await community();
    const a = await shopVolunteer(host, admin, '店员甲');
    const b = await shopVolunteer(host, admin, '店员乙');
    const item = await takeIn(host, a);
    const results = await Promise.all([
      sell(host, a, item.id, 1000),
      sell(host, b, item.id, 1000),
      sell(host, a, item.id, 500),
      sell(host, b, item.id, 2000),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const d1 = await tenantD1(slug);
    const sales = await d1.prepare('SELECT COUNT(*) AS n FROM shop_sales WHERE item_id = ?').bind(item.id).first<{ n: number }>();
    expect(sales?.n).toBe(1);
    const again = await sell(host, a, item.id, 1000);
    expectStatus(again, 409);
  });

  it('passes an item on with a note only volunteers read, recycles another, and refuses to sell either', async () => {
    const { host, admin } = await community();
    const volunteer = await shopVolunteer(host, admin);
    const member = await resident(host, '邻居小赵');
    const coat = await takeIn(host, volunteer, { title: '冬季棉衣' });
    const broken = await takeIn(host, volunteer, { title: '旧电风扇', category: 'electronics', condition: 'fair' });
    const passed = await read(
      as(host, volunteer).shop.items[':id'].departure.$post({
        param: { id: String(coat.id) },
        json: { status: 'passed-on', note: '给 7 栋独居的刘奶奶' },
      }),
    );
    expectStatus(passed, 200);
    expect(passed.json.leftNote).toBe('给 7 栋独居的刘奶奶');
    expectStatus(
      await read(as(host, volunteer).shop.items[':id'].departure.$post({ param: { id: String(broken.id) }, json: { status: 'recycled' } })),
      200,
    );
    expectStatus(await sell(host, volunteer, coat.id, 1000), 409);
    expectStatus(
      await read(as(host, volunteer).shop.items[':id'].departure.$post({ param: { id: String(coat.id) }, json: { status: 'recycled' } })),
      409,
    );
    // Members browsing the stock see neither, and never a note or a donor.
    const stock = await read(as(host, member).shop.items.$get({ query: {} }));
    expectStatus(stock, 200);
    expect(stock.json.items.map((i) => i.id)).not.toContain(coat.id);
    expect(JSON.stringify(stock.json)).not.toContain('刘奶奶');
  });

  it('closes the day: records total, counted cash and the difference with its note, and posts one balanced ledger entry to the fund', async () => {
    const { host, admin, slug } = await community();
    const volunteer = await shopVolunteer(host, admin);
    const a = await takeIn(host, volunteer, { priceFen: 1000 });
    const b = await takeIn(host, volunteer, { priceFen: 500 });
    expectStatus(await sell(host, volunteer, a.id, 1000), 201);
    expectStatus(await sell(host, volunteer, b.id, 500), 201);
    const day = shanghaiToday();
    const before = await dayOf(host, volunteer, day);
    expectStatus(before, 200);
    expect(before.json.systemTotalFen).toBe(1500);
    expect(before.json.unclosedDays).toEqual([day]);

    // A difference needs a note.
    const silent = await closeDay(host, volunteer, day, { seenTotalFen: 1500, countedFen: 1300 });
    expectStatus(silent, 400);
    expect(silent.json.error.details).toHaveProperty('note');

    const closed = await closeDay(host, volunteer, day, { seenTotalFen: 1500, countedFen: 1300, note: '找零时多找了 2 元' });
    expectStatus(closed, 201);
    expect(closed.json.closing).toMatchObject({
      systemTotalFen: 1500,
      countedFen: 1300,
      differenceFen: -200,
      note: '找零时多找了 2 元',
      fundKey: 'hub',
    });
    expect(closed.json.unclosedDays).toEqual([]);

    const d1 = await tenantD1(slug);
    const entries = await d1
      .prepare(
        `SELECT t.id, t.category, SUM(p.amount_fen) AS net, COUNT(p.id) AS postings,
           SUM(CASE WHEN a.key = 'hub' THEN p.amount_fen ELSE 0 END) AS hub
         FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id JOIN ledger_accounts a ON a.id = p.account_id
         WHERE t.category = 'shop-takings' GROUP BY t.id`,
      )
      .all<{ net: number; postings: number; hub: number }>();
    expect(entries.results).toHaveLength(1);
    expect(entries.results[0]).toMatchObject({ net: 0, postings: 2, hub: 1300 });

    // A day closes once, and once closed it takes no more sales.
    expectStatus(await closeDay(host, volunteer, day, { seenTotalFen: 1500, countedFen: 1500 }), 409);
    const late = await takeIn(host, volunteer, { priceFen: 200 });
    expectStatus(await sell(host, volunteer, late.id, 200), 409);
    const after = await d1.prepare(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE category = 'shop-takings'`).first<{ n: number }>();
    expect(after?.n).toBe(1);
  });

  it('refuses a closing whose total changed since the volunteer looked, and two closings at once close the day once', async () => {
    const { host, admin, slug } = await community();
    const volunteer = await shopVolunteer(host, admin);
    const item = await takeIn(host, volunteer, { priceFen: 2000 });
    expectStatus(await sell(host, volunteer, item.id, 2000), 201);
    const day = shanghaiToday();
    const stale = await closeDay(host, volunteer, day, { seenTotalFen: 0, countedFen: 0 });
    expectStatus(stale, 409);
    const both = await Promise.all([
      closeDay(host, volunteer, day, { seenTotalFen: 2000, countedFen: 2000 }),
      closeDay(host, volunteer, day, { seenTotalFen: 2000, countedFen: 2000 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const d1 = await tenantD1(slug);
    const n = await d1.prepare(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE category = 'shop-takings'`).first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it("posts the takings to the fund chosen in the shop's settings, which only administrators change", async () => {
    const { host, admin } = await community();
    const volunteer = await shopVolunteer(host, admin);
    expectStatus(await read(as(host, volunteer).shop.settings.$put({ json: { bandsFen: [100, 300], fundKey: 'hub' } })), 403);
    const bad = await read(as(host, admin).shop.settings.$put({ json: { bandsFen: [500, 200], fundKey: 'hub' } }));
    expectStatus(bad, 400);
    expect(bad.json.error.details).toHaveProperty('bandsFen');
    const unknownFund = await read(as(host, admin).shop.settings.$put({ json: { bandsFen: [200], fundKey: 'club:999' } }));
    expectStatus(unknownFund, 400);
    const set = await read(as(host, admin).shop.settings.$put({ json: { bandsFen: [100, 300, 800], fundKey: 'hub' } }));
    expectStatus(set, 200);
    expect(set.json.bandsFen).toEqual([100, 300, 800]);
    const item = await takeIn(host, volunteer, { priceFen: 300 });
    expectStatus(await sell(host, volunteer, item.id, 1000), 400);
    expectStatus(await sell(host, volunteer, item.id, 800), 201);
  });

  it('shows the public statement with the month’s takings and what the proceeds paid for, and a donor who follows sees their items', async () => {
    const { host, admin } = await community();
    const volunteer = await shopVolunteer(host, admin);
    const donor = await resident(host, '捐赠人陈阿姨');
    const followed = await takeIn(host, volunteer, {
      title: '绘本一套',
      category: 'books',
      priceFen: 2000,
      donor: { kind: 'member', memberId: donor.id, follows: true },
    });
    await takeIn(host, volunteer, {
      title: '保温杯',
      category: 'kitchen',
      priceFen: 500,
      donor: { kind: 'member', memberId: donor.id, follows: false },
    });
    await takeIn(host, volunteer, { title: '跳绳', category: 'sports', priceFen: 200, donor: { kind: 'named', name: '王大伯' } });
    expectStatus(await sell(host, volunteer, followed.id, 2000), 201);
    const day = shanghaiToday();
    expectStatus(await closeDay(host, volunteer, day, { seenTotalFen: 2000, countedFen: 2000 }), 201);

    // The administrator records spending from the hub fund and marks it as paid from the proceeds.
    expectStatus(
      await read(
        as(host, admin).ledger.transactions.$post({
          json: {
            occurredOn: day,
            category: 'activity-costs',
            memo: '购买图书寄给结对村小学',
            postings: [
              { fund: 'hub', amountFen: -1500 },
              { fund: 'external', amountFen: 1500 },
            ],
          },
        }),
      ),
      201,
    );
    const spending = await read(as(host, admin).shop['proceeds-uses'].$get());
    expectStatus(spending, 200);
    const books = spending.json.spending.find((s) => s.memo === '购买图书寄给结对村小学');
    expect(books).toBeDefined();
    expectStatus(
      await read(
        as(host, admin).shop['proceeds-uses'][':transactionId'].$put({
          param: { transactionId: String(books!.transactionId) },
          json: { purpose: '结对村小学的图书' },
        }),
      ),
      200,
    );

    const statement = await read(as(host).shop.statement.$get({ query: { months: '2' } }));
    expectStatus(statement, 200);
    const month = statement.json.months.at(-1)!;
    expect(month).toMatchObject({ month: day.slice(0, 7), itemsIn: 3, sold: 1, takingsFen: 2000, spentFen: 1500 });
    expect(statement.json.inStock).toBe(2);
    expect(statement.json.uses).toEqual([expect.objectContaining({ purpose: '结对村小学的图书', amountFen: 1500 })]);
    const text = JSON.stringify(statement.json);
    for (const name of ['陈阿姨', '王大伯', volunteer.name]) expect(text).not.toContain(name);

    const mine = await read(as(host, donor).shop['my-donations'].$get());
    expectStatus(mine, 200);
    expect(mine.json.items.map((i) => [i.title, i.status])).toEqual([['绘本一套', 'sold']]);

    // The desk shows volunteers who gave what.
    const desk = await read(as(host, volunteer).shop.desk.items.$get({ query: {} }));
    expectStatus(desk, 200);
    expect(desk.json.items.map((i) => i.donor.name).sort()).toEqual(['捐赠人陈阿姨', '捐赠人陈阿姨', '王大伯']);
  });
});
