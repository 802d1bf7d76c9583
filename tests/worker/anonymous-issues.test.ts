import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { raiserVisibleTo, shownRaiser } from '../../worker/community/issues/rules';
import { snapshotNow } from '../../worker/metrics/snapshots';
import { as, byId, community, type Person, resident, uniq } from './community-fixtures';
import { bodyOf, client, dispatch, expectStatus, PLATFORM, rawCall, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

describe('who sees the raiser of an anonymous issue (the pure rule)', () => {
  const issue = { anonymous: true, raisedBy: 7 };
  const viewer = (id: number, ...roles: { role: string; partyKey: string }[]) => ({ id, roles });

  it('shows the raiser to themself and to the association’s coordinators only', () => {
    expect(raiserVisibleTo(issue, viewer(7))).toBe(true);
    expect(raiserVisibleTo(issue, viewer(1, { role: 'association-admin', partyKey: '' }))).toBe(true);
    expect(raiserVisibleTo(issue, viewer(2, { role: 'party-representative', partyKey: 'association' }))).toBe(true);
    expect(raiserVisibleTo(issue, viewer(3, { role: 'party-representative', partyKey: 'property-company' }))).toBe(false);
    expect(raiserVisibleTo(issue, viewer(4, { role: 'building-contact', partyKey: '' }))).toBe(false);
    expect(raiserVisibleTo(issue, viewer(5))).toBe(false);
    expect(raiserVisibleTo(issue, null)).toBe(false);
  });

  it('names the raiser of an ordinary issue to everyone, and tells the raiser it is theirs either way', () => {
    expect(raiserVisibleTo({ anonymous: false, raisedBy: 7 }, null)).toBe(true);
    expect(shownRaiser(issue, viewer(5))).toEqual({ raisedBy: null, mine: false });
    expect(shownRaiser(issue, viewer(7))).toEqual({ raisedBy: 7, mine: true });
    expect(shownRaiser({ anonymous: false, raisedBy: 7 }, viewer(5))).toEqual({ raisedBy: 7, mine: false });
  });
});

/** Keys that name a person by id in the API's answers. */
const personKey = /raisedBy|raiser|memberId|actor|recordedBy|createdBy|^id$/i;

/** Every `key: value` pair in a JSON answer where a person key holds `id`, as paths for a readable failure. */
function idsOf(json: unknown, id: number, path = ''): string[] {
  if (Array.isArray(json)) return json.flatMap((v, i) => idsOf(v, id, `${path}[${i}]`));
  if (json === null || typeof json !== 'object') return [];
  const entries = Object.entries(json);
  // An object with a displayName is a person: its `id` is theirs; elsewhere `id` is the record's own.
  const isPerson = entries.some(([k]) => k === 'displayName');
  return entries.flatMap(([k, v]) => {
    const here = `${path}.${k}`;
    const named = k === 'id' ? isPerson : personKey.test(k);
    return [...(named && v === id ? [here] : []), ...idsOf(v, id, here)];
  });
}

describe('an anonymous issue hides its raiser from everyone but the coordinators', () => {
  let c: Awaited<ReturnType<typeof community>>;
  let raiser: Person;
  let neighbour: Person;
  let contact: Person;
  let propertyRep: Person;
  let committeeMember: Person;
  let consultantToken: string;
  let issueId: number;
  let openIssueId: number;
  let meetingId: number;

  beforeAll(async () => {
    c = await community();
    const { host, admin } = c;
    raiser = await resident(host, uniq('匿名提出人'));
    neighbour = await resident(host, uniq('邻居'));
    contact = await resident(host, uniq('联络人'));
    propertyRep = await resident(host, uniq('物业代表'));
    committeeMember = await resident(host, uniq('委员'));

    const building = bodyOf(await read(as(host).buildings.$get()), 200).buildings[0]!;
    const applied = bodyOf(await read(as(host, contact).buildings[':id']['contact-applications'].$post(byId(building.id))), 201);
    expectStatus(
      await read(as(host, admin)['contact-applications'][':id'].decision.$post({ ...byId(applied.id), json: { confirm: true } })),
      200,
    );
    const offer = bodyOf(
      await read(
        as(host, admin).parties[':key'].appointments.$post({ param: { key: 'property-company' }, json: { memberId: propertyRep.id } }),
      ),
      201,
    );
    expectStatus(
      await read(
        as(host, propertyRep).parties[':key'].appointments[':appointmentId'].answer.$post({
          param: { key: 'property-company', appointmentId: String(offer.id) },
          json: { accept: true },
        }),
      ),
      200,
    );
    const committee = bodyOf(
      await read(as(host, admin).committees.$post({ json: { name: uniq('物业监督委员会'), kind: 'standing', remit: '监督物业服务质量' } })),
      201,
    );
    expectStatus(
      await read(as(host, admin).committees[':id'].members.$post({ ...byId(committee.id), json: { memberId: committeeMember.id } })),
      201,
    );

    // The resident ticks □ 对外匿名; the same resident's other issue is an ordinary one, named to all.
    issueId = bodyOf(
      await read(
        as(host, raiser).issues.$post({
          json: {
            title: '物业保安夜间脱岗',
            description: '最近几周夜里门岗经常没人，外卖和陌生人随意进出。',
            category: 'safety',
            buildingId: building.id,
            anonymous: true,
          },
        }),
      ),
      201,
    ).id;
    openIssueId = bodyOf(
      await read(
        as(host, raiser).issues.$post({
          json: { title: '希望增设快递柜', description: '快递堆在门厅，容易丢。', category: 'facilities', buildingId: building.id },
        }),
      ),
      201,
    ).id;

    // Along its path: the contact takes it up and refers it to the committee, whose member recommends; it goes on the agenda.
    const move = (who: Person, json: Parameters<ReturnType<typeof as>['issues'][':id']['transitions']['$post']>[0]['json']) =>
      read(as(host, who).issues[':id'].transitions.$post({ ...byId(issueId), json }));
    expectStatus(await move(contact, { to: 'acknowledged', note: '已在楼栋群了解情况' }), 200);
    expectStatus(await move(contact, { to: 'referred', bodyKey: 'professional-committees', committeeId: committee.id }), 200);
    expectStatus(
      await read(
        as(host, committeeMember).issues[':id'].recommendation.$post({ ...byId(issueId), json: { text: '请物业调整排班，夜间双岗' } }),
      ),
      200,
    );
    meetingId = bodyOf(
      await read(
        as(host, admin).meetings.$post({
          json: { bodyKey: 'joint-meeting', title: uniq('联席会议'), scheduledFor: new Date(Date.now() + 5 * 86400_000).toISOString() },
        }),
      ),
      201,
    ).id;
    expectStatus(
      await read(
        as(host, admin).meetings[':id'].items.$post({
          ...byId(meetingId),
          json: { issueId, presenter: '一栋联络人', minutesAllotted: 15, papers: '## 情况\n\n夜间门岗无人。' },
        }),
      ),
      201,
    );

    // A consultant with a grant, and this month's figures computed after all of it.
    const consultant = uniq('consultant');
    await env.PLATFORM_DB.batch([
      env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(consultant),
      env.PLATFORM_DB.prepare('INSERT INTO consultant_profiles (user_id, display_name, organisation) VALUES (?, ?, ?)').bind(
        consultant,
        '顾问',
        '研究中心',
      ),
    ]);
    expectStatus(await read(as(host, admin)['consultant-access'][':userId'].$put({ param: { userId: consultant } })), 200);
    const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(c.slug).first<{ id: string }>();
    await snapshotNow(env, [row!.id]);
    consultantToken = await signIn(consultant);
  });

  /** Every page of the community that can mention the issue, as `token` reads it: status and raw body. */
  async function everything(token?: string) {
    const paths = [
      `/api/issues/${issueId}`,
      '/api/issues',
      `/api/meetings/${meetingId}`,
      '/api/meetings',
      '/api/decisions',
      '/api/committees',
      '/api/buildings',
      '/api/federation',
      '/api/me/notifications',
    ];
    const answers = await Promise.all(paths.map(async (path) => ({ path, ...(await rawCall(c.host, path, { token })) })));
    // The pages as a chat app's preview fetcher gets them: the share card's HTML.
    for (const path of [`/issues/${issueId}`, `/meetings/${meetingId}`]) {
      const res = await dispatch(`http://${c.host}${path}`, { headers: { accept: 'text/html', 'user-agent': 'WhatsApp/2.23' } });
      answers.push({ path, status: res.status, text: await res.text(), json: null, headers: res.headers });
    }
    return answers;
  }

  function expectNoRaiser(answers: Awaited<ReturnType<typeof everything>>, who: string) {
    for (const a of answers) {
      expect(a.text, `${who}: ${a.path}`).not.toContain(raiser.name);
      if (a.path === '/api/issues') {
        // The list holds the ordinary issue too, named: only the anonymous one must hide who raised it.
        const list = (a.json as { issues?: { id: number; raisedBy: number | null }[] }).issues ?? [];
        expect(list.find((i) => i.id === issueId)?.raisedBy ?? null, who).toBeNull();
      } else {
        expect(idsOf(a.json, raiser.id), `${who}: ${a.path}`).toEqual([]);
      }
    }
  }

  it('shows another member, the building contact, another party’s representative and a committee member an anonymous resident', async () => {
    for (const [who, person] of [
      ['member', neighbour],
      ['building contact', contact],
      ['property company representative', propertyRep],
      ['committee member', committeeMember],
    ] as const) {
      const answers = await everything(person.token);
      const detail = answers.find((a) => a.path === `/api/issues/${issueId}`)!;
      expect(detail.status, who).toBe(200);
      expect(detail.json, who).toMatchObject({ anonymous: true, mine: false, raisedBy: null, raiserName: null });
      const events = (detail.json as { events: { toState: string; actor: string | null; byRaiser: boolean }[] }).events;
      expect(events[0], who).toMatchObject({ toState: 'raised', actor: null, byRaiser: true });
      expect(answers.find((a) => a.path === `/api/meetings/${meetingId}`)?.status, who).toBe(200);
      expectNoRaiser(answers, who);
    }
  });

  it('tells a visitor who is not signed in nothing about the raiser', async () => {
    const answers = await everything();
    expect(answers.find((a) => a.path === `/api/issues/${issueId}`)?.status).toBe(401);
    expectNoRaiser(answers, 'visitor');
  });

  it('gives a consultant figures that name no raiser', async () => {
    for (const path of [
      `/api/consultant/communities/${c.slug}`,
      `/api/consultant/compare?slugs=${c.slug}`,
      '/api/consultant/communities',
    ]) {
      const res = await rawCall(PLATFORM, path, { token: consultantToken });
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(raiser.name);
    }
  });

  it('names the raiser of an ordinary issue to the same readers, so the search above would find a name', async () => {
    const res = await rawCall(c.host, `/api/issues/${openIssueId}`, { token: neighbour.token });
    expect(res.text).toContain(raiser.name);
    expect(res.json).toMatchObject({ anonymous: false, raisedBy: raiser.id });
  });

  it('shows the coordinator who raised it, and the raiser that it is theirs', async () => {
    const forAdmin = bodyOf(await read(client(c.host, c.admin.token).api.issues[':id'].$get(byId(issueId))), 200);
    expect(forAdmin).toMatchObject({ anonymous: true, mine: false, raisedBy: raiser.id, raiserName: raiser.name });
    expect(forAdmin.events[0]).toMatchObject({ actor: raiser.name, byRaiser: true });

    const own = bodyOf(await read(as(c.host, raiser).issues[':id'].$get(byId(issueId))), 200);
    expect(own).toMatchObject({ anonymous: true, mine: true, raisedBy: raiser.id, raiserName: raiser.name });
    const mine = bodyOf(await read(as(c.host, raiser).issues.$get()), 200).issues.filter((i) => i.mine);
    expect(mine.map((i) => [i.id, i.anonymous]).sort()).toEqual(
      [
        [issueId, true],
        [openIssueId, false],
      ].sort(),
    );
  });

  it('writes notifications about it only to the raiser, and never names them to anyone else', async () => {
    const db = await tenantD1(c.slug);
    const { results } = await db
      .prepare(
        'SELECT member_id AS memberId, text_zh AS zh, text_en AS en FROM notifications WHERE issue_id = ? OR text_zh LIKE ? OR text_en LIKE ?',
      )
      .bind(issueId, `%${raiser.name}%`, `%${raiser.name}%`)
      .all<{ memberId: number; zh: string; en: string }>();
    expect(results.length).toBeGreaterThan(0);
    for (const n of results.filter((r) => r.memberId !== raiser.id && r.memberId !== c.admin.id)) {
      expect(`${n.zh} ${n.en}`).not.toContain(raiser.name);
    }
    const own = bodyOf(await read(as(c.host, raiser).me.notifications.$get()), 200).notifications;
    expect(own.some((n) => n.issueId === issueId)).toBe(true);
  });

  it('is raised as an ordinary issue when the box is not ticked', async () => {
    const id = bodyOf(
      await read(
        as(c.host, neighbour).issues.$post({
          json: { title: '楼道灯不亮了', description: '三楼楼道灯坏了一周。', category: 'facilities' },
        }),
      ),
      201,
    ).id;
    expect(bodyOf(await read(as(c.host, raiser).issues[':id'].$get(byId(id))), 200)).toMatchObject({
      anonymous: false,
      raisedBy: neighbour.id,
      raiserName: neighbour.name,
    });
  });
});
