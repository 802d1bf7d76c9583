import { describe, expect, it, vi } from 'vitest';
import { careFigures } from '../../worker/community/care/figures';
import { runFigureReads } from '../../worker/community/programs/figure-reads';
import { as, byId, resident, uniq } from './community-fixtures';
import { careCommunity, confirm, daysAgo, elder, logVisit, notificationsOf, pairWith } from './care-fixtures';
import { bodyOf, errorOf, expectStatus, read, tenantD1, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('elder care: registration, pairing, visits and the time bank', () => {
  it('registers with consent recorded, pairs, logs a concern that reaches coordinators and the building contacts, and banks confirmed hours once', async () => {
    const s = await careCommunity();
    const api = (who: typeof s.admin) => as(s.host, who);

    // Consent is recorded as given: self means self, on behalf means in person, by phone or in writing.
    const badSelf = await read(
      api(s.plain).care.recipients.$post({ json: elder(s.buildingId, { registeredAs: 'self', consentHow: 'phone' }) }),
    );
    expect(badSelf.status).toBe(400);
    expect(errorOf(badSelf.json).details).toHaveProperty('consentHow');
    const future = await read(
      api(s.plain).care.recipients.$post({ json: elder(s.buildingId, { registeredAs: 'family', consentOn: daysAgo(-3) }) }),
    );
    expect(future.status).toBe(400);
    const nowhere = await read(api(s.plain).care.recipients.$post({ json: elder(99999, { registeredAs: 'family' }) }));
    expect([nowhere.status, errorOf(nowhere.json).details]).toEqual([400, { buildingId: ['No such building'] }]);
    expectStatus(
      await read(api(s.plain).care.recipients.$post({ json: elder(s.buildingId, { registeredAs: 'family', consentHow: 'phone' }) })),
      201,
    );
    const record = bodyOf(await read(api(s.contact)['care-recipients'][':id'].$get(byId(s.recipientId))), 200);
    expect(record.registeredBy.id).toBe(s.contact.id);
    expect([record.registeredAs, record.consentHow, record.needs]).toEqual([
      'building-contact',
      'in-person',
      ['companionship', 'clinic-escort'],
    ]);

    // The coordinators' list shows the younger volunteer first, with skills and age band; a registered volunteer only is paired.
    const overview = bodyOf(await read(api(s.coordinator).care.overview.$get()), 200);
    const ids = overview.volunteers.map((v) => v.id);
    expect(ids.indexOf(s.young.id)).toBeLessThan(ids.indexOf(s.other.id));
    expect(overview.volunteers.find((v) => v.id === s.young.id)).toMatchObject({
      ageBand: '30-49',
      underFifty: true,
      skills: '陪聊、买菜',
    });
    expect((await pairWith(s.host, s.coordinator, s.recipientId, s.plain.id)).status).toBe(400);
    expectStatus(await pairWith(s.host, s.coordinator, s.recipientId, s.young.id), 201);
    expect((await pairWith(s.host, s.coordinator, s.recipientId, s.young.id)).status).toBe(409);

    // A visit with a concern notifies the coordinators and the building's contact at once; nobody else.
    const visitId = bodyOf(await logVisit(s.host, s.young, s.recipientId, { concern: true }), 201).id;
    for (const who of [s.coordinator, s.admin, s.contact]) {
      const { notifications } = await notificationsOf(s.host, who);
      expect(
        notifications.some((n) => n.textZh.includes('需要关注')),
        who.name,
      ).toBe(true);
    }
    for (const who of [s.otherContact, s.plain, s.other]) {
      const { notifications } = await notificationsOf(s.host, who);
      expect(
        notifications.some((n) => n.textZh.includes('需要关注')),
        who.name,
      ).toBe(false);
    }
    const withConcern = bodyOf(await read(api(s.coordinator).care.overview.$get()), 200);
    expect(withConcern.concerns.map((v) => v.id)).toContain(visitId);
    const followUp = () =>
      read(
        api(s.coordinator)['care-recipients'][':id'].visits[':visitId']['follow-up'].$post({
          param: { id: String(s.recipientId), visitId: String(visitId) },
          json: { note: '已电话联系儿子，周末陪同就医' },
        }),
      );
    expectStatus(await followUp(), 200);
    expect((await followUp()).status).toBe(409);
    expect(bodyOf(await read(api(s.coordinator).care.overview.$get()), 200).concerns).toEqual([]);

    // Confirmation banks the hours once.
    expectStatus(await confirm(s.host, s.coordinator, s.recipientId, visitId), 200);
    expect((await confirm(s.host, s.admin, s.recipientId, visitId)).status).toBe(409);
    const bank = bodyOf(await read(api(s.young).care['time-bank'].$get()), 200);
    expect([bank.balanceMinutes, bank.entries.map((e) => e.kind)]).toEqual([60, ['earned']]);

    // The ledger refuses changes at the database.
    const d1 = await tenantD1(s.slug);
    await expect(d1.prepare('UPDATE time_bank_entries SET minutes = 6000').run()).rejects.toThrow(/append-only/);
    await expect(d1.prepare('DELETE FROM time_bank_entries').run()).rejects.toThrow(/append-only/);

    // Figures for the program page.
    const month = daysAgo(0).slice(0, 7);
    const figures = await (async () => {
      const db = await tenantDb(s.slug);
      return runFigureReads(db, careFigures.reads(db, [month], 'Asia/Shanghai'));
    })();
    const value = (key: string) => figures.find((f) => f.key === key)?.values[month];
    expect([value('recipients-served'), value('visits'), value('care-hours'), value('under-fifty')]).toEqual([1, 1, 1, 100]);
    expect([value('concerns'), value('concerns-followed')]).toEqual([1, 1]);
  });

  it('flags a recipient with no visit in the set number of days, on the community calendar', async () => {
    const s = await careCommunity();
    expectStatus(await pairWith(s.host, s.admin, s.recipientId, s.other.id), 201);
    expectStatus(await logVisit(s.host, s.other, s.recipientId, { visitedOn: daysAgo(15) }), 201);
    const flagged = bodyOf(await read(as(s.host, s.admin).care.overview.$get()), 200).recipients.find((r) => r.id === s.recipientId)!;
    expect([flagged.daysWithoutVisit, flagged.overdue]).toEqual([15, true]);
    expectStatus(await read(as(s.host, s.admin).care.settings.$put({ json: { staleDays: 20 } })), 200);
    const relaxed = bodyOf(await read(as(s.host, s.admin).care.overview.$get()), 200).recipients.find((r) => r.id === s.recipientId)!;
    expect(relaxed.overdue).toBe(false);
    expect((await logVisit(s.host, s.other, s.recipientId, { visitedOn: daysAgo(-1) })).status).toBe(400);
  });

  it('moves banked hours safely: of two gifts of the same hours at once one is refused, and no balance goes below zero', async () => {
    const s = await careCommunity();
    expectStatus(await pairWith(s.host, s.coordinator, s.recipientId, s.young.id), 201);
    const visitId = bodyOf(await logVisit(s.host, s.young, s.recipientId, { minutes: 90 }), 201).id;
    expectStatus(await confirm(s.host, s.coordinator, s.recipientId, visitId), 200);
    const mother = await resident(s.host, uniq('小李妈妈'));
    const gift = () =>
      read(as(s.host, s.young).care['time-bank'].gifts.$post({ json: { toMemberId: mother.id, minutes: 90, note: '给妈妈' } }));
    const results = await Promise.all([gift(), gift()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(bodyOf(await read(as(s.host, s.young).care['time-bank'].$get()), 200).balanceMinutes).toBe(0);
    const hers = bodyOf(await read(as(s.host, mother).care['time-bank'].$get()), 200);
    expect([hers.balanceMinutes, hers.entries[0]?.kind, hers.entries[0]?.counterpart]).toEqual([90, 'gift-in', s.young.name]);

    // Spending: never more than the balance, never a fraction of a quarter hour; the coordinators hear of the request.
    const use = (minutes: number) =>
      read(as(s.host, mother).care['time-bank'].uses.$post({ json: { minutes, request: '周三下午陪我去医院复查' } }));
    expect((await use(100)).status).toBe(400);
    expect((await use(120)).status).toBe(409);
    expectStatus(await use(60), 201);
    expect(bodyOf(await read(as(s.host, mother).care['time-bank'].$get()), 200).balanceMinutes).toBe(30);
    expect((await notificationsOf(s.host, s.coordinator)).notifications.some((n) => n.textZh.includes('陪我去医院复查'))).toBe(true);
    expect((await read(as(s.host, s.young).care['time-bank'].gifts.$post({ json: { toMemberId: s.young.id, minutes: 15 } }))).status).toBe(
      400,
    );
    expect((await read(as(s.host, s.young).care['time-bank'].gifts.$post({ json: { toMemberId: 99999, minutes: 15 } }))).status).toBe(404);
  });
});
