import { describe, expect, it, vi } from 'vitest';
import { activeClub, as, byId, detail, inDays, type Person, resident, sharedCommunity, uniq } from './community-fixtures';
import { bodyOf, expectStatus, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const setRoles = (host: string, admin: Person, memberId: number, roles: { role: 'building-contact'; buildingId: number }[]) =>
  read(as(host, admin).members[':memberId'].roles.$put({ param: { memberId: String(memberId) }, json: { roles } }));

async function contactOf(host: string, admin: Person) {
  const { buildings } = bodyOf(await read(as(host).buildings.$get()), 200);
  const contact = await resident(host, uniq('联络人'));
  expectStatus(await setRoles(host, admin, contact.id, [{ role: 'building-contact', buildingId: buildings[0]!.id }]), 200);
  return contact;
}

async function post(
  host: string,
  who: Person,
  extra: Partial<{ beneficiary: 'self' | 'family' | 'neighbour'; onBehalf: { name: string; flat?: string } }> = {},
) {
  const title = uniq('周末有人教老人用手机吗');
  const res = await read(
    as(host, who).needs.$post({
      json: { title, description: '家里老人想学视频通话和扫码', category: 'elderly', beneficiary: 'family', ...extra },
    }),
  );
  return { id: bodyOf(res, 201).id, title };
}

const needOf = async (host: string, id: number, who?: Person) => bodyOf(await read(as(host, who).needs[':id'].$get(byId(id))), 200);
const claim = (host: string, id: number, who: Person) => read(as(host, who).needs[':id'].claim.$post(byId(id)));
const move = (host: string, id: number, who: Person, to: 'unclaimed' | 'solved' | 'wont-do', note?: string) =>
  read(as(host, who).needs[':id'].transitions.$post({ ...byId(id), json: { to, note } }));
const notes = async (host: string, who: Person) => bodyOf(await read(as(host, who).me.notifications.$get()), 200).notifications;

describe('the needs register', () => {
  const shared = sharedCommunity();

  it('takes a need from a member, not from a visitor, and counts "me too" once per member as a toggle', async () => {
    const { host } = shared();
    const poster = await resident(host, uniq('王阿姨'));
    const neighbour = await resident(host, uniq('邻居'));
    expect((await read(as(host).needs.$post({ json: { title: '想学太极拳', category: 'health', beneficiary: 'self' } }))).status).toBe(401);
    const { id } = await post(host, poster);
    const on = bodyOf(await read(as(host, neighbour).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'me-too' } })), 200);
    expect(on).toEqual({ on: true, count: 1 });
    const help = await read(
      as(host, neighbour).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'can-help', note: '我周六下午有空' } }),
    );
    expect(bodyOf(help, 200).count).toBe(1);
    const off = bodyOf(await read(as(host, neighbour).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'me-too' } })), 200);
    expect(off).toEqual({ on: false, count: 0 });
    const own = await read(as(host, poster).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'me-too' } }));
    expect(own.status).toBe(409);
    const seen = await needOf(host, id, poster);
    expect(seen.meToo).toBe(0);
    expect(seen.responses).toEqual([expect.objectContaining({ kind: 'can-help', note: '我周六下午有空', name: neighbour.name })]);
    // A need posted for oneself cannot carry a neighbour's name.
    const wrong = await read(
      as(host, poster).needs.$post({
        json: { title: '帮邻居修水龙头', category: 'repairs', beneficiary: 'self', onBehalf: { name: '张奶奶' } },
      }),
    );
    expect(wrong.status).toBe(400);
  });

  it('shows a visitor no names and not the neighbour; the neighbour only to the poster and coordinators', async () => {
    const { host, admin } = shared();
    const poster = await resident(host, uniq('李叔'));
    const other = await resident(host, uniq('旁人'));
    const fan = await resident(host, uniq('也需要'));
    const { id } = await post(host, poster, { beneficiary: 'neighbour', onBehalf: { name: '张奶奶', flat: '3栋502' } });
    expectStatus(await read(as(host, fan).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'me-too' } })), 200);

    const visitor = await needOf(host, id);
    expect(visitor.onBehalf).toBe(true);
    expect(visitor.meToo).toBe(1);
    expect([visitor.posterName, visitor.onBehalfName, visitor.onBehalfFlat]).toEqual([null, null, null]);
    expect(visitor.responses).toEqual([]);
    expect(JSON.stringify(visitor)).not.toContain(poster.name);
    const listed = bodyOf(await read(as(host).needs.$get({ query: {} })), 200);
    const text = JSON.stringify(listed);
    expect(text).not.toContain('张奶奶');
    expect(text).not.toContain(poster.name);
    expect(text).not.toContain(fan.name);

    const member = await needOf(host, id, other);
    expect(member.posterName).toBe(poster.name);
    expect(member.onBehalfName).toBeNull();
    expect(member.responses.map((r) => r.name)).toEqual([fan.name]);
    expect((await needOf(host, id, poster)).onBehalfFlat).toBe('3栋502');
    expect((await needOf(host, id, admin)).onBehalfName).toBe('张奶奶');
  });

  it('is claimed by a coordinator, a building contact or a club leader, never a plain member; two claims at once give one', async () => {
    const { host, admin } = shared();
    const poster = await resident(host, uniq('发布人'));
    const plain = await resident(host, uniq('普通居民'));
    const contact = await contactOf(host, admin);
    const leader = await resident(host, uniq('社长'));
    await activeClub(host, admin, leader);
    const { id } = await post(host, poster);
    const refused = await claim(host, id, plain);
    expect(refused.status).toBe(403);
    const [a, b, c] = await Promise.all([claim(host, id, admin), claim(host, id, contact), claim(host, id, leader)]);
    const statuses = [a.status, b.status, c.status].sort();
    expect(statuses).toEqual([200, 409, 409]);
    const after = await needOf(host, id, poster);
    expect(after.state).toBe('claimed');
    expect(after.events.filter((e) => e.toState === 'claimed')).toHaveLength(1);
    expect((await notes(host, poster)).filter((n) => n.textZh.includes('已被认领'))).toHaveLength(1);
    expect((await claim(host, id, admin)).status).toBe(409);
    // A second, unclaimed need goes to the club leader.
    const second = await post(host, poster);
    expectStatus(await claim(host, second.id, leader), 200);
    expect((await needOf(host, second.id, leader)).claimedByMe).toBe(true);
  });

  it('turns into a draft activity linked both ways; the poster and who said "me too" are told and see it', async () => {
    const { host, admin } = shared();
    const poster = await resident(host, uniq('小雨'));
    const fan = await resident(host, uniq('同需'));
    const contact = await contactOf(host, admin);
    const { id, title } = await post(host, poster);
    expectStatus(await read(as(host, fan).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'me-too' } })), 200);
    const body = {
      kind: 'activity' as const,
      title: '周六手机课堂',
      startsAt: inDays(10),
      endsAt: inDays(10, 2),
      capacity: 12,
      place: '活动室',
    };
    // Only the claimant or a coordinator turns it, and only once claimed.
    expect((await read(as(host, contact).needs[':id']['turn-into'].$post({ ...byId(id), json: body }))).status).toBe(403);
    expect((await read(as(host, admin).needs[':id']['turn-into'].$post({ ...byId(id), json: body }))).status).toBe(409);
    expectStatus(await claim(host, id, contact), 200);
    const turned = bodyOf(await read(as(host, contact).needs[':id']['turn-into'].$post({ ...byId(id), json: body })), 200);
    expect(turned.state).toBe('became-activity');
    const activityId = turned.activityId!;
    const activity = await detail(host, activityId, contact);
    expect(activity.state).toBe('draft');
    expect(activity.description).toContain(`来自需求登记：${title}`);
    expect(bodyOf(await read(as(host).needs.origin.$get({ query: { activityId: String(activityId) } })), 200).need).toEqual({ id, title });

    const seen = await needOf(host, id, poster);
    expect(seen.activity).toMatchObject({ id: activityId, title: '周六手机课堂', state: 'draft', opens: false });
    expect((await needOf(host, id, contact)).activity?.opens).toBe(true);
    expect((await needOf(host, id)).activity).toBeNull();
    expect((await notes(host, poster)).some((n) => n.textZh.includes('已变成活动'))).toBe(true);
    expect((await notes(host, fan)).some((n) => n.textZh.includes(`你也需要的需求“${title}”已变成活动`))).toBe(true);
    // Finished: no second turn, no more "me too".
    expect((await read(as(host, contact).needs[':id']['turn-into'].$post({ ...byId(id), json: body }))).status).toBe(409);
    expect((await read(as(host, fan).needs[':id'].responses.$post({ ...byId(id), json: { kind: 'me-too' } }))).status).toBe(409);
  });

  it('turns into a club proposal by its claimant, or a program task', async () => {
    const { host, admin } = shared();
    const poster = await resident(host, uniq('家长'));
    const one = await post(host, poster);
    expectStatus(await claim(host, one.id, admin), 200);
    const name = uniq('亲子阅读会');
    const club = bodyOf(
      await read(
        as(host, admin).needs[':id']['turn-into'].$post({ ...byId(one.id), json: { kind: 'club', name, purpose: '周末带孩子一起读绘本' } }),
      ),
      200,
    );
    expect(club.clubId).not.toBeNull();
    expect(bodyOf(await read(as(host).clubs[':id'].$get(byId(club.clubId!))), 200).status).toBe('proposed');
    expect(bodyOf(await read(as(host).needs.origin.$get({ query: { clubId: String(club.clubId) } })), 200).need?.id).toBe(one.id);

    const two = await post(host, poster);
    expectStatus(await claim(host, two.id, admin), 200);
    const unknown = await read(
      as(host, admin).needs[':id']['turn-into'].$post({
        ...byId(two.id),
        json: { kind: 'program-task', programKey: 'nope', note: '交给项目' },
      }),
    );
    expect(unknown.status).toBe(400);
    const task = await read(
      as(host, admin).needs[':id']['turn-into'].$post({
        ...byId(two.id),
        json: { kind: 'program-task', programKey: 'elder-care', note: '居家养老志愿者上门教' },
      }),
    );
    expect(bodyOf(task, 200).programKey).toBe('elder-care');
    const seen = await needOf(host, two.id, poster);
    expect(seen.outcome).toBe('program-task');
    expect(seen.program?.key).toBe('elder-care');
  });

  it('is declined only with a reason, solved by the poster, released by the claimant', async () => {
    const { host, admin } = shared();
    const poster = await resident(host, uniq('提出人'));
    const contact = await contactOf(host, admin);
    const one = await post(host, poster);
    expect((await move(host, one.id, admin, 'wont-do')).status).toBe(400);
    expect((await move(host, one.id, poster, 'wont-do', '不想要了')).status).toBe(403);
    expectStatus(await move(host, one.id, admin, 'wont-do', '超出互助会能做的范围，已转给物业'), 200);
    const declined = await needOf(host, one.id, poster);
    expect(declined.state).toBe('wont-do');
    expect(declined.closingNote).toBe('超出互助会能做的范围，已转给物业');
    expect((await notes(host, poster)).some((n) => n.textZh.includes('决定不做：超出互助会能做的范围'))).toBe(true);

    const two = await post(host, poster);
    expectStatus(await claim(host, two.id, contact), 200);
    expect((await move(host, two.id, contact, 'unclaimed')).status).toBe(400);
    expectStatus(await move(host, two.id, contact, 'unclaimed', '这周出差，留给别人'), 200);
    expect((await needOf(host, two.id)).state).toBe('unclaimed');
    // Released: the former claimant holds nothing any more.
    expect((await move(host, two.id, contact, 'wont-do', '不做')).status).toBe(403);
    expectStatus(await move(host, two.id, poster, 'solved', '邻居已经教会了'), 200);
    expect((await needOf(host, two.id)).state).toBe('solved');
    expect((await move(host, two.id, poster, 'solved')).status).toBe(409);
  });

  it('flags needs unclaimed past the community days for the monthly review; administrators set the days', async () => {
    const { host, slug, admin } = shared();
    const poster = await resident(host, uniq('老住户'));
    const old = await post(host, poster);
    const fresh = await post(host, poster);
    const d1 = await tenantD1(slug);
    await d1.prepare('UPDATE needs SET state_since = ?, created_at = ? WHERE id = ?').bind(inDays(-20), inDays(-20), old.id).run();
    let listed = bodyOf(await read(as(host).needs.$get({ query: {} })), 200);
    expect(listed.reviewAfterDays).toBe(14);
    expect(listed.review.map((r) => r.id)).toContain(old.id);
    expect(listed.review.map((r) => r.id)).not.toContain(fresh.id);
    expect(listed.needs.find((n) => n.id === old.id)?.forReview).toBe(true);

    expect((await read(as(host, poster).needs.settings.$put({ json: { reviewAfterDays: 30 } }))).status).toBe(403);
    expect((await read(as(host, admin).needs.settings.$put({ json: { reviewAfterDays: 0 } }))).status).toBe(400);
    expectStatus(await read(as(host, admin).needs.settings.$put({ json: { reviewAfterDays: 30 } })), 200);
    listed = bodyOf(await read(as(host).needs.$get({ query: { state: 'unclaimed' } })), 200);
    expect(listed.review.map((r) => r.id)).not.toContain(old.id);
    expect(listed.needs.every((n) => n.state === 'unclaimed')).toBe(true);
    expectStatus(await read(as(host, admin).needs.settings.$put({ json: { reviewAfterDays: 14 } })), 200);
  });

  it('gives twelve months of figures, counting what happened this month', async () => {
    const { host, admin } = shared();
    const poster = await resident(host, uniq('统计'));
    const { id } = await post(host, poster);
    expectStatus(await claim(host, id, admin), 200);
    const { months, figures } = bodyOf(await read(as(host).needs.figures.$get()), 200);
    expect(months).toHaveLength(12);
    const thisMonth = months[11]!;
    const by = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(by['needs-posted']!.values[thisMonth]).toBeGreaterThanOrEqual(1);
    expect(by['needs-claimed']!.values[thisMonth]).toBeGreaterThanOrEqual(1);
    expect(by['needs-median-hours-to-claim']!.unit).toBe('hours');
    expect(by['needs-median-hours-to-claim']!.values[thisMonth]).toBeGreaterThanOrEqual(0);
  });
});
