import { describe, expect, it, vi } from 'vitest';
import { approvedChildrenActivity, consentBody, openWithSafety, safetyCommunity } from './children-fixtures';
import { as, byId, resident, step } from './community-fixtures';
import { bodyOf, expectStatus, rawCall, read } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** Two communities; in the first, a children's activity with a child signed up and a rota day, and a project. */
async function setup() {
  const [a, b] = [await safetyCommunity(), await safetyCommunity()];
  const { id, organiser, guardian, child } = await approvedChildrenActivity(a.host, a.admin);
  await openWithSafety(a.host, id, organiser);
  expectStatus(
    await read(as(a.host, guardian).activities[':id']['child-signups'].$post({ ...byId(id), json: consentBody(child.id) })),
    201,
  );
  expectStatus(
    await read(as(a.host, organiser).activities[':id'].rota.$post({ ...byId(id), json: { days: [{ day: '2030-07-15', needed: 2 }] } })),
    200,
  );
  const neighbour = await resident(a.host, '邻居');
  const lead = await resident(a.host, '项目负责人');
  const project = bodyOf(await read(as(a.host, lead)['architect-projects'].$post({ json: { title: '露台改造' } })), 201);
  return { a, b, id, organiser, guardian, child, neighbour, lead, projectId: project.id };
}

describe("children's details keep to the organisers, the guardian and the community", () => {
  it('refuses every role that is not named and shows another community nothing', async () => {
    const { a, b, id, organiser, guardian, child, neighbour, lead, projectId } = await setup();
    const roster = (who?: Parameters<typeof as>[1], host = a.host) => read(as(host, who).activities[':id'].children.$get(byId(id)));

    // Visitors: nothing at all.
    for (const path of ['/api/children', `/api/activities/${id}/children`, `/api/activities/${id}/safety`, `/api/activities/${id}/rota`])
      expect((await rawCall(a.host, path)).status, path).toBe(401);

    // The organiser sees the details; the guardian sees their own on their page.
    expect(bodyOf(await roster(organiser), 200).children[0]).toMatchObject({ emergencyPhone: '13900002222' });
    expect(bodyOf(await read(as(a.host, guardian).children.$get()), 200).signups[0]).toMatchObject({ needsNote: '花生过敏' });

    // A member, the guardian (for the whole list) and even an administrator: not the children's details.
    for (const who of [neighbour, guardian, a.admin]) expectStatus(await roster(who), 403);
    // The neighbour keeps no children, and sees none of anyone else's.
    expect(bodyOf(await read(as(a.host, neighbour).children.$get()), 200)).toEqual({ children: [], signups: [] });
    expectStatus(
      await read(as(a.host, neighbour).activities[':id']['child-signups'].$post({ ...byId(id), json: consentBody(child.id) })),
      404,
    );

    // The safety step: the organiser ticks it; administrators may look; nobody else.
    const tick = (who: typeof neighbour) =>
      read(as(a.host, who).activities[':id'].safety.$put({ ...byId(id), json: { checkedItems: [], adultName: 'x' } }));
    for (const who of [neighbour, guardian, a.admin]) expectStatus(await tick(who), 403);
    expectStatus(await read(as(a.host, a.admin).activities[':id'].safety.$get(byId(id))), 200);
    expectStatus(await read(as(a.host, neighbour).activities[':id'].safety.$get(byId(id))), 403);
    expectStatus(
      await read(as(a.host, neighbour).activities[':id'].headcounts.$post({ ...byId(id), json: { at: 'start', count: 3 } })),
      403,
    );
    expectStatus(await step(a.host, id, 'close', neighbour), 403);

    // The rota: the organiser adds days, guardians claim them, others do neither.
    const [day] = bodyOf(await read(as(a.host, neighbour).activities[':id'].rota.$get(byId(id))), 200).days;
    const claim = (who: typeof neighbour) =>
      read(as(a.host, who).activities[':id'].rota[':dayId'].claims.$post({ param: { id: String(id), dayId: String(day!.id) } }));
    expectStatus(await claim(neighbour), 403);
    expectStatus(await claim(a.admin), 403);
    expectStatus(await claim(guardian), 200);
    expectStatus(
      await read(as(a.host, guardian).activities[':id'].rota.$post({ ...byId(id), json: { days: [{ day: '2030-07-16', needed: 1 }] } })),
      403,
    );

    // Projects: the lead and administrators add stages; other members only read.
    const stage = { title: '调研', startsOn: '2030-07-01', endsOn: '2030-07-03' };
    expectStatus(await read(as(a.host, neighbour)['architect-projects'][':id'].stages.$post({ ...byId(projectId), json: stage })), 403);
    expectStatus(await read(as(a.host, lead)['architect-projects'][':id'].stages.$post({ ...byId(projectId), json: stage })), 201);
    expectStatus(await read(as(a.host, a.admin)['architect-projects'][':id'].stages.$post({ ...byId(projectId), json: stage })), 201);
    expectStatus(await read(as(a.host, neighbour)['architect-projects'][':id'].$get(byId(projectId))), 200);

    // Another community's administrator: the activity, its children and the project do not exist there.
    expectStatus(await read(as(b.host, b.admin).activities[':id'].safety.$get(byId(id))), 404);
    expectStatus(await roster(b.admin, b.host), 403);
    expectStatus(await read(as(b.host, b.admin)['architect-projects'][':id'].$get(byId(projectId))), 404);
    expectStatus(await read(as(b.host, b.admin).activities[':id'].rota.$get(byId(id))), 404);
    expect(bodyOf(await read(as(b.host, b.admin).children.$get()), 200).signups).toEqual([]);
    // And a sign-in on a's host is not valid on b's.
    expectStatus(await read(as(b.host, guardian).children.$get()), 401);
  });
});
