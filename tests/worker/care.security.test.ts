import { describe, expect, it, vi } from 'vitest';
import { as, byId, type Person } from './community-fixtures';
import { careCommunity, confirm, elder, logVisit, pairWith } from './care-fixtures';
import { bodyOf, expectStatus, rawCall, read } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe("an elder's care record reaches only the pairing, the coordinators and whoever registered them", () => {
  it('answers every role, and shows another community nothing', async () => {
    const [a, b] = [await careCommunity(), await careCommunity()];
    expectStatus(await pairWith(a.host, a.coordinator, a.recipientId, a.young.id), 201);
    const visitId = bodyOf(await logVisit(a.host, a.young, a.recipientId, { concern: true }), 201).id;
    const id = String(a.recipientId);
    const visit = { param: { id, visitId: String(visitId) } };
    const api = (who?: Person) => as(a.host, who);
    const readRecord = async (who?: Person) => (await read(api(who)['care-recipients'][':id'].$get(byId(a.recipientId)))).status;

    // The record: coordinators (appointed and administrators), the paired volunteer, the contact who registered.
    for (const who of [a.coordinator, a.admin, a.young, a.contact]) expect(await readRecord(who), who.name).toBe(200);
    // Nobody else: another volunteer, another building's contact, a plain member, a signed-in visitor, an anonymous one.
    for (const who of [a.other, a.otherContact, a.plain, a.outsider]) expect(await readRecord(who), who.name).toBe(403);
    expect(await readRecord()).toBe(401);
    // Nor does the record leak through the lists people can read.
    for (const who of [a.other, a.plain, a.otherContact]) {
      const mine = bodyOf(await read(api(who).care.me.$get()), 200);
      expect(JSON.stringify(mine), who.name).not.toContain('王奶奶');
    }
    for (const who of [a.young, a.other, a.contact, a.plain])
      expect((await read(api(who).care.overview.$get())).status, who.name).toBe(403);
    // A volunteer whose pairing ended loses the record.
    const pairing = bodyOf(await pairWith(a.host, a.admin, a.recipientId, a.other.id), 201).id;
    expect(await readRecord(a.other)).toBe(200);
    expectStatus(
      await read(api(a.admin)['care-recipients'][':id'].pairings[':pairingId'].end.$post({ param: { id, pairingId: String(pairing) } })),
      200,
    );
    expect(await readRecord(a.other)).toBe(403);

    // Who may act: only the paired volunteer logs visits; only coordinators pair, confirm, follow up and set the limit.
    for (const who of [a.other, a.contact, a.plain, a.coordinator])
      expect((await logVisit(a.host, who, a.recipientId)).status, who.name).toBe(403);
    for (const who of [a.young, a.contact, a.plain]) {
      expect((await pairWith(a.host, who, a.recipientId, a.other.id)).status, who.name).toBe(403);
      expect((await confirm(a.host, who, a.recipientId, visitId)).status, who.name).toBe(403);
      expect(
        (await read(api(who)['care-recipients'][':id'].visits[':visitId']['follow-up'].$post({ ...visit, json: { note: 'x' } }))).status,
        who.name,
      ).toBe(403);
      expect((await read(api(who).care.settings.$put({ json: { staleDays: 7 } }))).status, who.name).toBe(403);
    }
    // A building contact registers on behalf of an elder of their own building only.
    expect((await read(api(a.otherContact).care.recipients.$post({ json: elder(a.buildingId) }))).status).toBe(403);
    expect((await read(api(a.plain).care.recipients.$post({ json: elder(a.buildingId) }))).status).toBe(403);
    expect((await read(api(a.outsider).care.recipients.$post({ json: elder(a.buildingId, { registeredAs: 'family' }) }))).status).toBe(403);
    // The time bank is one's own: anonymous callers are asked to sign in.
    expect((await rawCall(a.host, '/api/care/time-bank')).status).toBe(401);
    expect((await rawCall(a.host, '/api/care/time-bank/gifts', { body: { toMemberId: a.plain.id, minutes: 15 } })).status).toBe(401);

    // Another community's administrator and coordinator: a's recipient and visit do not exist there.
    for (const who of [b.admin, b.coordinator]) {
      expect((await read(as(b.host, who)['care-recipients'][':id'].$get(byId(a.recipientId + 1000)))).status).toBe(404);
      expect((await confirm(b.host, who, a.recipientId + 1000, visitId)).status).toBe(404);
      expect((await pairWith(b.host, who, a.recipientId + 1000, b.young.id)).status).toBe(404);
      const overview = bodyOf(await read(as(b.host, who).care.overview.$get()), 200);
      expect(JSON.stringify(overview)).not.toContain(a.young.name);
    }
    // a's token means nothing on b's host.
    expect((await read(as(b.host, a.admin)['care-recipients'][':id'].$get(byId(b.recipientId)))).status).not.toBe(200);
  });
});
