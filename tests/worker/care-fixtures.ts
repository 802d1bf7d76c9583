/** A community set up for elder care: a coordinator, a building contact, volunteers of both ages, a registered elder. */
import type { InferRequestType } from 'hono/client';
import { as, community, type Person, resident, uniq } from './community-fixtures';
import { type Api, bodyOf, expectStatus, read, signIn } from './helpers';

export type RecipientInput = InferRequestType<Api['care']['recipients']['$post']>['json'];

export async function appoint(
  host: string,
  admin: Person,
  person: Person,
  roles: { role: 'care-coordinator' | 'building-contact'; buildingId?: number }[],
) {
  expectStatus(
    await read(as(host, admin).members[':memberId'].roles.$put({ param: { memberId: String(person.id) }, json: { roles } })),
    200,
  );
}

export async function volunteer(host: string, name: string, ageBand: 'under-30' | '30-49' | '50-64' | '65-plus' | null) {
  const v = await resident(host, uniq(name));
  expectStatus(await read(as(host, v).volunteers.me.$put({ json: { skills: '陪聊、买菜', availability: '周末上午', ageBand } })), 200);
  return v;
}

export const elder = (buildingId: number, overrides: Partial<RecipientInput> = {}): RecipientInput => ({
  name: uniq('王奶奶'),
  buildingId,
  household: '3-201',
  registeredAs: 'building-contact',
  consentHow: 'in-person',
  consentOn: new Date(Date.now() - 86400_000).toISOString().slice(0, 10),
  needs: ['companionship', 'clinic-escort'],
  needsNote: '腿脚不便，每月去社区医院配药',
  preferredTimes: '上午',
  emergencyName: '王建华（儿子）',
  emergencyPhone: '13900001111',
  ...overrides,
});

/** The day `days` before today, in the community's zone (Asia/Shanghai by default). */
export const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - days * 86400_000));

export async function careCommunity() {
  const c = await community();
  const { buildings } = bodyOf(await read(as(c.host).buildings.$get()), 200);
  const buildingId = buildings[0]!.id;
  const otherBuildingId = buildings[1]!.id;
  const coordinator = await resident(c.host, uniq('协调员'));
  await appoint(c.host, c.admin, coordinator, [{ role: 'care-coordinator' }]);
  const contact = await resident(c.host, uniq('联络人'));
  await appoint(c.host, c.admin, contact, [{ role: 'building-contact', buildingId }]);
  const otherContact = await resident(c.host, uniq('别楼联络人'));
  await appoint(c.host, c.admin, otherContact, [{ role: 'building-contact', buildingId: otherBuildingId }]);
  const young = await volunteer(c.host, '小李', '30-49');
  const other = await volunteer(c.host, '老陈', '65-plus');
  const plain = await resident(c.host, uniq('居民'));
  const outsider: Person = { token: await signIn(uniq('outsider'), c.host, '路人'), id: 0, name: '路人' };
  const recipientId = bodyOf(await read(as(c.host, contact).care.recipients.$post({ json: elder(buildingId) })), 201).id;
  return { ...c, buildingId, otherBuildingId, coordinator, contact, otherContact, young, other, plain, outsider, recipientId };
}

export const pairWith = async (host: string, who: Person, recipientId: number, volunteerId: number) =>
  read(as(host, who)['care-recipients'][':id'].pairings.$post({ param: { id: String(recipientId) }, json: { volunteerId } }));

export const logVisit = (
  host: string,
  who: Person,
  recipientId: number,
  json: Partial<{ visitedOn: string; minutes: number; concern: boolean }> = {},
) =>
  read(
    as(host, who)['care-recipients'][':id'].visits.$post({
      param: { id: String(recipientId) },
      json: { visitedOn: daysAgo(0), minutes: 60, done: '陪聊天，帮忙买了菜', observations: '精神不错', concern: false, ...json },
    }),
  );

export const confirm = (host: string, who: Person, recipientId: number, visitId: number) =>
  read(
    as(host, who)['care-recipients'][':id'].visits[':visitId'].confirmation.$post({
      param: { id: String(recipientId), visitId: String(visitId) },
    }),
  );

export const notificationsOf = async (host: string, who: Person) => bodyOf(await read(as(host, who).me.notifications.$get()), 200);
