import { describe, expect, it, vi } from 'vitest';
import { findTemplate } from '../../worker/templates/registry';
import {
  activeClub,
  activityBody,
  as,
  byId,
  community,
  createActivity,
  detail,
  draft,
  expectStep,
  openActivity,
  type Person,
  place,
  proposeClub,
  resident,
  setClubStatus,
  sharedCommunity,
  uniq,
  updateActivity,
} from './community-fixtures';
import { bodyOf, errorOf, expectStatus, rawCall, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Section = 'purpose' | 'roles' | 'how-to-run' | 'measures';
const template = findTemplate('cuizhuyuan@1')!;
const libraryTemplate = template.programs.find((p) => p.key === 'library')!;

const page = (host: string, key: string, who?: Person, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  read(as(host, who).programs[':key'].$get({ param: { key }, query: { locale } }));
const saveSection = (
  host: string,
  key: string,
  section: Section,
  who: Person | undefined,
  json: { body: string; summary: string; baseRevision: number },
) => read(as(host, who).programs[':key'].sections[':section'].$put({ param: { key, section }, query: { locale: 'zh-CN' }, json }));
const revisions = (host: string, key: string, section: Section, who?: Person) =>
  read(as(host, who).programs[':key'].sections[':section'].revisions.$get({ param: { key, section }, query: { locale: 'zh-CN' } }));
const revision = (host: string, key: string, section: Section, n: number, who?: Person) =>
  read(
    as(host, who).programs[':key'].sections[':section'].revisions[':number'].$get({
      param: { key, section, number: String(n) },
      query: { locale: 'zh-CN' },
    }),
  );
const sectionOf = (p: { sections: { key: string; body: string; edited: boolean; revision: number }[] }, key: Section) =>
  p.sections.find((s) => s.key === key)!;

/** The month (YYYY-MM) of an instant on the wall clock of Asia/Shanghai, the test communities' zone. */
const shanghaiMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);

describe("a program's page", () => {
  const c = sharedCommunity();

  it("shows a visitor the template's sections until the community writes its own, in Chinese and in English, with the program's tool", async () => {
    const visitor = bodyOf(await page(c().host, 'library'), 200);
    expect(visitor.name.zh).toBe('明志书屋');
    expect(visitor.tool).toBe('/library');
    expect(sectionOf(visitor, 'purpose')).toMatchObject({ body: libraryTemplate.purpose.zh, edited: false, revision: 1 });
    expect(sectionOf(visitor, 'how-to-run').body.split('\n')[0]).toBe(`1. ${libraryTemplate.howToRun[0]!.zh}`);
    expect(sectionOf(visitor, 'roles').body).toContain(`- ${libraryTemplate.roles[0]!.zh}`);
    const english = bodyOf(await page(c().host, 'library', undefined, 'en'), 200);
    expect(sectionOf(english, 'measures').body).toContain(libraryTemplate.measures[0]!.en);
    expect(bodyOf(await page(c().host, 'salon'), 200).tool).toBeNull();
    expect(visitor.figures.months).toHaveLength(12);
    // The figures every program has, then those its tool adds (明志书屋's loans, borrowers, titles, returns, duty hours).
    expect(visitor.figures.series.map((f) => f.key)).toEqual([
      'activitiesHeld',
      'participants',
      'volunteerHours',
      'activeClubs',
      'loans',
      'borrowers',
      'titles',
      'on-time',
      'volunteer-hours',
    ]);
    const shopPage = bodyOf(await page(c().host, 'charity-shop'), 200);
    expect(shopPage.figures.series.map((f) => f.key)).toContain('takings');
    const needsPage = bodyOf(await page(c().host, 'community-helps-community'), 200);
    expect(needsPage.figures.series.length).toBeGreaterThan(4);
  });

  it('answers 404 for a program the community does not have, and 400 for a key that cannot be one', async () => {
    expect((await page(c().host, 'no-such-program')).status).toBe(404);
    expect((await rawCall(c().host, '/api/programs/Library')).status).toBe(400);
  });

  it("lists the program's clubs and upcoming open activities; volunteers are counted for visitors and named for members", async () => {
    const { host, admin } = c();
    const leader = await resident(host, '林老师');
    const helper = await resident(host, '志愿者小吴');
    const clubName = uniq('社区大学书法班');
    const club = await proposeClub(host, leader, clubName, { programKey: 'university' });
    expectStatus(await setClubStatus(host, club, 'active', admin), 200);
    const open = await openActivity(host, leader, admin, { clubId: club, title: '书法体验课' });
    const hidden = await draft(host, leader, { clubId: club, title: '还在草稿的课' });
    const d1 = await tenantD1(c().slug);
    await d1
      .prepare(
        "INSERT INTO volunteer_hours (member_id, activity_id, served_on, minutes, recorded_by, confirmed_at) VALUES (?, ?, date('now'), 90, ?, datetime('now'))",
      )
      .bind(helper.id, open, leader.id)
      .run();

    const visitor = bodyOf(await page(host, 'university'), 200);
    expect(visitor.clubs.map((k) => k.name)).toContain(clubName);
    expect(visitor.activities.map((a) => a.id)).toContain(open);
    expect(visitor.activities.map((a) => a.id)).not.toContain(hidden);
    expect(visitor.volunteers.count).toBeGreaterThanOrEqual(1);
    expect(visitor.volunteers.people).toBeNull();
    expect(JSON.stringify(visitor)).not.toContain('志愿者小吴');

    const member = bodyOf(await page(host, 'university', leader), 200);
    expect(member.volunteers.people).toContainEqual({ id: helper.id, displayName: '志愿者小吴', hours: 1.5 });
    // Another program's page shows none of it.
    const other = bodyOf(await page(host, 'salon', leader), 200);
    expect(other.clubs.map((k) => k.name)).not.toContain(clubName);
    expect(other.activities.map((a) => a.id)).not.toContain(open);
  });

  it('counts held activities, their participants, volunteer hours and active clubs in the month they happened on the community calendar', async () => {
    const { host, admin } = c();
    const leader = await resident(host, '球队老陈');
    const player = await resident(host, '球友小孙');
    const club = await activeClub(host, admin, leader, [player], uniq('晨跑团'));
    const d1 = await tenantD1(c().slug);
    await d1.prepare("UPDATE clubs SET program_key = 'kids-troupe' WHERE id = ?").bind(club).run();
    // 22:30 UTC on the last day of a month is already the next month in Shanghai.
    const now = new Date();
    const lastMonthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0, 22, 30));
    const startsAt = lastMonthEnd.toISOString();
    const id = await openActivity(host, leader, admin, {
      clubId: club,
      startsAt,
      endsAt: new Date(lastMonthEnd.getTime() + 3600_000).toISOString(),
    });
    await place(host, id, player);
    await expectStep(host, id, 'hold', leader, 'held');
    await d1
      .prepare(
        "INSERT INTO volunteer_hours (member_id, program_key, served_on, minutes, recorded_by, confirmed_at) VALUES (?, 'kids-troupe', ?, 120, ?, datetime('now'))",
      )
      .bind(player.id, `${shanghaiMonth(startsAt)}-02`, admin.id)
      .run();

    const figures = bodyOf(await page(host, 'kids-troupe'), 200).figures;
    const month = shanghaiMonth(startsAt);
    const value = (key: string) => figures.series.find((f) => f.key === key)!.values;
    expect(figures.timeZone).toBe('Asia/Shanghai');
    expect(figures.months.at(-1)).toBe(shanghaiMonth(now.toISOString()));
    expect(value('activitiesHeld')[month]).toBe(1);
    expect(value('participants')[month]).toBe(1);
    expect(value('activeClubs')[month]).toBe(1);
    expect(value('volunteerHours')[month]).toBe(2);
    expect(Object.values(value('activitiesHeld')).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('an administrator renames a program and switches it off from its page; others may not', async () => {
    const { host, admin } = c();
    const neighbour = await resident(host, '邻居老郑');
    const rename = { name: { zh: '社区少年宫', en: 'Youth Centre' } };
    expect((await read(as(host, neighbour).programs[':key'].$patch({ param: { key: 'little-architects' }, json: rename }))).status).toBe(
      403,
    );
    expectStatus(await read(as(host, admin).programs[':key'].$patch({ param: { key: 'little-architects' }, json: rename })), 200);
    expectStatus(
      await read(as(host, admin).programs[':key'].$patch({ param: { key: 'little-architects' }, json: { enabled: false } })),
      200,
    );
    const after = bodyOf(await page(host, 'little-architects'), 200);
    expect(after).toMatchObject({ name: { zh: '社区少年宫', en: 'Youth Centre' }, enabled: false });
  });
});

describe("a section in the community's own words", () => {
  const c = sharedCommunity();

  it('an administrator edits a section; the page shows it, the history keeps the template and the edit with who and when', async () => {
    const { host, admin } = c();
    const body = '1. 先找到一间屋子\n2. 招募 **十位** 馆员';
    const saved = await saveSection(host, 'library', 'how-to-run', admin, { body, summary: '按本小区情况改写', baseRevision: 1 });
    expect(bodyOf(saved, 200).revision).toBe(2);
    const after = bodyOf(await page(host, 'library'), 200);
    expect(sectionOf(after, 'how-to-run')).toMatchObject({ body, edited: true, revision: 2 });
    // The English page and the other sections are untouched.
    expect(sectionOf(bodyOf(await page(host, 'library', undefined, 'en'), 200), 'how-to-run').body).toContain(
      libraryTemplate.howToRun[0]!.en,
    );
    expect(sectionOf(after, 'purpose').edited).toBe(false);

    const history = bodyOf(await revisions(host, 'library', 'how-to-run', admin), 200);
    expect(history.section.revision).toBe(2);
    expect(history.revisions.map((r) => [r.number, r.kind, r.authorName])).toEqual([
      [2, 'edit', '会长老周'],
      [1, 'template', null],
    ]);
    expect(history.revisions[0]!.summary).toBe('按本小区情况改写');
    expect(bodyOf(await revision(host, 'library', 'how-to-run', 1, admin), 200).body).toBe(
      libraryTemplate.howToRun.map((s, i) => `${i + 1}. ${s.zh}`).join('\n'),
    );
    expect(bodyOf(await revision(host, 'library', 'how-to-run', 2, admin), 200).body).toBe(body);
    expect((await revision(host, 'library', 'how-to-run', 9, admin)).status).toBe(404);
  });

  it('refuses a save on top of a newer revision (409), and two first edits at once keep exactly one', async () => {
    const { host, admin } = c();
    const results = await Promise.all(
      ['甲稿', '乙稿', '丙稿'].map((body) => saveSection(host, 'salon', 'purpose', admin, { body, summary: '改写', baseRevision: 1 })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(2);
    const history = bodyOf(await revisions(host, 'salon', 'purpose', admin), 200);
    expect(history.revisions.map((r) => r.number)).toEqual([2, 1]);
    const stale = await saveSection(host, 'salon', 'purpose', admin, { body: '旧稿', summary: '改写', baseRevision: 1 });
    expect(stale.status).toBe(409);
  });

  it('restoring an earlier revision makes it the newest; the template text restored reads as not edited', async () => {
    const { host, admin } = c();
    bodyOf(await saveSection(host, 'library', 'measures', admin, { body: '- 每月借阅 100 册', summary: '降低目标', baseRevision: 1 }), 200);
    const restored = await read(
      as(host, admin).programs[':key'].sections[':section'].revisions[':number'].restore.$post({
        param: { key: 'library', section: 'measures', number: '1' },
        query: { locale: 'zh-CN' },
        json: { baseRevision: 2 },
      }),
    );
    expect(bodyOf(restored, 200).revision).toBe(3);
    expect(sectionOf(bodyOf(await page(host, 'library'), 200), 'measures')).toMatchObject({ edited: false, revision: 3 });
    const kinds = bodyOf(await revisions(host, 'library', 'measures', admin), 200).revisions.map((r) => r.kind);
    expect(kinds).toEqual(['restore', 'edit', 'template']);
  });

  it('only administrators edit or read the history; bodies are validated with the fields at fault', async () => {
    const { host, admin } = c();
    const neighbour = await resident(host, '邻居老钱');
    const json = { body: '我们的说法', summary: '改写', baseRevision: 1 };
    expect((await saveSection(host, 'sports', 'roles', undefined, json)).status).toBe(401);
    expect((await saveSection(host, 'sports', 'roles', neighbour, json)).status).toBe(403);
    expect((await revisions(host, 'sports', 'roles', neighbour)).status).toBe(403);
    const empty = await saveSection(host, 'sports', 'roles', admin, { ...json, body: '  ' });
    expect(empty.status).toBe(400);
    expect(errorOf(empty.json).details).toHaveProperty('body');
    const badSection = await rawCall(host, '/api/programs/sports/sections/budget', { method: 'PUT', token: admin.token, body: json });
    expect(badSection.status).toBe(400);
    expect((await saveSection(host, 'no-such-program', 'roles', admin, json)).status).toBe(404);
  });

  it("another community sees its own template text, not this community's words, and none of its clubs", async () => {
    const { host, admin } = c();
    bodyOf(
      await saveSection(host, 'elder-care', 'purpose', admin, { body: '只属于这个小区的说法', summary: '改写', baseRevision: 1 }),
      200,
    );
    const leader = await resident(host, '护理队长');
    const clubName = uniq('银龄陪伴队');
    await proposeClub(host, leader, clubName, { programKey: 'elder-care' });
    const other = await community();
    const theirs = bodyOf(await page(other.host, 'elder-care', other.admin), 200);
    expect(JSON.stringify(theirs)).not.toContain('只属于这个小区的说法');
    expect(theirs.clubs).toEqual([]);
    expect(bodyOf(await revisions(other.host, 'elder-care', 'purpose', other.admin), 200).revisions).toHaveLength(1);
    // This community's administrator is nobody there.
    expect((await saveSection(other.host, 'elder-care', 'purpose', admin, { body: 'x', summary: 'x', baseRevision: 1 })).status).toBe(401);
  });
});

describe('activities credited to a program', () => {
  const c = sharedCommunity();

  it("a club's activity counts for its club's program, shown on the activity with its name", async () => {
    const { host, admin } = c();
    const leader = await resident(host, '网球老将');
    const club = await proposeClub(host, leader, uniq('网球社'), { programKey: 'sports' });
    expectStatus(await setClubStatus(host, club, 'active', admin), 200);
    const id = await draft(host, leader, { clubId: club });
    const d = await detail(host, id, leader);
    expect(d.programKey).toBe('sports');
    expect(d.program?.name.zh).toBe('社区体育健身俱乐部');
    // Its club's activity may name another program.
    const salon = await draft(host, leader, { clubId: club, programKey: 'salon' });
    expect((await detail(host, salon, leader)).programKey).toBe('salon');
  });

  it('a hub activity may name a program (400 naming programKey for one that does not exist or is off) and keeps it when edited', async () => {
    const { host, admin } = c();
    const market = await draft(host, admin, { title: '彩虹屋跳蚤市场', programKey: 'charity-shop' });
    expect((await detail(host, market, admin)).program?.key).toBe('charity-shop');
    const unknown = await createActivity(host, admin, activityBody({ programKey: 'no-such-program' }));
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.json).details).toHaveProperty('programKey');
    expectStatus(await read(as(host, admin).programs[':key'].$patch({ param: { key: 'university' }, json: { enabled: false } })), 200);
    const off = await createActivity(host, admin, activityBody({ programKey: 'university' }));
    expect(off.status).toBe(400);
    expect(errorOf(off.json).details).toHaveProperty('programKey');
    expectStatus(await updateActivity(host, market, admin, activityBody({ title: '彩虹屋跳蚤市场（第二场）' })), 200);
    expect((await detail(host, market, admin)).programKey).toBe('charity-shop');
    expectStatus(await updateActivity(host, market, admin, activityBody({ programKey: null })), 200);
    expect((await detail(host, market, admin)).program).toBeNull();
    const none = await draft(host, admin, { title: '邻里茶话会' });
    expect((await detail(host, none, admin)).program).toBeNull();
  });

  it("an activity from before activities named a program counts for its club's program on the program's page", async () => {
    const { host, admin } = c();
    const leader = await resident(host, '沙龙主持');
    const club = await proposeClub(host, leader, uniq('读书沙龙'), { programKey: 'salon' });
    expectStatus(await setClubStatus(host, club, 'active', admin), 200);
    const id = await openActivity(host, leader, admin, { clubId: club, title: '老活动' });
    const d1 = await tenantD1(c().slug);
    await d1.prepare('UPDATE activities SET program_key = NULL WHERE id = ?').bind(id).run();
    expect(bodyOf(await page(host, 'salon'), 200).activities.map((a) => a.id)).toContain(id);
    expect((await detail(host, id)).program?.key).toBe('salon');
    expect((await read(as(host).activities[':id'].$get(byId(id)))).status).toBe(200);
  });
});
