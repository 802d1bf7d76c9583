/** Communities, residents, clubs and activities for API tests: each test makes its own, with unique names. */
import type { InferRequestType } from 'hono/client';
import { beforeAll, expect } from 'vitest';
import { wallClock } from '../../worker/community/profile/rules';
import { type Api, bodyOf, client, createCommunity, expectStatus, read, signIn } from './helpers';
export const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export interface Person {
  token: string;
  id: number;
  name: string;
}

/** The community's API on `host`, as `who` (or anonymous). */
export const as = (host: string, who?: Person) => client(host, who?.token).api;
export const byId = (id: number) => ({ param: { id: String(id) } });

/** A new community; its founder is its association administrator (member 1). */
export async function community() {
  const founderName = '会长老周';
  const c = await createCommunity(uid('founder'), { founderName });
  const me = await read(client(c.host, c.founderToken).api.members.me.$get());
  expectStatus(me, 200);
  const admin: Person = { token: c.founderToken, id: me.json.id, name: me.json.displayName };
  return { ...c, admin };
}

/**
 * One community for all the tests of a describe block (the pool of tenant databases is finite); each
 * test makes its own residents and clubs with unique names, so the tests do not depend on each other.
 */
export function sharedCommunity() {
  let shared: Awaited<ReturnType<typeof community>> | undefined;
  beforeAll(async () => {
    shared = await community();
  });
  return () => {
    if (!shared) throw new Error('community not created');
    return shared;
  };
}

/** A club name no other test in the community uses. */
export const uniq = (name: string) => `${name}${crypto.randomUUID().slice(0, 6)}`;

/** The consent a joining resident gives in tests: the first version of the notice, and every sensitive item. */
export const joinConsent = { privacyNoticeVersion: 1, sensitiveItems: ['children', 'care', 'phone'] } as const;

/** A resident who signs in on the community's host and joins it, agreeing to the notice and every sensitive item. */
export async function resident(host: string, name: string): Promise<Person> {
  const token = await signIn(uid('resident'), host, name);
  const res = await read(
    client(host, token).api.members.me.$post({
      json: { ...joinConsent, sensitiveItems: [...joinConsent.sensitiveItems], displayName: name },
    }),
  );
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return { token, id: res.json.id, name };
}

export type ClubInput = InferRequestType<Api['clubs']['$post']>['json'];
export type ClubStatus = InferRequestType<Api['clubs'][':id']['status']['$post']>['json']['status'];

export async function proposeClub(host: string, proposer: Person, name = uniq('羽毛球社'), extra: Partial<ClubInput> = {}) {
  const res = await read(as(host, proposer).clubs.$post({ json: { name, purpose: '每周一起打羽毛球，强身健体', ...extra } }));
  expectStatus(res, 201);
  return res.json.id;
}

export const setClubStatus = (host: string, id: number, status: ClubStatus, who?: Person) =>
  read(as(host, who).clubs[':id'].status.$post({ ...byId(id), json: { status } }));
export const joinClub = (host: string, id: number, who: Person) => read(as(host, who).clubs[':id'].members.$post(byId(id)));

/** A club proposed by `leader`, approved by the administrator, with `members` joined. */
export async function activeClub(host: string, admin: Person, leader: Person, members: Person[] = [], name = uniq('羽毛球社')) {
  const id = await proposeClub(host, leader, name);
  const approve = await setClubStatus(host, id, 'active', admin);
  expectStatus(approve, 200);
  for (const m of members) expect((await joinClub(host, id, m)).status).toBe(200);
  return id;
}

/** An instant `days` (and `hours`) from now, on a whole minute, as the forms send it. */
export const inDays = (days: number, hours = 0) =>
  new Date(Math.ceil(Date.now() / 60_000) * 60_000 + days * 86400_000 + hours * 3600_000).toISOString();
/** Today on the test communities' clock (Asia/Shanghai), which is not the UTC date between 16:00 and 24:00 UTC. */
export const today = () => wallClock(Date.now(), 'Asia/Shanghai').date;

/** The handbook's badminton example: ¥720 court + ¥170 shuttles + ¥72 water, 24 people, 8% surplus. */
export const badmintonLines = [
  { label: '场地 4 片 × 3 小时 × 60 元', amountFen: 720_00 },
  { label: '羽毛球', amountFen: 170_00 },
  { label: '饮用水', amountFen: 72_00 },
];

export type ActivityInput = InferRequestType<Api['activities']['$post']>['json'];
export type Step = InferRequestType<Api['activities'][':id']['steps']['$post']>['json']['step'];
export type SignUp = InferRequestType<Api['activities'][':id']['signups']['$post']>['json'];
export type Settlement = InferRequestType<Api['activities'][':id']['settlement']['$post']>['json'];

export function activityBody(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: '周六羽毛球',
    description: '新手老手都欢迎',
    startsAt: inDays(2),
    endsAt: inDays(2, 3),
    place: '社区体育馆',
    capacity: 30,
    audience: 'residents',
    expectedParticipants: 24,
    surplusRatePercent: 8,
    costLines: badmintonLines,
    ...overrides,
  };
}

export const createActivity = (host: string, organiser: Person, json: ActivityInput) =>
  read(as(host, organiser).activities.$post({ json }));
export const updateActivity = (host: string, id: number, who: Person, json: ActivityInput) =>
  read(as(host, who).activities[':id'].$put({ ...byId(id), json }));

export async function draft(host: string, organiser: Person, overrides: Partial<ActivityInput> = {}) {
  const res = await createActivity(host, organiser, activityBody(overrides));
  expectStatus(res, 201);
  return res.json.id;
}

export async function step(host: string, id: number, which: Step, who: Person, reason?: string) {
  return read(
    as(host, who).activities[':id'].steps.$post({ ...byId(id), json: reason === undefined ? { step: which } : { step: which, reason } }),
  );
}

export async function expectStep(host: string, id: number, which: Step, who: Person, state: string) {
  const res = await step(host, id, which, who);
  expectStatus(res, 200);
  expect(res.json.state).toBe(state);
}

/** Drafts, submits, approves and opens an activity: `organiser` is responsible, `approver` approves. */
export async function openActivity(host: string, organiser: Person, approver: Person, overrides: Partial<ActivityInput> = {}) {
  const id = await draft(host, organiser, overrides);
  await expectStep(host, id, 'submit', organiser, 'budget-submitted');
  await expectStep(host, id, 'approve', approver, 'approved');
  await expectStep(host, id, 'open', organiser, 'open');
  return id;
}

export async function signUp(host: string, id: number, who: Person, body: SignUp = {}) {
  return read(as(host, who).activities[':id'].signups.$post({ ...byId(id), json: body }));
}

/** A new place (201): confirmed or waitlisted. */
export async function place(host: string, id: number, who: Person, body: SignUp = {}) {
  return bodyOf(await signUp(host, id, who, body), 201);
}

export const cancelPlace = (host: string, id: number, signupId: number, who: Person) =>
  read(as(host, who).activities[':id'].signups[':signupId'].$delete({ param: { id: String(id), signupId: String(signupId) } }));

export async function detail(host: string, id: number, who?: Person) {
  const res = await read(as(host, who).activities[':id'].$get(byId(id)));
  expectStatus(res, 200);
  return res.json;
}

export async function roster(host: string, id: number, organiser: Person) {
  const res = await read(as(host, organiser).activities[':id'].signups.$get(byId(id)));
  expectStatus(res, 200);
  return res.json.signups;
}
