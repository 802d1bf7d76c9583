import { describe, expect, it, vi } from 'vitest';
import { call, createCommunity, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

interface Person {
  token: string;
  id: number;
}

async function join(host: string, name: string): Promise<Person> {
  const token = await signIn(uid('p'), host, name);
  const res = await call(host, '/api/members/me', { body: { displayName: name }, token });
  return { token, id: res.json.id };
}

/** A community with a representative for each outside party and a confirmed contact for building 1. */
async function setup() {
  const c = await createCommunity(uid('founder'));
  const admin: Person = { token: c.founderToken, id: 1 };
  const reps: Record<string, Person> = {};
  for (const party of ['residents-committee', 'owners-committee', 'property-company']) {
    reps[party] = await join(c.host, `${party}代表`);
    const offer = await call(c.host, `/api/parties/${party}/appointments`, { body: { memberId: reps[party]!.id }, token: admin.token });
    expect(offer.status, offer.text).toBe(201);
    const answer = await call(c.host, `/api/parties/${party}/appointments/${offer.json.id}/answer`, {
      body: { accept: true },
      token: reps[party]!.token,
    });
    expect(answer.status, answer.text).toBe(200);
  }
  const buildings = await call(c.host, '/api/buildings');
  const [b1, b2] = buildings.json.buildings;
  const contact = await join(c.host, '一栋联络人');
  const applied = await call(c.host, `/api/buildings/${b1.id}/contact-applications`, { method: 'POST', token: contact.token });
  expect(applied.status).toBe(201);
  expect(
    (await call(c.host, `/api/contact-applications/${applied.json.id}/decision`, { body: { confirm: true }, token: contact.token })).status,
  ).toBe(403);
  expect(
    (await call(c.host, `/api/contact-applications/${applied.json.id}/decision`, { body: { confirm: true }, token: admin.token })).status,
  ).toBe(200);
  return { ...c, admin, reps, contact, b1, b2 };
}

const soon = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

async function vote(host: string, meetingId: number, itemId: number, party: string, who: Person, position: string, reason?: string) {
  const res = await call(host, `/api/meetings/${meetingId}/items/${itemId}/stances/${party}`, {
    method: 'PUT',
    body: { position, ...(reason ? { reason } : {}) },
    token: who.token,
  });
  expect(res.status, res.text).toBe(200);
}

async function attendAll(host: string, meetingId: number, s: Awaited<ReturnType<typeof setup>>) {
  // The chair opens the meeting; attendance and positions are recorded only while it is in progress.
  const opened = await call(host, `/api/meetings/${meetingId}/open`, { method: 'POST', token: s.admin.token });
  expect(opened.status, opened.text).toBe(200);
  for (const [party, rep] of Object.entries(s.reps)) {
    expect(
      (await call(host, `/api/meetings/${meetingId}/attendance/${party}`, { method: 'PUT', body: { attended: true }, token: rep.token }))
        .status,
    ).toBe(200);
  }
  expect(
    (
      await call(host, `/api/meetings/${meetingId}/attendance/association`, {
        method: 'PUT',
        body: { attended: true },
        token: s.admin.token,
      })
    ).status,
  ).toBe(200);
}

describe('building contacts', () => {
  it('a confirmed volunteer becomes the building contact and the coverage counts them', async () => {
    const s = await setup();
    const buildings = await call(s.host, '/api/buildings');
    const b1 = buildings.json.buildings.find((b: { id: number }) => b.id === s.b1.id);
    expect(b1.contacts.map((x: { id: number }) => x.id)).toEqual([s.contact.id]);
    expect(buildings.json.coverage.covered).toBe(0);
    const second = await join(s.host, '一栋第二联络人');
    const applied = await call(s.host, `/api/buildings/${s.b1.id}/contact-applications`, { method: 'POST', token: second.token });
    await call(s.host, `/api/contact-applications/${applied.json.id}/decision`, { body: { confirm: true }, token: s.admin.token });
    const after = await call(s.host, '/api/buildings');
    expect(after.json.coverage.covered).toBe(1);
  });
});

describe('an issue travels up to the joint meeting, is blocked, revised, adopted, and travels back', () => {
  it('follows the whole path with the raiser notified at each step', async () => {
    const s = await setup();
    const { host } = s;
    const raiser = await join(host, '王小雨');
    const neighbour = await join(host, '邻居');
    const raised = await call(host, '/api/issues', {
      body: { title: '地下车库充电桩', description: '电动车在楼道充电很危险，希望装充电桩。', category: 'safety', buildingId: s.b1.id },
      token: raiser.token,
    });
    expect(raised.status).toBe(201);
    const issueId = raised.json.id;
    expect((await call(host, `/api/issues/${issueId}/support`, { method: 'POST', token: neighbour.token })).status).toBe(200);
    expect((await call(host, `/api/issues/${issueId}/support`, { method: 'POST', token: neighbour.token })).status).toBe(200);
    expect((await call(host, `/api/issues/${issueId}`, { token: raiser.token })).json.supports).toBe(1);

    // Only the contact of that building (or a coordinator) takes it up; a resident cannot.
    expect((await call(host, `/api/issues/${issueId}/transitions`, { body: { to: 'acknowledged' }, token: neighbour.token })).status).toBe(
      403,
    );
    expect((await call(host, `/api/issues/${issueId}/transitions`, { body: { to: 'acknowledged' }, token: s.contact.token })).status).toBe(
      200,
    );
    expect(
      (await call(host, `/api/issues/${issueId}/transitions`, { body: { to: 'decided', outcome: 'adopted' }, token: s.contact.token }))
        .status,
    ).toBe(409);
    expect(
      (
        await call(host, `/api/issues/${issueId}/transitions`, {
          body: { to: 'referred', bodyKey: 'joint-meeting', note: '涉及物业和消防' },
          token: s.contact.token,
        })
      ).status,
    ).toBe(200);

    // Meeting 1: the property company blocks.
    const m1 = await call(host, '/api/meetings', {
      body: { bodyKey: 'joint-meeting', title: '十二月联席会议', scheduledFor: soon(3) },
      token: s.admin.token,
    });
    expect(m1.status).toBe(201);
    expect(
      (
        await call(host, '/api/meetings', {
          body: { bodyKey: 'joint-meeting', title: '居民自己开的会', scheduledFor: soon(3) },
          token: raiser.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(host, `/api/meetings/${m1.json.id}/items`, {
          body: { issueId, presenter: '一栋联络人', minutesAllotted: 15, papers: '## 方案\n\n在地下车库装 20 个充电桩。' },
          token: s.admin.token,
        })
      ).status,
    ).toBe(201);
    expect((await call(host, `/api/issues/${issueId}`, { token: raiser.token })).json.state).toBe('on-agenda');
    await attendAll(host, m1.json.id, s);
    const meeting1 = await call(host, `/api/meetings/${m1.json.id}`, { token: raiser.token });
    const item1 = meeting1.json.items[0].id;
    // Positions are recorded only by a party's own representatives.
    const wrong = await call(host, `/api/meetings/${m1.json.id}/items/${item1}/stances/property-company`, {
      method: 'PUT',
      body: { position: 'agree' },
      token: s.reps['owners-committee']!.token,
    });
    expect(wrong.status).toBe(403);
    const noReason = await call(host, `/api/meetings/${m1.json.id}/items/${item1}/stances/property-company`, {
      method: 'PUT',
      body: { position: 'block' },
      token: s.reps['property-company']!.token,
    });
    expect(noReason.status).toBe(400);
    await vote(host, m1.json.id, item1, 'residents-committee', s.reps['residents-committee']!, 'agree');
    await vote(host, m1.json.id, item1, 'owners-committee', s.reps['owners-committee']!, 'agree');
    await vote(host, m1.json.id, item1, 'association', s.admin, 'agree');
    await vote(host, m1.json.id, item1, 'property-company', s.reps['property-company']!, 'block', '地下车库充电有消防风险，需移到地面车棚');
    const d1 = await call(host, `/api/meetings/${m1.json.id}/items/${item1}/decision`, { body: {}, token: s.admin.token });
    expect(d1.json.result).toBe('blocked');
    expect(d1.json.blocks).toEqual([{ voter: 'property-company', reason: '地下车库充电有消防风险，需移到地面车棚' }]);
    expect((await call(host, `/api/issues/${issueId}`, { token: raiser.token })).json.state).toBe('on-agenda');
    expect((await call(host, `/api/meetings/${m1.json.id}/close`, { method: 'POST', token: s.admin.token })).status).toBe(200);
    // After closing, positions are final.
    const late = await call(host, `/api/meetings/${m1.json.id}/items/${item1}/stances/property-company`, {
      method: 'PUT',
      body: { position: 'agree' },
      token: s.reps['property-company']!.token,
    });
    expect(late.status).toBe(409);

    // Meeting 2: the item comes back revised and everyone agrees.
    const m2 = await call(host, '/api/meetings', {
      body: { bodyKey: 'joint-meeting', title: '一月联席会议', scheduledFor: soon(33) },
      token: s.admin.token,
    });
    const back = await call(host, `/api/meetings/${m1.json.id}/items/${item1}/bring-back`, {
      body: {
        toMeetingId: m2.json.id,
        papers: '## 修改后的方案\n\n在地面车棚装 20 个充电桩。',
        presenter: '一栋联络人',
        minutesAllotted: 10,
      },
      token: s.admin.token,
    });
    expect(back.status, back.text).toBe(201);
    await attendAll(host, m2.json.id, s);
    const item2 = (await call(host, `/api/meetings/${m2.json.id}`, { token: raiser.token })).json.items[0];
    expect(item2.revisedFrom).toBe(item1);
    for (const party of ['residents-committee', 'owners-committee', 'property-company'])
      await vote(host, m2.json.id, item2.id, party, s.reps[party]!, 'agree');
    await vote(host, m2.json.id, item2.id, 'association', s.admin, 'agree');
    const needsText = await call(host, `/api/meetings/${m2.json.id}/items/${item2.id}/decision`, { body: {}, token: s.admin.token });
    expect(needsText.status).toBe(400);
    const decisionText = '在地面车棚安装 20 个充电桩，由物业三月底前完成。';
    const d2 = await call(host, `/api/meetings/${m2.json.id}/items/${item2.id}/decision`, { body: { decisionText }, token: s.admin.token });
    expect(d2.json.result).toBe('adopted');
    const decided = await call(host, `/api/issues/${issueId}`, { token: raiser.token });
    expect(decided.json).toMatchObject({ state: 'decided', outcome: 'adopted', decisionText });
    expect(
      (
        await call(host, `/api/meetings/${m2.json.id}/items/${item2.id}/actions`, {
          body: { description: '安装充电桩', owner: '物业', dueOn: '2027-03-31' },
          token: s.admin.token,
        })
      ).status,
    ).toBe(201);

    // Minutes: drafted from the record on closing, published with one voice.
    await call(host, `/api/meetings/${m2.json.id}/close`, { method: 'POST', token: s.admin.token });
    const closed = await call(host, `/api/meetings/${m2.json.id}`, { token: raiser.token });
    expect(closed.json.minutes).toContain('地面车棚');
    expect(closed.json.minutes).toContain('全体同意');
    expect(
      (await call(host, `/api/meetings/${m2.json.id}/minutes`, { body: { text: closed.json.minutes }, token: raiser.token })).status,
    ).toBe(403);
    expect(
      (await call(host, `/api/meetings/${m2.json.id}/minutes`, { body: { text: closed.json.minutes }, token: s.admin.token })).status,
    ).toBe(200);
    expect(
      (await call(host, `/api/meetings/${m2.json.id}/minutes`, { body: { text: closed.json.minutes }, token: s.admin.token })).status,
    ).toBe(409);
    const published = await call(host, '/api/decisions', { token: raiser.token });
    expect(published.json.decisions.map((d: { decisionText: string }) => d.decisionText)).toContain(decisionText);

    // Implementation, then the contact relays the decision to the building.
    expect(
      (
        await call(host, `/api/issues/${issueId}/transitions`, {
          body: { to: 'implementing', owner: '物业', dueOn: '2027-03-31' },
          token: s.admin.token,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(host, `/api/issues/${issueId}/transitions`, { body: { to: 'done', note: '已安装' }, token: s.admin.token })).status,
    ).toBe(200);
    expect(
      (await call(host, `/api/issues/${issueId}/transitions`, { body: { to: 'relayed', note: '已在楼栋群解释' }, token: s.contact.token }))
        .status,
    ).toBe(200);
    const final = await call(host, `/api/issues/${issueId}`, { token: raiser.token });
    expect(final.json.events.map((e: { toState: string }) => e.toState)).toEqual([
      'raised',
      'acknowledged',
      'referred',
      'on-agenda',
      'decided',
      'implementing',
      'done',
      'relayed',
    ]);
    expect(final.json.stages).toHaveLength(8);
    const notes = await call(host, '/api/me/notifications', { token: raiser.token });
    expect(notes.json.notifications.length).toBe(7);
    expect(notes.json.unread).toBe(7);
    expect(notes.json.notifications.some((n: { textZh: string }) => n.textZh.includes(decisionText))).toBe(true);
    await call(host, '/api/me/notifications/read', { method: 'POST', token: raiser.token });
    expect((await call(host, '/api/me/notifications', { token: raiser.token })).json.unread).toBe(0);
  });

  it('a party that did not attend and sent no written position is never counted as agreeing', async () => {
    const s = await setup();
    const m = await call(s.host, '/api/meetings', {
      body: { bodyKey: 'joint-meeting', title: '临时会议', scheduledFor: soon(1) },
      token: s.admin.token,
    });
    await call(s.host, `/api/meetings/${m.json.id}/items`, {
      body: { title: '修缮儿童乐园', presenter: '互助会', minutesAllotted: 10 },
      token: s.admin.token,
    });
    const item = (await call(s.host, `/api/meetings/${m.json.id}`, { token: s.admin.token })).json.items[0].id;
    expect((await call(s.host, `/api/meetings/${m.json.id}/open`, { method: 'POST', token: s.admin.token })).status).toBe(200);
    await call(s.host, `/api/meetings/${m.json.id}/attendance/residents-committee`, {
      method: 'PUT',
      body: { attended: false },
      token: s.reps['residents-committee']!.token,
    });
    for (const party of ['owners-committee', 'property-company']) {
      await call(s.host, `/api/meetings/${m.json.id}/attendance/${party}`, {
        method: 'PUT',
        body: { attended: true },
        token: s.reps[party]!.token,
      });
      await vote(s.host, m.json.id, item, party, s.reps[party]!, 'agree');
    }
    await call(s.host, `/api/meetings/${m.json.id}/attendance/association`, {
      method: 'PUT',
      body: { attended: true },
      token: s.admin.token,
    });
    await vote(s.host, m.json.id, item, 'association', s.admin, 'agree');
    const outcome = await call(s.host, `/api/meetings/${m.json.id}/items/${item}/decision`, {
      body: { decisionText: '修缮' },
      token: s.admin.token,
    });
    expect(outcome.json.result).toBe('undecided');
    expect(outcome.json.missing).toEqual(['residents-committee']);

    // Every change to the meeting's record is in the audit log, with who made it.
    const { env } = await import('cloudflare:workers');
    const logged = await env.PLATFORM_DB.prepare(
      "SELECT action, detail FROM audit_log WHERE action LIKE 'meeting.%' AND json_extract(detail, '$.meetingId') = ? AND community_id = (SELECT id FROM communities WHERE slug = ?) ORDER BY id",
    )
      .bind(m.json.id, s.host.split('.')[0])
      .all<{ action: string; detail: string }>();
    const actions = logged.results.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'meeting.scheduled',
        'meeting.item-added',
        'meeting.opened',
        'meeting.attendance-recorded',
        'meeting.position-recorded',
        'meeting.item-decided',
      ]),
    );
    expect(actions.filter((a) => a === 'meeting.position-recorded')).toHaveLength(3);
    expect(
      logged.results.some(
        (r) =>
          r.action === 'meeting.attendance-recorded' &&
          JSON.parse(r.detail).voter === 'residents-committee' &&
          JSON.parse(r.detail).attended === false,
      ),
    ).toBe(true);
  });

  it('shows months without a joint meeting, and lists overdue issues', async () => {
    const s = await setup();
    const before = await call(s.host, '/api/meetings', { token: s.admin.token });
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(before.json.monthsWithoutJointMeeting).toContain(thisMonth);
    await call(s.host, '/api/meetings', {
      body: { bodyKey: 'joint-meeting', title: '本月例会', scheduledFor: new Date().toISOString() },
      token: s.admin.token,
    });
    const after = await call(s.host, '/api/meetings', { token: s.admin.token });
    expect(after.json.monthsWithoutJointMeeting).not.toContain(thisMonth);
    const raised = await call(s.host, '/api/issues', {
      body: { title: '路灯不亮了', description: '三栋门口的路灯坏了一周', category: 'facilities' },
      token: s.contact.token,
    });
    const list = await call(s.host, '/api/issues', { token: s.contact.token });
    expect(list.json.issues.find((i: { id: number }) => i.id === raised.json.id)).toMatchObject({
      state: 'raised',
      waitingDays: 0,
      overdue: false,
    });
  });
});

describe('grid workers and wait limits', () => {
  it('coordinators record a building grid worker; residents cannot', async () => {
    const s = await setup();
    const resident = await join(s.host, '居民');
    expect(
      (await call(s.host, `/api/buildings/${s.b1.id}`, { method: 'PATCH', body: { gridWorker: '网格员小陈' }, token: resident.token }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(s.host, `/api/buildings/${s.b1.id}`, {
          method: 'PATCH',
          body: { gridWorker: '网格员小陈' },
          token: s.reps['residents-committee']!.token,
        })
      ).status,
    ).toBe(200);
    const list = await call(s.host, '/api/buildings');
    expect(list.json.buildings.find((b: { id: number }) => b.id === s.b1.id).gridWorker).toBe('网格员小陈');
  });

  it('the community sets how long an issue may wait in each state, validated', async () => {
    const s = await setup();
    const bad = await call(s.host, '/api/community', {
      method: 'PATCH',
      body: { issueWaitLimits: { raised: 0, nonsense: 3 } },
      token: s.admin.token,
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await call(s.host, '/api/community', {
          method: 'PATCH',
          body: { issueWaitLimits: { raised: 1, referred: 10 } },
          token: s.admin.token,
        })
      ).status,
    ).toBe(200);
    const issue = await call(s.host, '/api/issues', {
      body: { title: '垃圾分类点太远', description: '五栋附近没有垃圾分类点', category: 'environment' },
      token: s.admin.token,
    });
    const detail = await call(s.host, `/api/issues/${issue.json.id}`, { token: s.admin.token });
    expect(detail.json).toMatchObject({ waitingDays: 0, overdue: false });
  });
});
