import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyOf, client, createCommunity, expectStatus, read, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const uniq = (name: string) => `${name}${crypto.randomUUID().slice(0, 6)}`;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86400_000 + hours * 3600_000).toISOString();
const byId = (id: number) => ({ param: { id: String(id) } });

interface Person {
  token: string;
  id: number;
}

/** The community's API on `host`, as the holder of `token` (or anonymous). */
const api = (host: string, token?: string) => client(host, token).api;
type PartyKey = Parameters<ReturnType<typeof api>['parties'][':key']['appointments']['$post']>[0]['param']['key'];

async function join(host: string, name: string): Promise<Person> {
  const token = await signIn(uid('p'), host, name);
  const res = await read(api(host, token).members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
  return { token, id: bodyOf(res, 201).id };
}

const offerRepresentation = (host: string, party: PartyKey, memberId: number, token: string) =>
  read(api(host, token).parties[':key'].appointments.$post({ param: { key: party }, json: { memberId } }));
const answerOffer = (host: string, party: PartyKey, appointmentId: number, token: string) =>
  read(
    api(host, token).parties[':key'].appointments[':appointmentId'].answer.$post({
      param: { key: party, appointmentId: String(appointmentId) },
      json: { accept: true },
    }),
  );

/** An administrator offers the party's representation and the appointee accepts it. */
async function appoint(host: string, admin: Person, who: Person, party: PartyKey) {
  const offer = await offerRepresentation(host, party, who.id, admin.token);
  const { id } = bodyOf(offer, 201);
  const answer = await answerOffer(host, party, id, who.token);
  expectStatus(answer, 200);
  return id;
}

async function community() {
  const c = await createCommunity(uid('founder'));
  const me = await read(api(c.host, c.founderToken).members.me.$get());
  return { ...c, admin: { token: c.founderToken, id: bodyOf(me, 200).id } };
}

let c: Awaited<ReturnType<typeof community>>;
beforeAll(async () => {
  c = await community();
});

async function activeClub(leader: Person, members: Person[]) {
  const created = await read(
    api(c.host, leader.token).clubs.$post({ json: { name: uniq('合唱团'), purpose: '每周一起唱歌，练声也交朋友' } }),
  );
  const { id } = bodyOf(created, 201);
  expect((await read(api(c.host, c.admin.token).clubs[':id'].status.$post({ ...byId(id), json: { status: 'active' } }))).status).toBe(200);
  for (const m of members) expect((await read(api(c.host, m.token).clubs[':id'].members.$post(byId(id)))).status).toBe(200);
  return id;
}

type Step = Parameters<ReturnType<typeof api>['activities'][':id']['steps']['$post']>[0]['json']['step'];
const takeStep = (id: number, step: Step, token: string) =>
  read(api(c.host, token).activities[':id'].steps.$post({ ...byId(id), json: { step } }));

/** A club activity with a budget, submitted for approval by `by`. */
async function submittedActivity(clubId: number, by: Person) {
  const created = await read(
    api(c.host, by.token).activities.$post({
      json: {
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
    }),
  );
  const { id } = bodyOf(created, 201);
  const submitted = await takeStep(id, 'submit', by.token);
  expectStatus(submitted, 200);
  return id;
}

describe('handing a club over takes the former responsible person’s powers away', () => {
  it('the old leader can no longer approve budgets, read rosters or vote for the club in the federation', async () => {
    const oldLeader = await join(c.host, '老队长');
    const newLeader = await join(c.host, '新队长');
    const clubId = await activeClub(oldLeader, [newLeader]);
    const offerHandover = (token: string) =>
      read(api(c.host, token).clubs[':id'].handovers.$post({ ...byId(clubId), json: { toMemberId: newLeader.id } }));
    const offered = await offerHandover(oldLeader.token);
    const accepted = await read(
      api(c.host, newLeader.token).clubs[':id'].handovers[':handoverId'].$post({
        param: { id: String(clubId), handoverId: String(bodyOf(offered, 201).id) },
        json: { accept: true },
      }),
    );
    expectStatus(accepted, 200);

    const activity = await submittedActivity(clubId, newLeader);
    const roster = (token: string) => read(api(c.host, token).activities[':id'].signups.$get(byId(activity)));
    const approveByOld = await takeStep(activity, 'approve', oldLeader.token);
    expect(approveByOld.status).toBe(403);
    expect((await roster(oldLeader.token)).status).toBe(403);
    // A handover can no longer be offered by the former responsible person either.
    const again = await offerHandover(oldLeader.token);
    expect(again.status).toBe(403);

    const federation = await read(api(c.host, newLeader.token).federation.$get());
    expectStatus(federation, 200);
    const forClub = federation.json.members.filter((m) => m.clubId === clubId);
    expect(forClub.map((m) => m.memberId)).toEqual([newLeader.id]);

    // The new responsible person has those powers; a hub member the club never had has none.
    expect((await roster(newLeader.token)).status).toBe(200);
    const outsider = await join(c.host, '旁人');
    expect((await takeStep(activity, 'approve', outsider.token)).status).toBe(403);
  });
});

describe('a party’s representative is appointed by an administrator and accepts', () => {
  const setRoles = (memberId: number, roles: { role: 'association-admin' | 'party-representative'; partyKey?: PartyKey }[]) =>
    read(api(c.host, c.admin.token).members[':memberId'].roles.$put({ param: { memberId: String(memberId) }, json: { roles } }));

  it('an administrator cannot make anyone (themself included) a representative through their roles', async () => {
    const res = await setRoles(c.admin.id, [{ role: 'association-admin' }, { role: 'party-representative', partyKey: 'owners-committee' }]);
    expect(res.status).toBe(400);
    const someone = await join(c.host, '某居民');
    const other = await setRoles(someone.id, [{ role: 'party-representative', partyKey: 'owners-committee' }]);
    expect(other.status).toBe(400);
  });

  it('nobody appoints themself, and an association administrator represents no other party', async () => {
    const self = await offerRepresentation(c.host, 'owners-committee', c.admin.id, c.admin.token);
    expect(self.status).toBe(400);
    const secondAdmin = await join(c.host, '副会长');
    const made = await setRoles(secondAdmin.id, [{ role: 'association-admin' }]);
    expectStatus(made, 200);
    const byOther = await offerRepresentation(c.host, 'owners-committee', c.admin.id, secondAdmin.token);
    expect(byOther.status).toBe(409);
  });

  it('an offer gives no power until accepted; acceptance is audited; one party at a time', async () => {
    const rep = await join(c.host, '业委会代表');
    const offer = await offerRepresentation(c.host, 'owners-committee', rep.id, c.admin.token);
    const offerId = bodyOf(offer, 201).id;
    // Only the appointee answers.
    const byAdmin = await answerOffer(c.host, 'owners-committee', offerId, c.admin.token);
    expect(byAdmin.status).toBe(403);
    const myRoles = async () => bodyOf(await read(api(c.host, rep.token).members.me.$get()), 200).roles;
    expect(await myRoles()).toEqual([]);
    const accept = await answerOffer(c.host, 'owners-committee', offerId, rep.token);
    expectStatus(accept, 200);
    expect(await myRoles()).toEqual([expect.objectContaining({ role: 'party-representative', partyKey: 'owners-committee' })]);
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id AS actor, detail FROM audit_log WHERE action = 'party.representative-accepted'",
    ).all<{ actor: string; detail: string }>();
    expect(audit.results.some((r) => JSON.parse(r.detail).appointmentId === offerId)).toBe(true);

    // A second party is refused while the first lasts.
    const second = await offerRepresentation(c.host, 'property-company', rep.id, c.admin.token);
    expect(second.status).toBe(409);
    // Ending the term frees them; the record stays.
    const ended = await read(
      api(c.host, c.admin.token).parties[':key'].representatives[':memberId'].$delete({
        param: { key: 'owners-committee', memberId: String(rep.id) },
      }),
    );
    expect(ended.status).toBe(200);
    const list = await read(api(c.host, c.admin.token).parties[':key'].appointments.$get({ param: { key: 'owners-committee' } }));
    expectStatus(list, 200);
    expect(list.json.appointments.find((a) => a.id === offerId)?.status).toBe('ended');
  });

  it('at a joint meeting each party’s position is recorded only by its own representative, and the record names who recorded it', async () => {
    const community2 = await community();
    const host = community2.host;
    const admin = community2.admin;
    const reps: Record<string, Person> = {};
    for (const party of ['residents-committee', 'owners-committee', 'property-company'] as const) {
      const token = await signIn(uid('rep'), host, `${party}代表`);
      const joined = await read(api(host, token).members.me.$post({ json: { privacyNoticeVersion: 1, displayName: `${party}代表` } }));
      expectStatus(joined, 201);
      reps[party] = { token, id: joined.json.id };
      const offer = await offerRepresentation(host, party, reps[party]!.id, admin.token);
      expectStatus(offer, 201);
      await answerOffer(host, party, offer.json.id, reps[party]!.token);
    }
    const meetings = (token: string) => api(host, token).meetings;
    const meeting = await read(
      meetings(admin.token).$post({ json: { bodyKey: 'joint-meeting', title: '四方联席会议', scheduledFor: inDays(3) } }),
    );
    const id = String(bodyOf(meeting, 201).id);
    expect(
      (
        await read(
          meetings(admin.token)[':id'].items.$post({
            param: { id },
            json: { title: '增设充电桩', presenter: '物业', minutesAllotted: 10 },
          }),
        )
      ).status,
    ).toBe(201);
    expect((await read(meetings(admin.token)[':id'].open.$post({ param: { id } }))).status).toBe(200);
    const detail = await read(meetings(admin.token)[':id'].$get({ param: { id } }));
    const itemId = String(bodyOf(detail, 200).items[0]!.id);
    const recordPosition = (voter: string, position: 'agree' | 'object', token: string, reason?: string) =>
      read(
        meetings(token)[':id'].items[':itemId'].stances[':voter'].$put({
          param: { id, itemId, voter },
          json: reason === undefined ? { position } : { position, reason },
        }),
      );
    // The administrator speaks for the association, and for no other party.
    const own = await recordPosition('association', 'agree', admin.token);
    expectStatus(own, 200);
    const forOwners = await recordPosition('owners-committee', 'agree', admin.token);
    expect(forOwners.status).toBe(403);
    const byRep = await recordPosition('owners-committee', 'object', reps['owners-committee']!.token, '费用分摊未说明');
    expectStatus(byRep, 200);
    const after = await read(meetings(admin.token)[':id'].$get({ param: { id } }));
    const stances = bodyOf(after, 200).items[0]!.stances;
    expect(stances.find((s) => s.voter === 'owners-committee')?.recordedBy).toBe('owners-committee代表');
    expect(stances.find((s) => s.voter === 'association')?.recordedBy).toBeTruthy();
  });
});

describe('a building contact is confirmed by someone else', () => {
  it('a party representative who offers to be a contact cannot confirm their own offer; another coordinator can', async () => {
    const rep = await join(c.host, '居委会代表');
    await appoint(c.host, c.admin, rep, 'residents-committee');
    const buildings = bodyOf(await read(api(c.host).buildings.$get()), 200).buildings;
    const volunteer = (buildingId: number) => read(api(c.host, rep.token).buildings[':id']['contact-applications'].$post(byId(buildingId)));
    const offer = await volunteer(buildings[1]!.id);
    const offerId = bodyOf(offer, 201).id;
    // One offer waits at a time.
    expect((await volunteer(buildings[2]!.id)).status).toBe(409);
    const decide = (token: string) =>
      read(api(c.host, token)['contact-applications'][':id'].decision.$post({ ...byId(offerId), json: { confirm: true } }));
    const own = await decide(rep.token);
    expect(own.status).toBe(403);
    const byAdmin = await decide(c.admin.token);
    expectStatus(byAdmin, 200);
  });
});

describe('volunteer hours are recorded for people who took part, on an activity that happened', () => {
  it('refuses a draft’s proposer, people who did not take part, and anyone but the responsible person or a coordinator', async () => {
    const proposer = await join(c.host, '提议人');
    const stranger = await join(c.host, '路人');
    const draft = await read(
      api(c.host, proposer.token).activities.$post({
        json: {
          title: '楼道大扫除',
          startsAt: inDays(2),
          endsAt: inDays(2, 2),
          place: '三栋',
          capacity: 10,
          audience: 'residents',
          expectedParticipants: 0,
          costLines: [],
        },
      }),
    );
    const id = bodyOf(draft, 201).id;
    type Hours = Parameters<ReturnType<typeof api>['volunteer-hours']['$post']>[0]['json'];
    const recordHours = (json: Hours, token: string) => read(api(c.host, token)['volunteer-hours'].$post({ json }));
    const onDraft = await recordHours({ memberId: stranger.id, activityId: id, servedOn: '2026-11-01', minutes: 120 }, proposer.token);
    expectStatus(onDraft, 400);
    expect(onDraft.json.error.details).toHaveProperty(['activityId']);

    // An activity that happened, with one participant.
    for (const step of ['submit', 'approve', 'open'] as const) {
      const token = step === 'approve' ? c.admin.token : proposer.token;
      const res = await takeStep(id, step, token);
      expect(res.status, `${step}: ${res.text}`).toBe(200);
    }
    const participant = await join(c.host, '参加者');
    expect((await read(api(c.host, participant.token).activities[':id'].signups.$post({ ...byId(id), json: {} }))).status).toBe(201);
    expect((await takeStep(id, 'hold', proposer.token)).status).toBe(200);

    const hours = (memberId: number) => ({ memberId, activityId: id, servedOn: '2026-11-01', minutes: 90 });
    expect((await recordHours(hours(stranger.id), proposer.token)).status).toBe(400);
    expect((await recordHours(hours(participant.id), stranger.token)).status).toBe(403);
    const ok = await recordHours(hours(participant.id), proposer.token);
    expectStatus(ok, 201);
    // Outside an activity nobody records hours for someone else: the volunteer logs their own (volunteers.logOwnHours).
    const outside = { memberId: participant.id, servedOn: '2026-11-02', minutes: 60 } as unknown as Hours;
    expect((await recordHours(outside, c.admin.token)).status).toBe(400);
  });
});
