import { expect } from 'vitest';
import { as, byId, draft, expectStep, type Person, resident, step, uid } from './community-fixtures';
import { bodyOf, client, createCommunity, expectStatus, read } from './helpers';

/** A community on the model's second version, which has the safety step; its founder is the administrator. */
export async function safetyCommunity() {
  const c = await createCommunity(uid('founder'), { founderName: '会长老周', template: 'cuizhuyuan@2' });
  const me = bodyOf(await read(client(c.host, c.founderToken).api.members.me.$get()), 200);
  const admin: Person = { token: c.founderToken, id: me.id, name: me.displayName };
  return { ...c, admin };
}

export const allItems = ['exits', 'floor', 'no-works', 'ratio', 'guardians', 'first-aid', 'phones', 'weather'] as const;

/** A children's activity approved and waiting to open: the organiser, the guardian with a child on their page. */
export async function approvedChildrenActivity(host: string, admin: Person, title = '暑期少儿团·自然观察') {
  const organiser = await resident(host, '王妈妈');
  const guardian = await resident(host, '李爸爸');
  const id = await draft(host, organiser, { audience: 'children', title, capacity: 2, expectedParticipants: 2, costLines: [] });
  await expectStep(host, id, 'submit', organiser, 'budget-submitted');
  await expectStep(host, id, 'approve', admin, 'approved');
  const child = bodyOf(await read(as(host, guardian).children.$post({ json: { name: '李小雨', birthMonth: '2017-02' } })), 201);
  return { id, organiser, guardian, child };
}

export async function completeSafety(host: string, id: number, organiser: Person) {
  expectStatus(
    await read(
      as(host, organiser).activities[':id'].safety.$put({
        ...byId(id),
        json: { checkedItems: [...allItems], adultName: '王妈妈', adultPhone: '13800001111' },
      }),
    ),
    200,
  );
}

export async function openWithSafety(host: string, id: number, organiser: Person) {
  await completeSafety(host, id, organiser);
  const opened = await step(host, id, 'open', organiser);
  expectStatus(opened, 200);
  expect(opened.json.state).toBe('open');
}

export const consentBody = (childId: number) => ({
  childId,
  consent: true as const,
  emergencyName: '李奶奶',
  emergencyPhone: '13900002222',
  needsNote: '花生过敏',
});
