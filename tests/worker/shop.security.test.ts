import { describe, expect, it, vi } from 'vitest';
import { expectStatus, read } from './helpers';
import { as, community, resident } from './community-fixtures';
import { closeDay, sell, shanghaiToday, shopVolunteer, takeIn } from './shop-fixtures';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

describe('the charity shop across roles and communities', () => {
  it('gives each role exactly its part, names no one to visitors, and shows another community nothing', async () => {
    const a = await community();
    const b = await community();
    const volunteer = await shopVolunteer(a.host, a.admin, '店员阿芳');
    const member = await resident(a.host, '邻居老宋');
    const donor = await resident(a.host, '捐赠人钱阿姨');
    const item = await takeIn(a.host, volunteer, { title: '儿童绘本', donor: { kind: 'member', memberId: donor.id, follows: true } });
    const other = await takeIn(a.host, volunteer, { title: '保温壶', donor: { kind: 'named', name: '孙大爷' } });
    expectStatus(await sell(a.host, volunteer, item.id, 1000), 201);
    const day = shanghaiToday();
    const id = { param: { id: String(other.id) } };

    // Visitor: the statement and settings, nothing else.
    const statement = await read(as(a.host).shop.statement.$get({ query: {} }));
    expectStatus(statement, 200);
    for (const name of ['钱阿姨', '孙大爷', '阿芳']) expect(JSON.stringify(statement.json)).not.toContain(name);
    expectStatus(await read(as(a.host).shop.settings.$get()), 200);
    expectStatus(await read(as(a.host).shop.items.$get({ query: {} })), 401);
    expectStatus(await read(as(a.host).shop['my-donations'].$get()), 401);
    expectStatus(await read(as(a.host).shop.desk.items.$get({ query: {} })), 401);
    expectStatus(await read(as(a.host).shop.days[':day'].$get({ param: { day } })), 401);

    // Member: the stock (no donor), their donations; no desk, no till, no settings.
    const stock = await read(as(a.host, member).shop.items.$get({ query: {} }));
    expectStatus(stock, 200);
    expect(stock.json.items.every((i) => i.donor === null && i.leftNote === null)).toBe(true);
    expect(JSON.stringify(stock.json)).not.toContain('孙大爷');
    for (const res of [
      await read(as(a.host, member).shop.desk.items.$get({ query: {} })),
      await read(as(a.host, member).shop.desk.items[':id'].$get(id)),
      await read(as(a.host, member).shop.desk.donors.$get({ query: { q: '钱' } })),
      await read(as(a.host, member).shop.days[':day'].$get({ param: { day } })),
      await read(as(a.host, member).shop.items[':id'].departure.$post({ ...id, json: { status: 'recycled' } })),
      await closeDay(a.host, member, day, { seenTotalFen: 1000, countedFen: 1000 }),
      await read(as(a.host, member).shop.settings.$put({ json: { bandsFen: [100], fundKey: 'hub' } })),
      await read(as(a.host, member).shop['proceeds-uses'].$get()),
    ])
      expectStatus(res, 403);

    // The donor sees what became of the item they follow; another member sees no donations of theirs.
    const mine = await read(as(a.host, donor).shop['my-donations'].$get());
    expectStatus(mine, 200);
    expect(mine.json.items.map((i) => [i.code, i.status])).toEqual([[item.code, 'sold']]);
    expect((await read(as(a.host, member).shop['my-donations'].$get())).json).toMatchObject({ items: [] });

    // Volunteer: the desk with donors; not the settings nor the proceeds.
    const desk = await read(as(a.host, volunteer).shop.desk.items[':id'].$get(id));
    expectStatus(desk, 200);
    expect(desk.json.donor).toEqual({ kind: 'named', name: '孙大爷', follows: false });
    expectStatus(await read(as(a.host, volunteer).shop.settings.$put({ json: { bandsFen: [100], fundKey: 'hub' } })), 403);
    expectStatus(await read(as(a.host, volunteer).shop['proceeds-uses'].$get()), 403);

    // Administrator: settings and proceeds, but not the till unless appointed.
    expectStatus(await read(as(a.host, a.admin).shop['proceeds-uses'].$get()), 200);
    expectStatus(await closeDay(a.host, a.admin, day, { seenTotalFen: 1000, countedFen: 1000 }), 403);

    // Another community: its own volunteer finds none of A's items, its statement counts nothing of A's, and A's
    // tokens do nothing there.
    const bVolunteer = await shopVolunteer(b.host, b.admin, '另一店员');
    expectStatus(await read(as(b.host, bVolunteer).shop.desk.items[':id'].$get(id)), 404);
    expectStatus(await sell(b.host, bVolunteer, other.id, 1000), 404);
    const bStatement = await read(as(b.host).shop.statement.$get({ query: {} }));
    expectStatus(bStatement, 200);
    expect(bStatement.json.inStock).toBe(0);
    expect(bStatement.json.months.every((m) => m.itemsIn === 0 && m.takingsFen === 0)).toBe(true);
    const foreign = await sell(b.host, volunteer, other.id, 1000);
    expect([401, 403]).toContain(foreign.status);
    // And A's item is still in A's stock.
    expectStatus(await sell(a.host, volunteer, other.id, 1000), 201);
  });
});
