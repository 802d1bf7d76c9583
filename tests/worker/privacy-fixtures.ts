/** A community and people for the privacy tests: joining with and without consent, publishing new versions. */
import { type Api, bodyOf, client, expectStatus, read, signIn } from './helpers';
import { as, community, type Person, uid } from './community-fixtures';

export type JoinBody = Parameters<Api['members']['me']['$post']>[0]['json'];
export type DraftBody = Parameters<Api['privacy']['draft']['$put']>[0]['json'];

/** Someone signed in on the community's host who has not joined yet. */
export async function visitor(host: string, name: string) {
  return { token: await signIn(uid('visitor'), host, name), name };
}

/** Joins as `who` with the body given (the consent fields are the test's to choose). */
export const joinWith = (
  host: string,
  who: { token: string },
  json: Omit<JoinBody, 'privacyNoticeVersion'> & { privacyNoticeVersion?: number },
) => read(client(host, who.token).api.members.me.$post({ json: json as JoinBody }));

/** Joins agreeing to `version` and to `items`; returns the member. */
export async function joined(host: string, name: string, version = 1, items: JoinBody['sensitiveItems'] = []): Promise<Person> {
  const who = await visitor(host, name);
  const res = await joinWith(host, who, { displayName: name, privacyNoticeVersion: version, sensitiveItems: items });
  const member = bodyOf(res, 201);
  return { token: who.token, id: member.id, name };
}

/** Saves a draft with a change summary and publishes it as the next version; returns its number. */
export async function publishVersion(host: string, admin: Person, summaryZh = '新增：照片的保存期限') {
  const draft = bodyOf(await read(as(host, admin).privacy.draft.$get()), 200);
  const body: DraftBody = {
    textZh: `${draft.textZh}\n\n## 照片\n\n活动照片保存两年。`,
    textEn: `${draft.textEn}\n\n## Photos\n\nActivity photos are kept for two years.`,
    contact: draft.contact,
    summaryZh,
    summaryEn: 'New: how long photos are kept',
  };
  expectStatus(await read(as(host, admin).privacy.draft.$put({ json: body })), 200);
  return bodyOf(await read(as(host, admin).privacy.draft.publish.$post()), 201).version;
}

export { community };
