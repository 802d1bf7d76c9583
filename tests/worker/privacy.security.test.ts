import { describe, expect, it, vi } from 'vitest';
import { as, community, type Person, resident, uniq } from './community-fixtures';
import { joined, publishVersion, visitor } from './privacy-fixtures';
import { bodyOf, client, rawCall, read } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe("a community's privacy notice is public; its members' consent is theirs and their administrators' counts", () => {
  it('answers every role, and shows another community nothing', async () => {
    const [a, b] = [await community(), await community()];
    const member = await joined(a.host, uniq('居民'), 1, ['children', 'care']);
    const contact = await resident(a.host, uniq('联络人'));
    const stranger = await visitor(a.host, '路人');
    await publishVersion(a.host, a.admin, '甲社区的第二版');
    const api = (who?: Person | { token: string }) => client(a.host, who?.token).api;

    // The notice and its history: anyone, signed in or not, members or not.
    for (const who of [undefined, stranger, member, a.admin]) {
      expect((await read(api(who).privacy.notice.$get())).status).toBe(200);
      expect((await read(api(who).privacy.notices.$get())).status).toBe(200);
    }
    // One's own consent: members only (401 anonymous, 403 signed in without joining).
    expect((await read(api().privacy.me.$get())).status).toBe(401);
    expect((await read(api(stranger).privacy.me.$get())).status).toBe(403);
    expect(
      (await rawCall(a.host, '/api/privacy/me/items/children', { method: 'PUT', body: { given: true }, token: stranger.token })).status,
    ).toBe(403);
    expect((await rawCall(a.host, '/api/privacy/me/agreement', { body: { noticeVersion: 2 } })).status).toBe(401);
    // A member's consent reads as their own only: no id to ask for someone else's.
    const mine = bodyOf(await read(api(member).privacy.me.$get()), 200);
    const theirs = bodyOf(await read(api(contact).privacy.me.$get()), 200);
    expect(mine.items.filter((i) => i.given).map((i) => i.item)).toEqual(['children', 'care']);
    expect(theirs.items.every((i) => i.given)).toBe(true);
    // An unknown item is a 400, not a new kind of consent.
    expect(
      (await rawCall(a.host, '/api/privacy/me/items/address', { method: 'PUT', body: { given: true }, token: member.token })).status,
    ).toBe(400);

    // Drafts, publishing and the counts: association administrators only.
    for (const who of [member, contact]) {
      expect((await read(api(who).privacy.draft.$get())).status).toBe(403);
      expect((await read(api(who).privacy.draft.publish.$post())).status).toBe(403);
      expect((await read(api(who).privacy.figures.$get())).status).toBe(403);
    }
    expect((await read(api(stranger).privacy.figures.$get())).status).toBe(403);
    expect((await read(api().privacy.draft.$get())).status).toBe(401);
    const figures = bodyOf(await read(api(a.admin).privacy.figures.$get()), 200);
    // Counts only: no names, no member ids.
    expect(JSON.stringify(figures)).not.toContain(member.name);
    expect(Object.keys(figures).sort()).toEqual([
      'activeMembers',
      'agreedCurrent',
      'agreedEarlier',
      'currentVersion',
      'items',
      'neverAgreed',
    ]);

    // Another community: b's administrator cannot read a's counts or draft, and b's notice is b's own.
    const bAdminOnA = { token: b.founderToken };
    expect((await read(api(bAdminOnA).privacy.figures.$get())).status).not.toBe(200);
    expect((await read(api(bAdminOnA).privacy.draft.$get())).status).not.toBe(200);
    const bFigures = bodyOf(await read(as(b.host, b.admin).privacy.figures.$get()), 200);
    expect([bFigures.currentVersion, bFigures.items.map((i) => i.members)]).toEqual([1, [0, 0, 0]]);
    const bHistory = bodyOf(await read(client(b.host).api.privacy.notices.$get()), 200);
    expect(JSON.stringify(bHistory)).not.toContain('甲社区的第二版');
    expect((await read(client(b.host).api.privacy.notices[':version'].$get({ param: { version: '2' } }))).status).toBe(404);
    // a's member's token means nothing on b's host.
    expect((await read(client(b.host, member.token).api.privacy.me.$get())).status).not.toBe(200);
  });
});
