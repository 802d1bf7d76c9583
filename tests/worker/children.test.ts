import { describe, expect, it, vi } from 'vitest';
import { runRetention } from '../../worker/community/retention/service';
import { allItems, approvedChildrenActivity, consentBody, openWithSafety, safetyCommunity } from './children-fixtures';
import { as, byId, draft, expectStep, resident, step } from './community-fixtures';
import { bodyOf, expectStatus, read, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const DAY = 86400_000;

describe("children's activities", () => {
  it('cannot open until the safety checklist is done and an adult is in charge (409 naming what is missing)', async () => {
    const { host, admin } = await safetyCommunity();
    const { id, organiser } = await approvedChildrenActivity(host, admin);

    const refused = await step(host, id, 'open', organiser);
    expectStatus(refused, 409);
    expect(refused.json.error.details).toEqual({ safety: [...allItems, 'adult-in-charge'] });

    const half = await read(
      as(host, organiser).activities[':id'].safety.$put({ ...byId(id), json: { checkedItems: ['exits', 'floor'], adultName: '' } }),
    );
    expect(bodyOf(half, 200).missing).toContain('first-aid');
    expectStatus(await step(host, id, 'open', organiser), 409);

    const bad = await read(
      as(host, organiser).activities[':id'].safety.$put({ ...byId(id), json: { checkedItems: ['nope'], adultName: '' } } as never),
    );
    expectStatus(bad, 400);

    await openWithSafety(host, id, organiser);
    const safety = bodyOf(await read(as(host, organiser).activities[':id'].safety.$get(byId(id))), 200);
    expect(safety).toMatchObject({ required: true, missing: [], adultName: '王妈妈' });
  });

  it('a guardian signs a child up with consent; the organiser sees the details until 30 days after the end, then they are erased', async () => {
    const { host, admin, slug } = await safetyCommunity();
    const { id, organiser, guardian, child } = await approvedChildrenActivity(host, admin);
    await openWithSafety(host, id, organiser);

    const noConsent = await read(
      as(host, guardian).activities[':id']['child-signups'].$post({
        ...byId(id),
        json: { ...consentBody(child.id), consent: false },
      } as never),
    );
    expectStatus(noConsent, 400);
    const placed = bodyOf(
      await read(as(host, guardian).activities[':id']['child-signups'].$post({ ...byId(id), json: consentBody(child.id) })),
      201,
    );
    expect(placed.status).toBe('confirmed');

    // Someone else's child is not yours to sign up.
    const stranger = await resident(host, '路人');
    const notMine = await read(as(host, stranger).activities[':id']['child-signups'].$post({ ...byId(id), json: consentBody(child.id) }));
    expectStatus(notMine, 404);

    const list = bodyOf(await read(as(host, organiser).activities[':id'].children.$get(byId(id))), 200).children;
    expect(list).toMatchObject([{ childName: '李小雨', guardianName: '李爸爸', emergencyPhone: '13900002222', needsNote: '花生过敏' }]);
    const mine = bodyOf(await read(as(host, guardian).children.$get()), 200);
    expect(mine.children.map((c) => c.name)).toEqual(['李小雨']);
    expect(mine.signups).toMatchObject([{ activityId: id, status: 'confirmed', emergencyName: '李奶奶' }]);

    const db = await tenantDb(slug);
    expect((await runRetention(db, Date.now() + 20 * DAY)).counts.childDetails).toBe(0);
    expect((await runRetention(db, Date.now() + 40 * DAY)).counts.childDetails).toBe(1);
    const after = await db.$client
      .prepare('SELECT * FROM child_consents WHERE child_id = ?')
      .bind(child.id)
      .first<Record<string, unknown>>();
    expect(after).toMatchObject({ emergency_name: null, emergency_phone: null, needs_note: null, purpose: '暑期少儿团·自然观察' });
    expect(after?.given_by).toBe(guardian.id);
    expect(after?.erased_at).not.toBeNull();
  });

  it("refuses a child's plain sign-up on an activity of a children's program (400 on isChild, naming the consent route)", async () => {
    const { host, slug, admin } = await safetyCommunity();
    const organiser = await resident(host, '王妈妈');
    const guardian = await resident(host, '李爸爸');
    const id = await draft(host, organiser, {
      audience: 'residents',
      programKey: 'kids-troupe',
      title: '少儿团亲子游园',
      capacity: 10,
      expectedParticipants: 2,
      costLines: [],
    });
    await expectStep(host, id, 'submit', organiser, 'budget-submitted');
    await expectStep(host, id, 'approve', admin, 'approved');
    await openWithSafety(host, id, organiser);
    const child = bodyOf(await read(as(host, guardian).children.$post({ json: { name: '李小雨', birthMonth: '2017-02' } })), 201);

    const plain = await read(
      as(host, guardian).activities[':id'].signups.$post({ ...byId(id), json: { participant: '李小雨', isChild: true } }),
    );
    expectStatus(plain, 400);
    expect(plain.json.error.details).toEqual({ isChild: [`Sign a child up with consent at POST /api/activities/${id}/child-signups`] });
    const d1 = (await tenantDb(slug)).$client;
    const count = async () =>
      (await d1.prepare('SELECT COUNT(*) AS n FROM signups WHERE activity_id = ?').bind(id).first<{ n: number }>())?.n;
    expect(await count()).toBe(0);

    // An adult still signs up themself the plain way; the child goes through the consent route.
    expectStatus(await read(as(host, guardian).activities[':id'].signups.$post({ ...byId(id), json: {} })), 201);
    expectStatus(
      await read(as(host, guardian).activities[':id']['child-signups'].$post({ ...byId(id), json: consentBody(child.id) })),
      201,
    );
    expect(await count()).toBe(2);
  });

  it('guardians claim parent-rota days up to the number each needs', async () => {
    const { host, admin } = await safetyCommunity();
    const { id, organiser, guardian, child } = await approvedChildrenActivity(host, admin);
    await openWithSafety(host, id, organiser);
    const other = await resident(host, '张妈妈');
    const otherChild = bodyOf(await read(as(host, other).children.$post({ json: { name: '张小可', birthMonth: '2016-12' } })), 201);
    for (const [who, kid] of [
      [guardian, child.id],
      [other, otherChild.id],
    ] as const)
      expectStatus(await read(as(host, who).activities[':id']['child-signups'].$post({ ...byId(id), json: consentBody(kid) })), 201);

    const days = { days: [{ day: '2030-07-15', needed: 1, note: '上午' }] };
    expectStatus(await read(as(host, organiser).activities[':id'].rota.$post({ ...byId(id), json: days })), 200);
    const [day] = bodyOf(await read(as(host, guardian).activities[':id'].rota.$get(byId(id))), 200).days;
    const claim = (who: typeof guardian) =>
      read(as(host, who).activities[':id'].rota[':dayId'].claims.$post({ param: { id: String(id), dayId: String(day!.id) } }));
    expectStatus(await claim(guardian), 200);
    expectStatus(await claim(other), 409);
    expectStatus(await claim(await resident(host, '没有孩子')), 403);
    const after = bodyOf(await read(as(host, guardian).activities[':id'].rota.$get(byId(id))), 200).days;
    expect(after[0]).toMatchObject({ mine: true, parents: [{ name: '李爸爸' }] });
  });

  it('records headcounts and flags a mismatch', async () => {
    const { host, admin } = await safetyCommunity();
    const { id, organiser } = await approvedChildrenActivity(host, admin);
    await openWithSafety(host, id, organiser);
    const count = (at: 'start' | 'end', n: number) =>
      read(as(host, organiser).activities[':id'].headcounts.$post({ ...byId(id), json: { at, count: n } }));
    expect(bodyOf(await count('start', 12), 200).mismatch).toBe(false);
    expect(bodyOf(await count('end', 11), 200)).toMatchObject({ headcountStart: 12, headcountEnd: 11, mismatch: true });
  });
});

describe('小小建筑师 projects', () => {
  it('runs stages and takes a finished design to the joint meeting as an issue, linked both ways', async () => {
    const { host } = await safetyCommunity();
    const lead = await resident(host, '陈建筑师');
    const { id } = bodyOf(
      await read(as(host, lead)['architect-projects'].$post({ json: { title: '屋顶露台改造', summary: '孩子们重新设计闲置露台' } })),
      201,
    );
    const stage = bodyOf(
      await read(
        as(host, lead)['architect-projects'][':id'].stages.$post({
          ...byId(id),
          json: { title: '方案设计', startsOn: '2030-07-01', endsOn: '2030-07-10', output: '露台模型和三张图纸' },
        }),
      ),
      201,
    );
    const params = { param: { id: String(id), stageId: String(stage.id) } };
    expectStatus(await read(as(host, lead)['architect-projects'][':id'].stages[':stageId'].issue.$post(params)), 409);
    expectStatus(await read(as(host, lead)['architect-projects'][':id'].stages[':stageId'].finish.$post(params)), 200);
    const { issueId } = bodyOf(await read(as(host, lead)['architect-projects'][':id'].stages[':stageId'].issue.$post(params)), 201);
    const project = bodyOf(await read(as(host, lead)['architect-projects'][':id'].$get(byId(id))), 200);
    expect(project.stages[0]).toMatchObject({ state: 'finished', issueId });
    const issue = bodyOf(await read(as(host, lead).issues[':id'].$get(byId(issueId))), 200);
    expect(JSON.stringify(issue)).toContain(`/little-architects/${id}`);

    const backwards = await read(
      as(host, lead)['architect-projects'][':id'].stages.$post({
        ...byId(id),
        json: { title: 'x', startsOn: '2030-07-10', endsOn: '2030-07-01' },
      }),
    );
    expectStatus(backwards, 400);
  });
});
