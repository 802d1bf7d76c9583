import { describe, expect, it, vi } from 'vitest';
import { activeClub, as, byId, community, type Person, resident, uniq } from './community-fixtures';
import { bodyOf, expectStatus, read, signIn } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** A community with a need posted on behalf of a neighbour, and a person in every role. */
async function setup() {
  const c = await community();
  const poster = await resident(c.host, uniq('发布人'));
  const plain = await resident(c.host, uniq('居民'));
  const contact = await resident(c.host, uniq('联络人'));
  const { buildings } = bodyOf(await read(as(c.host).buildings.$get()), 200);
  expectStatus(
    await read(
      as(c.host, c.admin).members[':memberId'].roles.$put({
        param: { memberId: String(contact.id) },
        json: { roles: [{ role: 'building-contact', buildingId: buildings[0]!.id }] },
      }),
    ),
    200,
  );
  const leader = await resident(c.host, uniq('社长'));
  await activeClub(c.host, c.admin, leader);
  // Signed in but not a member: a visitor with an account.
  const outsider: Person = { token: await signIn(uniq('outsider'), c.host, '路人'), id: 0, name: '路人' };
  const need = bodyOf(
    await read(
      as(c.host, poster).needs.$post({
        json: { title: '帮独居老人换灯泡', category: 'repairs', beneficiary: 'neighbour', onBehalf: { name: '孙奶奶', flat: '2栋101' } },
      }),
    ),
    201,
  ).id;
  return { ...c, poster, plain, contact, leader, outsider, need };
}

describe('who may do what with a need', () => {
  it('answers every role as the access rules and the lifecycle say', async () => {
    const s = await setup();
    const claim = (who?: Person) => read(as(s.host, who).needs[':id'].claim.$post(byId(s.need)));
    const respond = (who?: Person) => read(as(s.host, who).needs[':id'].responses.$post({ ...byId(s.need), json: { kind: 'me-too' } }));
    const decline = (who?: Person) =>
      read(as(s.host, who).needs[':id'].transitions.$post({ ...byId(s.need), json: { to: 'wont-do', note: '不做' } }));
    const turn = (who?: Person) =>
      read(
        as(s.host, who).needs[':id']['turn-into'].$post({
          ...byId(s.need),
          json: { kind: 'program-task', programKey: 'elder-care', note: '交给居家养老' },
        }),
      );
    const settings = (who?: Person) => read(as(s.host, who).needs.settings.$put({ json: { reviewAfterDays: 10 } }));

    // Visitors: read without names; change nothing.
    for (const call of [claim, respond, decline, turn, settings]) expect((await call()).status).toBe(401);
    for (const call of [claim, respond, decline, turn, settings]) expect((await call(s.outsider)).status).toBe(403);
    const seenByOutsider = bodyOf(await read(as(s.host, s.outsider).needs[':id'].$get(byId(s.need))), 200);
    expect([seenByOutsider.posterName, seenByOutsider.onBehalfName]).toEqual([null, null]);

    // A plain member says "me too", nothing more.
    expectStatus(await respond(s.plain), 200);
    for (const call of [claim, decline, turn, settings]) expect((await call(s.plain)).status).toBe(403);
    // The poster may not decline or claim their own need; a steward may not turn a need they did not claim.
    expect((await decline(s.poster)).status).toBe(403);
    expect((await claim(s.poster)).status).toBe(403);
    expect((await turn(s.contact)).status).toBe(403);
    expect((await settings(s.contact)).status).toBe(403);
    expect((await settings(s.leader)).status).toBe(403);

    // The club leader claims; then the contact cannot take it over, the leader carries it on.
    expectStatus(await claim(s.leader), 200);
    expect((await claim(s.contact)).status).toBe(409);
    expect((await decline(s.contact)).status).toBe(403);
    expectStatus(await turn(s.leader), 200);
    expect((await decline(s.admin)).status).toBe(409);
    expectStatus(await settings(s.admin), 200);
  });

  it("keeps each community's needs to itself: another community's need is not found", async () => {
    const a = await setup();
    const b = await community();
    const other = await resident(b.host, uniq('别处居民'));
    // The other community has no need with this id; its admin and residents get 404 for every step.
    expect((await read(as(b.host).needs[':id'].$get(byId(a.need)))).status).toBe(404);
    expect((await read(as(b.host, b.admin).needs[':id'].claim.$post(byId(a.need)))).status).toBe(404);
    expect((await read(as(b.host, other).needs[':id'].responses.$post({ ...byId(a.need), json: { kind: 'me-too' } }))).status).toBe(404);
    expect(
      (await read(as(b.host, b.admin).needs[':id'].transitions.$post({ ...byId(a.need), json: { to: 'wont-do', note: '不做' } }))).status,
    ).toBe(404);
    const list = bodyOf(await read(as(b.host, b.admin).needs.$get({ query: {} })), 200);
    expect(list.needs).toEqual([]);
    // A token from one community's host is not valid on the other's.
    expect((await read(as(b.host, a.admin).needs[':id'].claim.$post(byId(a.need)))).status).toBe(401);
    expect(bodyOf(await read(as(a.host, a.poster).needs[':id'].$get(byId(a.need))), 200).state).toBe('unclaimed');
  });
});
