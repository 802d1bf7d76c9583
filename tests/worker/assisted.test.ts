import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { members } from '../../worker/db/tenant-schema';
import { as, byId, community, openActivity, type Person, resident, roster, today, uniq } from './community-fixtures';
import { bodyOf, errorOf, expectStatus, rawCall, read, signIn, tenantDb } from './helpers';
import { env } from 'cloudflare:workers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });

/** A community with a contact of the first building, an offline elder registered by them, and an open activity. */
async function setup() {
  const c = await community();
  const contact = await resident(c.host, uniq('联络人'));
  const { buildings } = bodyOf(await read(as(c.host).buildings.$get()), 200);
  const buildingId = buildings[0]!.id;
  expectStatus(
    await read(
      as(c.host, c.admin).members[':memberId'].roles.$put({
        param: { memberId: String(contact.id) },
        json: { roles: [{ role: 'building-contact', buildingId }] },
      }),
    ),
    200,
  );
  const elderName = uniq('孙奶奶');
  const elder = bodyOf(
    await read(
      as(c.host, contact)['assisted-members'].$post({
        json: { displayName: elderName, buildingId, household: '1-101', phone: '138 0000 1111' },
      }),
    ),
    201,
  ).id;
  const activity = await openActivity(c.host, c.admin, c.admin);
  return { ...c, contact, buildingId, buildings, elder, elderName, activity };
}

/** The audit log's actions in the community `slug`. */
async function auditActions(slug: string) {
  const rows = await env.PLATFORM_DB.prepare(
    'SELECT action, detail FROM audit_log WHERE community_id = (SELECT id FROM communities WHERE slug = ?) ORDER BY id',
  )
    .bind(slug)
    .all<{
      action: string;
      detail: string;
    }>();
  return rows.results;
}

const makeCode = async (host: string, who: Person, id: number) =>
  bodyOf(await read(as(host, who)['assisted-members'][':id']['claim-code'].$post(byId(id))), 201).code;

describe('acting on behalf of an assisted resident', () => {
  it('signs them up, checks them in, raises an issue, posts a need and records hours, each marked and audited', async () => {
    const s = await setup();
    const api = as(s.host, s.contact);
    const signup = bodyOf(await read(api.activities[':id'].signups.$post({ ...byId(s.activity), json: { onBehalfOf: s.elder } })), 201);
    expect(signup.status).toBe('confirmed');
    const list = await roster(s.host, s.activity, s.admin);
    const row = list.find((r) => r.id === signup.id)!;
    expect(row.memberId).toBe(s.elder);
    expect(row.onBehalfName).toBe(s.contact.name);
    expectStatus(await read(api.activities[':id'].checkins.$post({ ...byId(s.activity), json: { signupId: signup.id } })), 200);

    const issue = bodyOf(
      await read(
        api.issues.$post({ json: { title: '楼道灯坏了很久', description: '晚上看不见台阶', category: 'facilities', onBehalfOf: s.elder } }),
      ),
      201,
    ).id;
    const page = bodyOf(await read(as(s.host, s.admin).issues[':id'].$get(byId(issue))), 200);
    expect(page.raisedBy).toBe(s.elder);
    expect(page.onBehalfName).toBe(s.contact.name);

    const need = bodyOf(
      await read(api.needs.$post({ json: { title: '想学用手机挂号', category: 'elderly', beneficiary: 'self', onBehalfOf: s.elder } })),
      201,
    ).id;
    const needPage = bodyOf(await read(as(s.host, s.admin).needs[':id'].$get(byId(need))), 200);
    expect(needPage.posterName).toBe(s.elderName);
    expect(needPage.recordedByName).toBe(s.contact.name);

    expectStatus(
      await read(
        api['assisted-members'][':id'].hours.$post({ ...byId(s.elder), json: { servedOn: today(), minutes: 90, note: '帮忙包粽子' } }),
      ),
      201,
    );

    const resident = bodyOf(await read(api['assisted-members'][':id'].$get(byId(s.elder))), 200);
    expect(resident.phone).toBe('138 0000 1111');
    expect(resident.history.signups[0]).toMatchObject({ activityId: s.activity, onBehalfBy: s.contact.name });
    expect(resident.history.signups[0]!.checkedInAt).not.toBeNull();
    expect(resident.history.issues[0]).toMatchObject({ id: issue, onBehalfBy: s.contact.name });
    expect(resident.history.needs[0]).toMatchObject({ id: need, onBehalfBy: s.contact.name });
    expect(resident.history.hours[0]).toMatchObject({ minutes: 90, confirmed: true, onBehalfBy: s.contact.name });

    const actions = (await auditActions(s.slug)).map((r) => r.action);
    for (const action of [
      'assisted.registered',
      'assisted.signed-up',
      'assisted.checked-in',
      'assisted.issue-raised',
      'assisted.need-posted',
      'assisted.hours-recorded',
    ])
      expect(actions).toContain(action);
  });

  it('is refused on behalf of a member who signs in themself', async () => {
    const s = await setup();
    const neighbour = await resident(s.host, uniq('邻居'));
    const db = await tenantDb(s.slug);
    await db.update(members).set({ buildingId: s.buildingId }).where(eq(members.id, neighbour.id));
    const res = await read(
      as(s.host, s.contact).activities[':id'].signups.$post({ ...byId(s.activity), json: { onBehalfOf: neighbour.id } }),
    );
    expectStatus(res, 403);
    const issue = await read(
      as(s.host, s.admin).issues.$post({
        json: { title: '替别人提的议题', description: '不该成功', category: 'facilities', onBehalfOf: neighbour.id },
      }),
    );
    expectStatus(issue, 403);
  });
});

describe('claiming the record', () => {
  it('makes the history theirs, with the marks; the code works once', async () => {
    const s = await setup();
    bodyOf(await read(as(s.host, s.contact).activities[':id'].signups.$post({ ...byId(s.activity), json: { onBehalfOf: s.elder } })), 201);
    const code = await makeCode(s.host, s.contact, s.elder);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const listed = bodyOf(await read(as(s.host, s.contact)['assisted-members'].$get()), 200).residents.find((r) => r.id === s.elder)!;
    expect(listed.openClaimCode).toBe(true);

    const token = await signIn(uniq('elder-phone'), s.host, '孙奶奶的手机');
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const claimed = bodyOf(
      await read(as(s.host, { token, id: 0, name: '' })['assisted-members'].claims.$post({ json: { code: typed } })),
      200,
    );
    expect(claimed.memberId).toBe(s.elder);

    const me = { token, id: s.elder, name: s.elderName };
    const history = bodyOf(await read(as(s.host, me).me.history.$get()), 200);
    expect(history.signups[0]).toMatchObject({ activityId: s.activity, onBehalfBy: s.contact.name });
    expect(bodyOf(await read(as(s.host, me).members.me.$get()), 200).id).toBe(s.elder);

    // Used once: a second person cannot use it, and the contact no longer acts for the resident.
    const other = await signIn(uniq('other'), s.host, '别人');
    expectStatus(await read(as(s.host, { token: other, id: 0, name: '' })['assisted-members'].claims.$post({ json: { code } })), 400);
    expectStatus(await read(as(s.host, s.contact)['assisted-members'][':id'].$get(byId(s.elder))), 403);
    const actions = (await auditActions(s.slug)).map((r) => r.action);
    expect(actions).toContain('assisted.claim-code-issued');
    expect(actions).toContain('assisted.claimed');
  });

  it('folds away a waiting application of the person claiming', async () => {
    const s = await setup();
    const code = await makeCode(s.host, s.admin, s.elder);
    const token = await signIn(uniq('applicant'), s.host, '申请人');
    const db = await tenantDb(s.slug);
    const applicant = bodyOf(
      await read(as(s.host, { token, id: 0, name: '' }).members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '申请人' } })),
      201,
    );
    await db.update(members).set({ status: 'pending' }).where(eq(members.id, applicant.id));
    bodyOf(await read(as(s.host, { token, id: 0, name: '' })['assisted-members'].claims.$post({ json: { code } })), 200);
    expect(await db.select().from(members).where(eq(members.id, applicant.id))).toHaveLength(0);
  });

  it('refuses an active member, an expired code, a replaced code and a wrong one, and brakes guessing', async () => {
    const s = await setup();
    const first = await makeCode(s.host, s.contact, s.elder);
    const second = await makeCode(s.host, s.contact, s.elder);
    const member = await resident(s.host, uniq('已是成员'));
    expectStatus(await read(as(s.host, member)['assisted-members'].claims.$post({ json: { code: second } })), 409);

    const guesser = { token: await signIn(uniq('guess'), s.host, '猜码'), id: 0, name: '' };
    const wrong = await read(as(s.host, guesser)['assisted-members'].claims.$post({ json: { code: first } }));
    expectStatus(wrong, 400);
    expect(errorOf(wrong.json).message).toMatch(/does not work/);

    const db = await tenantDb(s.slug);
    await db
      .update(members)
      .set({ claimCodeExpiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(members.id, s.elder));
    expectStatus(await read(as(s.host, guesser)['assisted-members'].claims.$post({ json: { code: second } })), 400);

    for (let i = 0; i < 3; i++)
      await rawCall(s.host, '/api/assisted-members/claims', { method: 'POST', body: { code: 'AAAAAAAA' }, token: guesser.token });
    const braked = await rawCall(s.host, '/api/assisted-members/claims', {
      method: 'POST',
      body: { code: 'AAAAAAAA' },
      token: guesser.token,
    });
    expect(braked.status).toBe(429);
  });
});
