import { describe, expect, it, vi } from 'vitest';
import { as, community, resident, uniq } from './community-fixtures';
import { joined, joinWith, publishVersion, visitor } from './privacy-fixtures';
import { bodyOf, client, errorOf, expectStatus, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const elderSelf = (phone?: string) => ({
  name: '赵阿姨',
  registeredAs: 'self' as const,
  consentHow: 'self' as const,
  consentOn: new Date(Date.now() - 86400_000).toISOString().slice(0, 10),
  needs: ['companionship' as const],
  emergencyName: '赵女儿',
  emergencyPhone: '13800000000',
  ...(phone ? { phone } : {}),
});

describe('the privacy notice (隐私告知) and consent', () => {
  it('gives a new community the default text as version 1, readable by anyone', async () => {
    const c = await community();
    const notice = bodyOf(await read(client(c.host).api.privacy.notice.$get()), 200);
    expect(notice.version).toBe(1);
    // The placeholders are filled: the community's name and its contact.
    expect(notice.textZh).toContain('测试花园 隐私告知');
    expect(notice.textZh).not.toContain('{{');
    expect(notice.textEn).toContain('Test Garden privacy notice');
    for (const words of ['30 天', '照护结束 12 个月', '/me/data', '/me/privacy', notice.contact]) expect(notice.textZh).toContain(words);
    const history = bodyOf(await read(client(c.host).api.privacy.notices.$get()), 200);
    expect(history.versions.map((v) => v.version)).toEqual([1]);
  });

  it('refuses a join without consent to the current version (400 naming the field) and records the consent with it', async () => {
    const c = await community();
    const who = await visitor(c.host, '新邻居');
    const without = await joinWith(c.host, who, { displayName: '新邻居' });
    expect(without.status).toBe(400);
    expect(errorOf(without.json).details).toHaveProperty('privacyNoticeVersion');
    const stale = await joinWith(c.host, who, { displayName: '新邻居', privacyNoticeVersion: 2 });
    expect([stale.status, errorOf(stale.json).details]).toEqual([
      400,
      { privacyNoticeVersion: ['Agree to the current privacy notice, version 1'] },
    ]);
    // Nothing was stored by the refusals.
    expect((await read(client(c.host, who.token).api.members.me.$get())).status).toBe(403);

    const member = bodyOf(await joinWith(c.host, who, { displayName: '新邻居', privacyNoticeVersion: 1, sensitiveItems: ['phone'] }), 201);
    const row = await (await tenantD1(c.slug))
      .prepare('SELECT notice_version, way, items, agreed_at FROM privacy_agreements WHERE member_id = ?')
      .bind(member.id)
      .first<{ notice_version: number; way: string; items: string; agreed_at: string }>();
    expect(row).toMatchObject({ notice_version: 1, way: 'join', items: 'phone' });
    expect(Date.now() - Date.parse(row!.agreed_at)).toBeLessThan(60_000);
    const mine = bodyOf(await read(client(c.host, who.token).api.privacy.me.$get()), 200);
    expect(mine).toMatchObject({ currentVersion: 1, agreedVersion: 1, needsAgreement: false });
    expect(mine.items.filter((i) => i.given).map((i) => i.item)).toEqual(['phone']);
  });

  it('asks members to agree again after a new version, records the re-consent, and counts it for administrators', async () => {
    const c = await community();
    const early = await joined(c.host, uniq('早居民'), 1, ['children']);
    const version = await publishVersion(c.host, c.admin);
    expect(version).toBe(2);
    const mine = bodyOf(await read(as(c.host, early).privacy.me.$get()), 200);
    expect(mine).toMatchObject({ currentVersion: 2, agreedVersion: 1, needsAgreement: true });
    expect(mine.changes).toEqual([{ version: 2, summaryZh: '新增：照片的保存期限', summaryEn: 'New: how long photos are kept' }]);
    // The old consent still lets them write: the app only asks.
    expectStatus(await read(as(c.host, early).children.$post({ json: { name: '小早', birthMonth: '2018-04' } })), 201);

    // Joining now needs version 2.
    const late = await visitor(c.host, '晚居民');
    expect((await joinWith(c.host, late, { displayName: '晚居民', privacyNoticeVersion: 1 })).status).toBe(400);
    expectStatus(await joinWith(c.host, late, { displayName: '晚居民', privacyNoticeVersion: 2 }), 201);

    const before = bodyOf(await read(as(c.host, c.admin).privacy.figures.$get()), 200);
    expect(before.currentVersion).toBe(2);
    expect(before.agreedCurrent).toBe(1);
    expect(before.agreedEarlier).toEqual([{ version: 1, members: 1 }]);
    expect(before.items.find((i) => i.item === 'children')?.members).toBe(1);

    expect((await read(as(c.host, early).privacy.me.agreement.$post({ json: { noticeVersion: 1 } }))).status).toBe(400);
    const after = bodyOf(await read(as(c.host, early).privacy.me.agreement.$post({ json: { noticeVersion: 2 } })), 200);
    expect(after).toMatchObject({ agreedVersion: 2, needsAgreement: false, changes: [] });
    const renewal = await (await tenantD1(c.slug))
      .prepare("SELECT notice_version FROM privacy_agreements WHERE member_id = ? AND way = 'renewal'")
      .bind(early.id)
      .all<{ notice_version: number }>();
    expect(renewal.results).toEqual([{ notice_version: 2 }]);
    const figures = bodyOf(await read(as(c.host, c.admin).privacy.figures.$get()), 200);
    expect([figures.agreedCurrent, figures.agreedEarlier]).toEqual([2, []]);
    // Both versions stay readable.
    expect(bodyOf(await read(client(c.host).api.privacy.notices[':version'].$get({ param: { version: '1' } })), 200).textZh).not.toContain(
      '照片\n\n活动照片',
    );
    expect(bodyOf(await read(client(c.host).api.privacy.notice.$get()), 200).textZh).toContain('活动照片保存两年');
  });

  it("refuses a child without the guardian's separate consent, accepts it once given, and keeps the child after a withdrawal", async () => {
    const c = await community();
    const guardian = await joined(c.host, uniq('李爸爸'));
    const add = () => read(as(c.host, guardian).children.$post({ json: { name: uniq('李小雨'), birthMonth: '2017-02' } }));
    const refused = await add();
    expect(refused.status).toBe(409);
    expect(errorOf(refused.json)).toMatchObject({ code: 'consent_required', details: { items: ['children'], page: '/me/privacy' } });

    const given = bodyOf(
      await read(as(c.host, guardian).privacy.me.items[':item'].$put({ param: { item: 'children' }, json: { given: true } })),
      200,
    );
    expect(given.items.find((i) => i.item === 'children')).toMatchObject({ given: true, withdrawnAt: null });
    expectStatus(await add(), 201);

    const withdrawn = bodyOf(
      await read(as(c.host, guardian).privacy.me.items[':item'].$put({ param: { item: 'children' }, json: { given: false } })),
      200,
    );
    expect(withdrawn.items.find((i) => i.item === 'children')?.given).toBe(false);
    // Withdrawing erases nothing by itself; adding another child is refused again.
    expect(bodyOf(await read(as(c.host, guardian).children.$get()), 200).children).toHaveLength(1);
    expect((await add()).status).toBe(409);
    // Giving it again is a new consent; the history keeps both.
    expectStatus(
      await read(as(c.host, guardian).privacy.me.items[':item'].$put({ param: { item: 'children' }, json: { given: true } })),
      200,
    );
    const rows = await (await tenantD1(c.slug))
      .prepare("SELECT withdrawn_at FROM privacy_item_consents WHERE member_id = ? AND item = 'children' ORDER BY id")
      .bind(guardian.id)
      .all<{ withdrawn_at: string | null }>();
    expect(rows.results.map((r) => r.withdrawn_at === null)).toEqual([false, true]);
  });

  it('needs care consent to register oneself for care, and phone consent to store one’s own phone; not for registering another', async () => {
    const c = await community();
    const elder = await joined(c.host, uniq('赵阿姨'));
    const register = (json: ReturnType<typeof elderSelf>) => read(as(c.host, elder).care.recipients.$post({ json }));
    const noCare = await register(elderSelf());
    expect([noCare.status, errorOf(noCare.json).details]).toEqual([409, { items: ['care'], page: '/me/privacy' }]);
    expectStatus(await read(as(c.host, elder).privacy.me.items[':item'].$put({ param: { item: 'care' }, json: { given: true } })), 200);
    const noPhone = await register(elderSelf('13900000000'));
    expect([noPhone.status, errorOf(noPhone.json).details]).toEqual([409, { items: ['phone'], page: '/me/privacy' }]);
    expectStatus(await register(elderSelf()), 201);

    // A family member registering their mother records her consent as they confirmed it; none of theirs is needed.
    const son = await joined(c.host, uniq('钱先生'));
    expectStatus(
      await read(
        as(c.host, son).care.recipients.$post({
          json: { ...elderSelf('13700000000'), name: '钱奶奶', registeredAs: 'family', consentHow: 'in-person' },
        }),
      ),
      201,
    );
  });

  it('lets only association administrators edit, publish and count; everyone reads', async () => {
    const c = await community();
    const plain = await resident(c.host, uniq('居民'));
    const draft = bodyOf(await read(as(c.host, c.admin).privacy.draft.$get()), 200);
    expect([draft.nextVersion, draft.saved]).toEqual([2, false]);
    const body = { textZh: draft.textZh, textEn: draft.textEn, contact: '周会长 13800001111', summaryZh: '', summaryEn: '' };
    expect((await read(as(c.host, plain).privacy.draft.$put({ json: body }))).status).toBe(403);
    expect((await read(as(c.host, plain).privacy.draft.publish.$post())).status).toBe(403);
    expect((await read(as(c.host, plain).privacy.figures.$get())).status).toBe(403);
    expect((await read(client(c.host).api.privacy.figures.$get())).status).toBe(401);
    // A draft without a summary of what changed is not published.
    expectStatus(await read(as(c.host, c.admin).privacy.draft.$put({ json: body })), 200);
    const noSummary = await read(as(c.host, c.admin).privacy.draft.publish.$post());
    expect([noSummary.status, Object.keys(errorOf(noSummary.json).details as object)]).toEqual([400, ['summaryZh']]);
    expectStatus(await read(as(c.host, c.admin).privacy.draft.$put({ json: { ...body, summaryZh: '联系人改为周会长' } })), 200);
    const published = bodyOf(await read(as(c.host, c.admin).privacy.draft.publish.$post()), 201);
    expect([published.version, published.contact]).toEqual([2, '周会长 13800001111']);
    expect(published.textZh).toContain('请联系：周会长 13800001111');
    // The draft is gone once published; publishing again has nothing to publish.
    expect((await read(as(c.host, c.admin).privacy.draft.publish.$post())).status).toBe(409);
  });
});
