import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { snapshotNow } from '../../worker/metrics/snapshots';
import { runRetention } from '../../worker/community/retention/service';
import { consentBody, openWithSafety, approvedChildrenActivity, safetyCommunity } from './children-fixtures';
import { as, byId, type Person, resident, uniq } from './community-fixtures';
import { createCourse, openTerm, weekly } from './courses-fixtures';
import { bodyOf, dispatch, expectStatus, rawCall, read, signIn, tenantD1, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
const DAY = 86400_000;

/**
 * A child signed up by their guardian (with consent) for a children's activity and a paid children's course, in a
 * community where another guardian has a child on the same activity. Only the guardian, the activity's organisers,
 * the course's teacher and the admins may read the child's name; every other reader, on every page that could carry
 * it, must not.
 */
describe("a child's name and details", () => {
  const CHILD = '童小满';
  const PHONE = '13911112222';
  let c: Awaited<ReturnType<typeof safetyCommunity>>;
  let activityId: number;
  let courseId: number;
  let organiser: Person;
  let guardian: Person;
  let otherGuardian: Person;
  let neighbour: Person;
  let contact: Person;
  let consultantToken: string;

  beforeAll(async () => {
    c = await safetyCommunity();
    const made = await approvedChildrenActivity(c.host, c.admin, '暑期少儿团·观鸟');
    ({ organiser, guardian } = made);
    activityId = made.id;
    await openWithSafety(c.host, activityId, organiser);
    const mine = bodyOf(await read(as(c.host, guardian).children.$post({ json: { name: CHILD, birthMonth: '2018-04' } })), 201);
    const json = { ...consentBody(mine.id), emergencyPhone: PHONE };
    expectStatus(await read(as(c.host, guardian).activities[':id']['child-signups'].$post({ ...byId(activityId), json })), 201);

    otherGuardian = await resident(c.host, '陈妈妈');
    const theirs = bodyOf(await read(as(c.host, otherGuardian).children.$post({ json: { name: '陈豆豆', birthMonth: '2017-09' } })), 201);
    expectStatus(
      await read(as(c.host, otherGuardian).activities[':id']['child-signups'].$post({ ...byId(activityId), json: consentBody(theirs.id) })),
      201,
    );

    const termId = await openTerm(c.host, c.admin);
    courseId = await createCourse(c.host, c.admin, termId, {
      title: '少儿书法',
      ageMin: 6,
      ageMax: 12,
      minEnrolment: 1,
      maxEnrolment: 10,
      costFen: 20000,
      sessions: weekly(2),
    });
    expectStatus(
      await read(as(c.host, guardian).courses[':id'].enrolments.$post({ ...byId(courseId), json: { ...json, childName: CHILD } as never })),
      201,
    );

    neighbour = await resident(c.host, uniq('邻居'));
    // A building contact prints sign-in sheets for any activity, but is not its organiser.
    contact = await resident(c.host, uniq('楼栋联络人'));
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

    const consultant = uniq('consultant');
    await env.PLATFORM_DB.batch([
      env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(consultant),
      env.PLATFORM_DB.prepare('INSERT INTO consultant_profiles (user_id, display_name, organisation) VALUES (?, ?, ?)').bind(
        consultant,
        '顾问',
        '研究中心',
      ),
    ]);
    expectStatus(await read(as(c.host, c.admin)['consultant-access'][':userId'].$put({ param: { userId: consultant } })), 200);
    const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(c.slug).first<{ id: string }>();
    await snapshotNow(env, [row!.id]);
    consultantToken = await signIn(consultant);
  });

  /** Every page that could carry the child's name, as `token` reads it. */
  async function everything(token?: string) {
    const a = `/api/activities/${activityId}`;
    const k = `/api/courses/${courseId}`;
    const paths = [
      a,
      '/api/activities',
      `${a}/signups`,
      `${a}/children`,
      `${a}/sign-in-sheet`,
      `${a}/poster`,
      `${a}/rota`,
      k,
      '/api/courses',
      `${k}/children`,
      `${k}/attendance`,
      '/api/course-timetable',
      '/api/children',
      '/api/me/overview',
      '/api/me/notifications',
      '/api/ledger/transactions',
      '/api/ledger/funds',
      '/api/ledger/funds/hub/statement',
      '/api/ledger/funds/hub/statement.csv',
      '/api/members',
      '/api/programs',
      `/api/consultant/communities/${c.slug}`,
    ];
    const answers = await Promise.all(paths.map(async (path) => ({ path, ...(await rawCall(c.host, path, { token })) })));
    for (const path of [`/activities/${activityId}`, `/courses/${courseId}`]) {
      const res = await dispatch(`http://${c.host}${path}`, { headers: { accept: 'text/html', 'user-agent': 'WhatsApp/2.23' } });
      answers.push({ path, status: res.status, text: await res.text(), json: null, headers: res.headers });
    }
    return answers;
  }

  const leaks = (answers: Awaited<ReturnType<typeof everything>>) =>
    answers.filter((x) => x.text.includes(CHILD) || x.text.includes(PHONE)).map((x) => x.path);

  it('is shown to no unrelated member, other guardian, building contact, anonymous visitor or consultant, anywhere', async () => {
    for (const [who, token] of [
      ['unrelated member', neighbour.token],
      ['another guardian', otherGuardian.token],
      ['building contact', contact.token],
      ['anonymous visitor', undefined],
      ['consultant', consultantToken],
    ] as const) {
      expect(leaks(await everything(token)), who).toEqual([]);
    }
  });

  it("is the guardian's, the organisers' and the teacher's to see; a building contact's sign-in sheet marks the child without a name", async () => {
    const organiserSees = leaks(await everything(organiser.token));
    expect(organiserSees).toEqual(
      expect.arrayContaining([`/api/activities/${activityId}/children`, `/api/activities/${activityId}/sign-in-sheet`]),
    );
    expect(leaks(await everything(guardian.token))).toEqual(expect.arrayContaining(['/api/children', `/api/activities/${activityId}`]));
    expect(leaks(await everything(c.admin.token))).toEqual(expect.arrayContaining([`/api/courses/${courseId}/children`]));

    const sheet = bodyOf(await read(as(c.host, contact).activities[':id']['sign-in-sheet'].$get(byId(activityId))), 200);
    expect(sheet.rows.filter((r) => r.isChild)).toEqual([
      expect.objectContaining({ name: '', heldBy: guardian.name }),
      expect.objectContaining({ name: '', heldBy: otherGuardian.name }),
    ]);
  });

  it('is named to no one, organisers included, once 30 days have passed after the end', async () => {
    // The activity and the course as if they had ended 40 days ago (their consents' keeping time with them).
    const d1 = await tenantD1(c.slug);
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    await d1.batch([
      d1.prepare('UPDATE activities SET starts_at = ?, ends_at = ? WHERE id = ?').bind(ago(41), ago(40), activityId),
      d1.prepare('UPDATE course_sessions SET starts_at = ?, ends_at = ? WHERE course_id = ?').bind(ago(41), ago(40), courseId),
      d1.prepare('UPDATE child_consents SET details_until = ?').bind(ago(10).slice(0, 10)),
    ]);
    const pass = await runRetention(await tenantDb(c.slug));
    expect(pass.counts).toMatchObject({ childDetails: 3, childNames: 3 });
    for (const token of [organiser.token, c.admin.token]) expect(leaks(await everything(token))).toEqual([]);
    const roster = bodyOf(await read(as(c.host, organiser).activities[':id'].children.$get(byId(activityId))), 200).children;
    expect(roster).toHaveLength(2);
    // Only the guardian's own page keeps the child: it is theirs.
    expect(leaks(await everything(guardian.token))).toEqual(['/api/children']);
  });
});

describe('recording a child', () => {
  it('is for a guardian, of a child under 18 already born; the child is theirs alone to sign up', async () => {
    const c = await safetyCommunity();
    const parent = await resident(c.host, '家长');
    const year = new Date().getUTCFullYear();
    const add = (birthMonth: string) => read(as(c.host, parent).children.$post({ json: { name: uniq('孩子'), birthMonth } }));
    expectStatus(await add(`${year + 1}-01`), 400);
    expectStatus(await add(`${year - 19}-01`), 400);
    expectStatus(await add(`${year - 15}-01`), 201);
    expectStatus(await read(as(c.host).children.$post({ json: { name: '无名', birthMonth: '2019-01' } })), 401);
  });
});
