/** Printed material: activity posters, sign-in sheets, decision posters and buildings' monthly notices. */
import { describe, expect, it } from 'vitest';
import { bodyOf, client, expectStatus, read, tenantD1 } from './helpers';
import { as, byId, openActivity, type Person, place, resident, sharedCommunity, step, uniq } from './community-fixtures';

const get = (host: string, path: string, who?: Person) =>
  read(client(host, who?.token).api.activities[':id'].poster.$get({ param: { id: path } }));

describe('printed material', () => {
  const shared = sharedCommunity();

  async function people() {
    const c = shared();
    const organiser = await resident(c.host, uniq('组织者'));
    const alice = await resident(c.host, uniq('王阿姨'));
    const bob = await resident(c.host, uniq('李叔'));
    const plain = await resident(c.host, uniq('张三'));
    return { c, organiser, alice, bob, plain };
  }

  async function contactOf(host: string, admin: Person, buildingIndex = 0) {
    const buildings = bodyOf(await read(client(host).api.buildings.$get()), 200).buildings;
    const building = buildings[buildingIndex];
    if (!building) throw new Error('the community has too few buildings');
    const contact = await resident(host, uniq('楼栋联络人'));
    const applied = bodyOf(await read(as(host, contact).buildings[':id']['contact-applications'].$post(byId(building.id))), 201);
    expectStatus(
      await read(as(host, admin)['contact-applications'][':id'].decision.$post({ ...byId(applied.id), json: { confirm: true } })),
      200,
    );
    return { contact, building, other: buildings[buildingIndex + 1] };
  }

  it("an activity's poster shows its public facts and places left to anyone, and names no resident", async () => {
    const { c, organiser, alice, bob } = await people();
    const title = uniq('中秋游园会');
    const id = await openActivity(c.host, organiser, c.admin, { title, capacity: 10 });
    await place(c.host, id, alice);
    await place(c.host, id, bob, { participant: '小明', isChild: false });
    const poster = bodyOf(await get(c.host, String(id)), 200);
    expect(poster).toMatchObject({ title, placesLeft: 8, capacity: 10, timeZone: 'Asia/Shanghai', state: 'open' });
    expect(poster.feeFen).toBe(bodyOf(await read(client(c.host).api.activities[':id'].$get(byId(id))), 200).feeFen);
    const text = JSON.stringify(poster);
    for (const name of [organiser.name, alice.name, bob.name, '小明']) expect(text).not.toContain(name);
  });

  it('a draft has no poster for those who cannot see it, and a cancelled activity has none at all', async () => {
    const { c, organiser, plain } = await people();
    const draftId = bodyOf(
      await read(
        as(c.host, organiser).activities.$post({
          json: {
            title: uniq('草稿活动'),
            startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
            endsAt: new Date(Date.now() + 3 * 86400_000 + 3600_000).toISOString(),
            place: '活动室',
            capacity: 10,
            audience: 'residents',
            expectedParticipants: 0,
            costLines: [],
          },
        }),
      ),
      201,
    ).id;
    expect((await get(c.host, String(draftId))).status).toBe(404);
    expect((await get(c.host, String(draftId), plain)).status).toBe(404);
    expect((await get(c.host, String(draftId), organiser)).status).toBe(200);
    const openId = await openActivity(c.host, organiser, c.admin, { title: uniq('取消的活动') });
    expectStatus(await step(c.host, openId, 'cancel', organiser, '下雨'), 200);
    expect((await get(c.host, String(openId))).status).toBe(404);
    expect((await get(c.host, String(openId), organiser)).status).toBe(404);
  });

  it('the sign-in sheet lists confirmed participants then the waitlist, for organisers, coordinators and building contacts only', async () => {
    const { c, organiser, alice, bob, plain } = await people();
    const id = await openActivity(c.host, organiser, c.admin, { title: uniq('读书会'), capacity: 1, waitlist: true });
    await place(c.host, id, alice);
    await place(c.host, id, bob);
    const { contact } = await contactOf(c.host, c.admin);
    const sheetAs = (who?: Person) => read(client(c.host, who?.token).api.activities[':id']['sign-in-sheet'].$get(byId(id)));
    for (const who of [organiser, c.admin, contact]) {
      const sheet = bodyOf(await sheetAs(who), 200);
      expect(sheet.responsible).toBe(organiser.name);
      expect(sheet.timeZone).toBe('Asia/Shanghai');
      expect(sheet.rows.map((r) => [r.name, r.waitlisted])).toEqual([
        [alice.name, false],
        [bob.name, true],
      ]);
    }
    expect((await sheetAs(plain)).status).toBe(403);
    expect((await sheetAs(alice)).status).toBe(403);
    expect((await sheetAs()).status).toBe(401);
  });

  async function seedIssue(
    slug: string,
    raisedBy: number,
    fields: {
      title: string;
      buildingId: number | null;
      outcome: string | null;
      decision: string | null;
      relayedAt?: string;
      anonymous?: boolean;
    },
  ) {
    const d1 = await tenantD1(slug);
    const row = await d1
      .prepare(
        `INSERT INTO issues (title, description, category, building_id, raised_by, state, outcome, decision_text, implementation_owner, due_on, anonymous)
         VALUES (?, '楼道灯坏了很久', 'facilities', ?, ?, ?, ?, ?, '物业公司', '2030-03-15', ?) RETURNING id`,
      )
      .bind(
        fields.title,
        fields.buildingId,
        raisedBy,
        fields.relayedAt ? 'relayed' : 'decided',
        fields.outcome,
        fields.decision,
        fields.anonymous ? 1 : 0,
      )
      .first<{ id: number }>();
    if (!row) throw new Error('no issue');
    await d1
      .prepare(
        `INSERT INTO issue_events (issue_id, from_state, to_state, note, at) VALUES (?, 'on-agenda', 'decided', '', '2030-01-20T02:00:00.000Z')`,
      )
      .bind(row.id)
      .run();
    if (fields.relayedAt)
      await d1
        .prepare(`INSERT INTO issue_events (issue_id, from_state, to_state, note, at) VALUES (?, 'decided', 'relayed', '', ?)`)
        .bind(row.id, fields.relayedAt)
        .run();
    return row.id;
  }

  it("an adopted decision's poster shows the decision to members and never the raiser", async () => {
    const { c, alice, plain } = await people();
    const decision = uniq('三月底前更换全部楼道灯');
    const id = await seedIssue(c.slug, alice.id, {
      title: uniq('楼道灯'),
      buildingId: null,
      outcome: 'adopted',
      decision,
      anonymous: true,
    });
    const posterAs = (who?: Person, issue = id) => read(client(c.host, who?.token).api.issues[':id']['decision-poster'].$get(byId(issue)));
    const poster = bodyOf(await posterAs(plain), 200);
    expect(poster).toMatchObject({
      decisionText: decision,
      implementationOwner: '物业公司',
      dueOn: '2030-03-15',
      timeZone: 'Asia/Shanghai',
    });
    expect(poster.decidedAt).toBe('2030-01-20T02:00:00.000Z');
    expect(JSON.stringify(poster)).not.toContain(alice.name);
    expect((await posterAs()).status).toBe(401);
    const notAdopted = await seedIssue(c.slug, alice.id, {
      title: uniq('加装门禁'),
      buildingId: null,
      outcome: 'not-adopted',
      decision: null,
    });
    expect((await posterAs(plain, notAdopted)).status).toBe(404);
  });

  it("a building's notice reads the month on the community's clock, for the building's contacts and coordinators only", async () => {
    const { c, organiser, alice, plain } = await people();
    const { contact, building, other } = await contactOf(c.host, c.admin);
    if (!other) throw new Error('the community has one building');
    // 2030-02-01 00:30 in Shanghai is still January in UTC; 2030-03-01 00:30 in Shanghai is still February in UTC.
    const ours = uniq('楼道灯');
    const theirs = uniq('别栋的事');
    const late = uniq('一月的事');
    await seedIssue(c.slug, alice.id, {
      title: ours,
      buildingId: building.id,
      outcome: 'adopted',
      decision: '更换楼道灯',
      relayedAt: '2030-01-31T16:30:00.000Z',
    });
    await seedIssue(c.slug, alice.id, {
      title: theirs,
      buildingId: other.id,
      outcome: 'adopted',
      decision: '别的决定',
      relayedAt: '2030-02-10T02:00:00.000Z',
    });
    await seedIssue(c.slug, alice.id, {
      title: late,
      buildingId: building.id,
      outcome: 'adopted',
      decision: '一月决定',
      relayedAt: '2030-01-31T15:30:00.000Z',
    });
    const march = uniq('三月第一场');
    const marchId = await openActivity(c.host, organiser, c.admin, {
      title: march,
      startsAt: '2030-03-01T00:30:00+08:00',
      endsAt: '2030-03-01T02:00:00+08:00',
    });
    await place(c.host, marchId, alice);
    const noticeAs = (who: Person | undefined, month: string, id = building.id) =>
      read(client(c.host, who?.token).api.buildings[':id'].notice.$get({ param: { id: String(id) }, query: { month } }));

    const feb = bodyOf(await noticeAs(contact, '2030-02'), 200);
    expect(feb).toMatchObject({ month: '2030-02', nextMonth: '2030-03', timeZone: 'Asia/Shanghai', building: { id: building.id } });
    const titles = feb.decisions.map((d) => d.title);
    expect(titles).toContain(ours);
    expect(titles).not.toContain(theirs);
    expect(titles).not.toContain(late);
    expect(feb.activities.map((a) => a.title)).toContain(march);
    expect(JSON.stringify(feb)).not.toContain(alice.name);

    const jan = bodyOf(await noticeAs(c.admin, '2030-01'), 200);
    expect(jan.decisions.map((d) => d.title)).toContain(late);
    expect(jan.decisions.map((d) => d.title)).not.toContain(ours);
    expect(jan.activities.map((a) => a.title)).not.toContain(march);

    expect((await noticeAs(plain, '2030-02')).status).toBe(403);
    expect((await noticeAs(contact, '2030-02', other.id)).status).toBe(403);
    expect((await noticeAs(undefined, '2030-02')).status).toBe(401);
    expect((await noticeAs(c.admin, '2030-13')).status).toBe(400);
  });
});
