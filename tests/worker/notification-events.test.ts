/** Each feature tells the people concerned, in the same write as the change: never the actor, never bystanders. */
import { describe, expect, it } from 'vitest';
import { bodyOf, expectStatus, read, tenantD1 } from './helpers';
import {
  activeClub,
  as,
  byId,
  cancelPlace,
  openActivity,
  type Person,
  place,
  resident,
  sharedCommunity,
  step,
  today,
  uniq,
} from './community-fixtures';

const c = sharedCommunity();

interface Row {
  member_id: number;
  kind: string;
  link: string | null;
  text_zh: string;
  text_en: string;
}

/** The notifications of one kind in the community, by member. */
async function notified(kind: string, link: string) {
  const rows = await (await tenantD1(c().slug))
    .prepare('SELECT member_id, kind, link, text_zh, text_en FROM notifications WHERE kind = ? AND link = ?')
    .bind(kind, link)
    .all<Row>();
  return rows.results;
}

const who = (rows: Row[]) => rows.map((r) => r.member_id).sort((a, b) => a - b);
const ids = (people: Person[]) => people.map((p) => p.id).sort((a, b) => a - b);

describe('activities', () => {
  it('a cancelled place moves the first on the waitlist up, and tells them', async () => {
    const { host, admin } = c();
    const title = uniq('周六网球');
    const id = await openActivity(host, admin, admin, { title, capacity: 1 });
    const first = await resident(host, '先报名的');
    const waiting = await resident(host, '候补的');
    const later = await resident(host, '后候补的');
    const mine = await place(host, id, first);
    expect((await place(host, id, waiting)).status).toBe('waitlisted');
    expect((await place(host, id, later)).status).toBe('waitlisted');
    expect((await cancelPlace(host, id, mine.id, first)).status).toBe(200);
    const rows = await notified('activity.waitlist-promoted', `/activities/${id}`);
    expect(who(rows)).toEqual([waiting.id]);
    expect(rows[0]!.text_zh).toContain(title);
  });

  it('a cancelled activity tells everyone who held a place, with the reason, in the community time zone', async () => {
    const { host, admin, slug } = c();
    const db = await tenantD1(slug);
    await db.prepare("UPDATE community_profile SET time_zone = 'Europe/London'").run();
    try {
      const title = uniq('周日合唱');
      const id = await openActivity(host, admin, admin, {
        title,
        capacity: 1,
        startsAt: '2031-07-06T09:30:00Z',
        endsAt: '2031-07-06T11:00:00Z',
      });
      const confirmed = await resident(host, '已报名');
      const waiting = await resident(host, '候补');
      const bystander = await resident(host, '没报名');
      await place(host, id, confirmed);
      await place(host, id, waiting);
      const cancelled = await step(host, id, 'cancel', admin, '场地维修');
      expectStatus(cancelled, 200);
      const rows = await notified('activity.cancelled', `/activities/${id}`);
      expect(who(rows)).toEqual(ids([confirmed, waiting]));
      expect(who(rows)).not.toContain(admin.id);
      expect(who(rows)).not.toContain(bystander.id);
      // 09:30 UTC is 10:30 in London in July (Shanghai would say 17:30).
      expect(rows[0]!.text_zh).toContain(title);
      expect(rows[0]!.text_zh).toContain('7月6日 10:30');
      expect(rows[0]!.text_zh).toContain('场地维修');
      expect(rows[0]!.text_en).toContain('6 Jul 10:30');
    } finally {
      await db.prepare("UPDATE community_profile SET time_zone = 'Asia/Shanghai'").run();
    }
  });
});

describe('volunteer hours and clubs', () => {
  it('hours recorded for a volunteer ask them to confirm; the recorder is not told', async () => {
    const { host, admin } = c();
    const title = uniq('清洁日');
    const id = await openActivity(host, admin, admin, { title });
    const volunteer = await resident(host, '志愿者');
    await place(host, id, volunteer);
    expectStatus(await step(host, id, 'hold', admin), 200);
    const res = await read(
      as(host, admin)['volunteer-hours'].$post({ json: { memberId: volunteer.id, activityId: id, servedOn: today(), minutes: 90 } }),
    );
    expectStatus(res, 201);
    const rows = (await notified('hours.to-confirm', '/volunteering')).filter((r) => r.text_zh.includes(title));
    expect(who(rows)).toEqual([volunteer.id]);
    expect(rows[0]!.text_zh).toContain('1.5');
  });

  it('a handover offer tells the person offered', async () => {
    const { host, admin } = c();
    const leader = await resident(host, '老社长');
    const next = await resident(host, '新社长');
    const other = await resident(host, '社员');
    const name = uniq('书法社');
    const clubId = await activeClub(host, admin, leader, [next, other], name);
    const res = await read(as(host, leader).clubs[':id'].handovers.$post({ ...byId(clubId), json: { toMemberId: next.id } }));
    expect(res.status).toBeLessThan(300);
    const rows = await notified('club.handover-offered', `/clubs/${clubId}`);
    expect(who(rows)).toEqual([next.id]);
    expect(rows[0]!.text_zh).toContain(name);
    expect(rows[0]!.text_zh).toContain('老社长');
  });
});

describe('meetings', () => {
  it("the federation's club leaders hear it is scheduled, get its papers and its minutes", async () => {
    const { host, admin } = c();
    const leaders = [await resident(host, '网球负责人'), await resident(host, '读书负责人')];
    const plain = await resident(host, '普通社员');
    for (const leader of leaders) await activeClub(host, admin, leader, [], uniq('社团'));
    const title = uniq('联合会会议');
    const created = await read(
      as(host, admin).meetings.$post({ json: { bodyKey: 'federation', title, scheduledFor: '2031-07-06T11:00:00Z' } }),
    );
    expectStatus(created, 201);
    const id = created.json.id;
    const link = `/meetings/${id}`;
    const scheduled = await notified('meeting.scheduled', link);
    for (const l of leaders) expect(who(scheduled)).toContain(l.id);
    expect(who(scheduled)).not.toContain(admin.id);
    expect(who(scheduled)).not.toContain(plain.id);
    expect(scheduled[0]!.text_zh).toContain(title);
    expect(scheduled[0]!.text_zh).toContain('7月6日 19:00');

    const item = await read(
      as(host, admin).meetings[':id'].items.$post({ ...byId(id), json: { title: '周六场地', presenter: '陈主任', minutesAllotted: 10 } }),
    );
    expectStatus(item, 201);
    expect((await read(as(host, plain).meetings[':id'].papers.$post(byId(id)))).status).toBe(403);
    const sent = bodyOf(await read(as(host, admin).meetings[':id'].papers.$post(byId(id))), 200);
    expect(sent.items).toBe(1);
    const papers = await notified('meeting.papers-out', link);
    for (const l of leaders) expect(who(papers)).toContain(l.id);
    expect(who(papers)).not.toContain(admin.id);
    expect(who(papers)).not.toContain(plain.id);
    expect(papers[0]!.text_zh).toContain(title);
    const detail = bodyOf(await read(as(host, admin).meetings[':id'].$get(byId(id))), 200);
    expect(detail.papersSentAt).not.toBeNull();

    expectStatus(await read(as(host, admin).meetings[':id'].open.$post(byId(id))), 200);
    expectStatus(await read(as(host, admin).meetings[':id'].close.$post(byId(id))), 200);
    expectStatus(
      await read(as(host, admin).meetings[':id'].minutes.$post({ ...byId(id), json: { text: '会议纪要：各社团协商了周六场地。' } })),
      200,
    );
    const minutes = await notified('meeting.minutes-published', link);
    for (const l of leaders) expect(who(minutes)).toContain(l.id);
    expect(who(minutes)).not.toContain(admin.id);
    expect(who(minutes)).not.toContain(plain.id);
    expect(minutes[0]!.text_zh).toContain(title);
  });
});

describe('issues', () => {
  it("a relayed decision reaches the building's residents; not the contact who relays it, nor other buildings", async () => {
    const { host, admin, slug } = c();
    const [b1, b2] = bodyOf(await read(as(host).buildings.$get()), 200).buildings;
    if (!b1 || !b2) throw new Error('the community has fewer than two buildings');
    const contact = await resident(host, '联络人');
    const applied = await read(as(host, contact).buildings[':id']['contact-applications'].$post(byId(b1.id)));
    expectStatus(applied, 201);
    const confirmed = await read(
      as(host, admin)['contact-applications'][':id'].decision.$post({ ...byId(applied.json.id), json: { confirm: true } }),
    );
    expectStatus(confirmed, 200);
    const raiser = await resident(host, '提出人');
    const neighbour = await resident(host, '同楼邻居');
    const elsewhere = await resident(host, '别栋居民');
    const db = await tenantD1(slug);
    for (const [p, b] of [
      [raiser, b1.id],
      [neighbour, b1.id],
      [contact, b1.id],
      [elsewhere, b2.id],
    ] as const)
      await db.prepare('UPDATE members SET building_id = ? WHERE id = ?').bind(b, p.id).run();
    const title = uniq('楼道灯');
    const raised = await read(
      as(host, raiser).issues.$post({ json: { title, description: '楼道的灯坏了一个星期了。', category: 'safety', buildingId: b1.id } }),
    );
    expectStatus(raised, 201);
    const id = raised.json.id;
    const move = (json: { to: 'acknowledged' | 'resolved-directly' | 'relayed'; note?: string }) =>
      read(as(host, contact).issues[':id'].transitions.$post({ ...byId(id), json }));
    expectStatus(await move({ to: 'acknowledged' }), 200);
    expectStatus(await move({ to: 'resolved-directly', note: '物业已换灯' }), 200);
    expectStatus(await move({ to: 'relayed', note: '已在楼栋群说明' }), 200);
    const rows = await notified('decision.relayed', `/issues/${id}`);
    expect(who(rows)).toContain(neighbour.id);
    expect(who(rows)).not.toContain(contact.id);
    expect(who(rows)).not.toContain(elsewhere.id);
    expect(rows[0]!.text_zh).toContain(title);
    // The raiser hears of the same step as their issue's progress.
    const raiserRows = await notified('issue.moved', `/issues/${id}`);
    expect(who(raiserRows)).toContain(raiser.id);
  });
});
