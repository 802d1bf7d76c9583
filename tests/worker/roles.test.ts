import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createCommunity, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const uniq = (name: string) => `${name}${crypto.randomUUID().slice(0, 6)}`;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86400_000 + hours * 3600_000).toISOString();

interface Person {
  token: string;
  id: number;
}

async function join(host: string, name: string): Promise<Person> {
  const token = await signIn(uid('p'), host, name);
  const res = await call(host, '/api/members/me', { body: { displayName: name }, token });
  expect(res.status, res.text).toBe(201);
  return { token, id: res.json.id };
}

/** An administrator offers the party's representation and the appointee accepts it. */
async function appoint(host: string, admin: Person, who: Person, party: string) {
  const offer = await call(host, `/api/parties/${party}/appointments`, { body: { memberId: who.id }, token: admin.token });
  expect(offer.status, offer.text).toBe(201);
  const answer = await call(host, `/api/parties/${party}/appointments/${offer.json.id}/answer`, {
    body: { accept: true },
    token: who.token,
  });
  expect(answer.status, answer.text).toBe(200);
  return offer.json.id as number;
}

async function community() {
  const c = await createCommunity(uid('founder'));
  const me = await call(c.host, '/api/members/me', { token: c.founderToken });
  return { ...c, admin: { token: c.founderToken, id: me.json.id as number } };
}

let c: Awaited<ReturnType<typeof community>>;
beforeAll(async () => {
  c = await community();
});

async function activeClub(leader: Person, members: Person[]) {
  const created = await call(c.host, '/api/clubs', {
    body: { name: uniq('合唱团'), purpose: '每周一起唱歌，练声也交朋友' },
    token: leader.token,
  });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as number;
  expect((await call(c.host, `/api/clubs/${id}/status`, { body: { status: 'active' }, token: c.admin.token })).status).toBe(200);
  for (const m of members) expect((await call(c.host, `/api/clubs/${id}/members`, { method: 'POST', token: m.token })).status).toBe(200);
  return id;
}

/** A club activity with a budget, submitted for approval by `by`. */
async function submittedActivity(clubId: number, by: Person) {
  const created = await call(c.host, '/api/activities', {
    token: by.token,
    body: {
      clubId,
      title: '周末合唱练习',
      startsAt: inDays(5),
      endsAt: inDays(5, 2),
      place: '活动室',
      capacity: 20,
      audience: 'residents',
      expectedParticipants: 10,
      costLines: [{ label: '茶水', amountFen: 5000 }],
    },
  });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as number;
  const submitted = await call(c.host, `/api/activities/${id}/steps`, { body: { step: 'submit' }, token: by.token });
  expect(submitted.status, submitted.text).toBe(200);
  return id;
}

describe('handing a club over takes the former responsible person’s powers away', () => {
  it('the old leader can no longer approve budgets, read rosters or vote for the club in the federation', async () => {
    const oldLeader = await join(c.host, '老队长');
    const newLeader = await join(c.host, '新队长');
    const clubId = await activeClub(oldLeader, [newLeader]);
    const offered = await call(c.host, `/api/clubs/${clubId}/handovers`, { body: { toMemberId: newLeader.id }, token: oldLeader.token });
    expect(offered.status, offered.text).toBe(201);
    const accepted = await call(c.host, `/api/clubs/${clubId}/handovers/${offered.json.id}`, {
      body: { accept: true },
      token: newLeader.token,
    });
    expect(accepted.status, accepted.text).toBe(200);

    const activity = await submittedActivity(clubId, newLeader);
    const approveByOld = await call(c.host, `/api/activities/${activity}/steps`, { body: { step: 'approve' }, token: oldLeader.token });
    expect(approveByOld.status).toBe(403);
    expect((await call(c.host, `/api/activities/${activity}/signups`, { token: oldLeader.token })).status).toBe(403);
    // A handover can no longer be offered by the former responsible person either.
    const again = await call(c.host, `/api/clubs/${clubId}/handovers`, { body: { toMemberId: newLeader.id }, token: oldLeader.token });
    expect(again.status).toBe(403);

    const federation = await call(c.host, '/api/federation', { token: newLeader.token });
    const forClub = federation.json.members.filter((m: { clubId: number }) => m.clubId === clubId);
    expect(forClub.map((m: { memberId: number }) => m.memberId)).toEqual([newLeader.id]);

    // The new responsible person has those powers; a hub member the club never had has none.
    expect((await call(c.host, `/api/activities/${activity}/signups`, { token: newLeader.token })).status).toBe(200);
    const outsider = await join(c.host, '旁人');
    expect((await call(c.host, `/api/activities/${activity}/steps`, { body: { step: 'approve' }, token: outsider.token })).status).toBe(
      403,
    );
  });
});

describe('a party’s representative is appointed by an administrator and accepts', () => {
  it('an administrator cannot make anyone (themself included) a representative through their roles', async () => {
    const res = await call(c.host, `/api/members/${c.admin.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ role: 'association-admin' }, { role: 'party-representative', partyKey: 'owners-committee' }] },
      token: c.admin.token,
    });
    expect(res.status).toBe(400);
    const someone = await join(c.host, '某居民');
    const other = await call(c.host, `/api/members/${someone.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ role: 'party-representative', partyKey: 'owners-committee' }] },
      token: c.admin.token,
    });
    expect(other.status).toBe(400);
  });

  it('nobody appoints themself, and an association administrator represents no other party', async () => {
    const self = await call(c.host, '/api/parties/owners-committee/appointments', { body: { memberId: c.admin.id }, token: c.admin.token });
    expect(self.status).toBe(400);
    const secondAdmin = await join(c.host, '副会长');
    const made = await call(c.host, `/api/members/${secondAdmin.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ role: 'association-admin' }] },
      token: c.admin.token,
    });
    expect(made.status, made.text).toBe(200);
    const byOther = await call(c.host, '/api/parties/owners-committee/appointments', {
      body: { memberId: c.admin.id },
      token: secondAdmin.token,
    });
    expect(byOther.status).toBe(409);
  });

  it('an offer gives no power until accepted; acceptance is audited; one party at a time', async () => {
    const rep = await join(c.host, '业委会代表');
    const offer = await call(c.host, '/api/parties/owners-committee/appointments', { body: { memberId: rep.id }, token: c.admin.token });
    expect(offer.status, offer.text).toBe(201);
    // Only the appointee answers.
    const byAdmin = await call(c.host, `/api/parties/owners-committee/appointments/${offer.json.id}/answer`, {
      body: { accept: true },
      token: c.admin.token,
    });
    expect(byAdmin.status).toBe(403);
    let me = await call(c.host, '/api/members/me', { token: rep.token });
    expect(me.json.roles).toEqual([]);
    const accept = await call(c.host, `/api/parties/owners-committee/appointments/${offer.json.id}/answer`, {
      body: { accept: true },
      token: rep.token,
    });
    expect(accept.status, accept.text).toBe(200);
    me = await call(c.host, '/api/members/me', { token: rep.token });
    expect(me.json.roles).toEqual([expect.objectContaining({ role: 'party-representative', partyKey: 'owners-committee' })]);
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id AS actor, detail FROM audit_log WHERE action = 'party.representative-accepted'",
    ).all<{ actor: string; detail: string }>();
    expect(audit.results.some((r) => JSON.parse(r.detail).appointmentId === offer.json.id)).toBe(true);

    // A second party is refused while the first lasts.
    const second = await call(c.host, '/api/parties/property-company/appointments', { body: { memberId: rep.id }, token: c.admin.token });
    expect(second.status).toBe(409);
    // Ending the term frees them; the record stays.
    expect(
      (await call(c.host, `/api/parties/owners-committee/representatives/${rep.id}`, { method: 'DELETE', token: c.admin.token })).status,
    ).toBe(200);
    const list = await call(c.host, '/api/parties/owners-committee/appointments', { token: c.admin.token });
    expect(list.json.appointments.find((a: { id: number }) => a.id === offer.json.id).status).toBe('ended');
  });

  it('at a joint meeting each party’s position is recorded only by its own representative, and the record names who recorded it', async () => {
    const community2 = await community();
    const host = community2.host;
    const admin = community2.admin;
    const reps: Record<string, Person> = {};
    for (const party of ['residents-committee', 'owners-committee', 'property-company']) {
      const token = await signIn(uid('rep'), host, `${party}代表`);
      const joined = await call(host, '/api/members/me', { body: { displayName: `${party}代表` }, token });
      reps[party] = { token, id: joined.json.id };
      const offer = await call(host, `/api/parties/${party}/appointments`, { body: { memberId: reps[party]!.id }, token: admin.token });
      await call(host, `/api/parties/${party}/appointments/${offer.json.id}/answer`, { body: { accept: true }, token: reps[party]!.token });
    }
    const meeting = await call(host, '/api/meetings', {
      body: { bodyKey: 'joint-meeting', title: '四方联席会议', scheduledFor: inDays(3) },
      token: admin.token,
    });
    expect(meeting.status, meeting.text).toBe(201);
    const id = meeting.json.id;
    expect(
      (
        await call(host, `/api/meetings/${id}/items`, {
          body: { title: '增设充电桩', presenter: '物业', minutesAllotted: 10 },
          token: admin.token,
        })
      ).status,
    ).toBe(201);
    expect((await call(host, `/api/meetings/${id}/open`, { method: 'POST', token: admin.token })).status).toBe(200);
    const detail = await call(host, `/api/meetings/${id}`, { token: admin.token });
    const itemId = detail.json.items[0].id;
    // The administrator speaks for the association, and for no other party.
    const own = await call(host, `/api/meetings/${id}/items/${itemId}/stances/association`, {
      method: 'PUT',
      body: { position: 'agree' },
      token: admin.token,
    });
    expect(own.status, own.text).toBe(200);
    const forOwners = await call(host, `/api/meetings/${id}/items/${itemId}/stances/owners-committee`, {
      method: 'PUT',
      body: { position: 'agree' },
      token: admin.token,
    });
    expect(forOwners.status).toBe(403);
    const byRep = await call(host, `/api/meetings/${id}/items/${itemId}/stances/owners-committee`, {
      method: 'PUT',
      body: { position: 'object', reason: '费用分摊未说明' },
      token: reps['owners-committee']!.token,
    });
    expect(byRep.status, byRep.text).toBe(200);
    const after = await call(host, `/api/meetings/${id}`, { token: admin.token });
    const stances = after.json.items[0].stances as { voter: string; recordedBy: string | null }[];
    expect(stances.find((s) => s.voter === 'owners-committee')?.recordedBy).toBe('owners-committee代表');
    expect(stances.find((s) => s.voter === 'association')?.recordedBy).toBeTruthy();
  });
});

describe('a building contact is confirmed by someone else', () => {
  it('a party representative who offers to be a contact cannot confirm their own offer; another coordinator can', async () => {
    const rep = await join(c.host, '居委会代表');
    await appoint(c.host, c.admin, rep, 'residents-committee');
    const buildings = (await call(c.host, '/api/buildings')).json.buildings;
    const offer = await call(c.host, `/api/buildings/${buildings[1].id}/contact-applications`, { method: 'POST', token: rep.token });
    expect(offer.status, offer.text).toBe(201);
    // One offer waits at a time.
    expect(
      (await call(c.host, `/api/buildings/${buildings[2].id}/contact-applications`, { method: 'POST', token: rep.token })).status,
    ).toBe(409);
    const own = await call(c.host, `/api/contact-applications/${offer.json.id}/decision`, { body: { confirm: true }, token: rep.token });
    expect(own.status).toBe(403);
    const byAdmin = await call(c.host, `/api/contact-applications/${offer.json.id}/decision`, {
      body: { confirm: true },
      token: c.admin.token,
    });
    expect(byAdmin.status, byAdmin.text).toBe(200);
  });
});

describe('volunteer hours are recorded for people who took part, on an activity that happened', () => {
  it('refuses a draft’s proposer, people who did not take part, and anyone but the responsible person or a coordinator', async () => {
    const proposer = await join(c.host, '提议人');
    const stranger = await join(c.host, '路人');
    const draft = await call(c.host, '/api/activities', {
      token: proposer.token,
      body: {
        title: '楼道大扫除',
        startsAt: inDays(2),
        endsAt: inDays(2, 2),
        place: '三栋',
        capacity: 10,
        audience: 'residents',
        expectedParticipants: 0,
        costLines: [],
      },
    });
    expect(draft.status, draft.text).toBe(201);
    const onDraft = await call(c.host, '/api/volunteer-hours', {
      body: { memberId: stranger.id, activityId: draft.json.id, servedOn: '2026-11-01', minutes: 120 },
      token: proposer.token,
    });
    expect(onDraft.status).toBe(400);
    expect(onDraft.json.error.details.activityId).toBeDefined();

    // An activity that happened, with one participant.
    const id = draft.json.id as number;
    for (const step of ['submit', 'approve', 'open'] as const) {
      const token = step === 'approve' ? c.admin.token : proposer.token;
      const res = await call(c.host, `/api/activities/${id}/steps`, { body: { step }, token });
      expect(res.status, `${step}: ${res.text}`).toBe(200);
    }
    const participant = await join(c.host, '参加者');
    expect((await call(c.host, `/api/activities/${id}/signups`, { body: {}, token: participant.token })).status).toBe(201);
    expect((await call(c.host, `/api/activities/${id}/steps`, { body: { step: 'hold' }, token: proposer.token })).status).toBe(200);

    const hours = (memberId: number) => ({ memberId, activityId: id, servedOn: '2026-11-01', minutes: 90 });
    expect((await call(c.host, '/api/volunteer-hours', { body: hours(stranger.id), token: proposer.token })).status).toBe(400);
    expect((await call(c.host, '/api/volunteer-hours', { body: hours(participant.id), token: stranger.token })).status).toBe(403);
    const ok = await call(c.host, '/api/volunteer-hours', { body: hours(participant.id), token: proposer.token });
    expect(ok.status, ok.text).toBe(201);
    // Outside an activity, only an administrator records hours.
    const outside = { memberId: participant.id, servedOn: '2026-11-02', minutes: 60 };
    expect((await call(c.host, '/api/volunteer-hours', { body: outside, token: proposer.token })).status).toBe(403);
    expect((await call(c.host, '/api/volunteer-hours', { body: outside, token: c.admin.token })).status).toBe(201);
  });
});
