import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueEvents, issues } from '../../worker/db/tenant-schema';
import { dayLabel, matchPage, matchPicturePage, oneLine, startsLabel } from '../../worker/share/cards';
import { firstParagraph } from '../../worker/share/plain-text';
import { activeClub, as, draft, openActivity, type Person, proposeClub, resident, sharedCommunity, uniq } from './community-fixtures';
import { bodyOf, dispatch, PLATFORM, read, tenantDb } from './helpers';

/** The page as a chat app's preview fetcher gets it: no script runs, only the HTML is read. */
async function page(host: string, path: string) {
  const res = await dispatch(`http://${host}${path}`, { headers: { accept: 'text/html', 'user-agent': 'WhatsApp/2.23' } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The content of a meta tag, unescaped the way a parser would. */
function meta(html: string, key: string): string | null {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  if (!m) return null;
  return m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** An issue raised by a resident through the app. */
async function raise(host: string, raiser: Person, title: string, anonymous = false) {
  const raised = as(host, raiser).issues.$post({
    json: { title, description: `${title}：只有居民之间讨论的细节`, category: 'facilities', anonymous },
  });
  return bodyOf(await read(raised), 201).id;
}

/** The joint meeting's adoption of an issue, at `at`, as the meeting's decision writes it. */
async function adopt(slug: string, id: number, decisionText: string, at: string) {
  const db = await tenantDb(slug);
  await db.batch([
    db.update(issues).set({ state: 'decided', outcome: 'adopted', decisionText, stateSince: at }).where(eq(issues.id, id)),
    db.insert(issueEvents).values({ issueId: id, fromState: 'on-agenda', toState: 'decided', note: decisionText, at }),
  ]);
}

describe('share cards', () => {
  const shared = sharedCommunity();

  it("previews an announced activity by its title, time in the community's zone and place, escaped, naming no one", async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, uniq('组织者'));
    const title = `羽毛球 "双打" <b>&</b> ${uniq('')}`;
    const id = await openActivity(host, organiser, admin, {
      title,
      startsAt: '2030-03-09T01:30:00.000Z',
      endsAt: '2030-03-09T03:30:00.000Z',
    });
    const { status, text } = await page(host, `/activities/${id}`);
    expect(status).toBe(200);
    expect(meta(text, 'og:title')).toContain(title);
    expect(meta(text, 'twitter:title')).toContain(title);
    // 01:30 UTC is 09:30 in Shanghai, the community's zone.
    expect(meta(text, 'og:description')).toContain('09:30');
    expect(meta(text, 'og:description')).toContain('社区体育馆');
    expect(meta(text, 'og:url')).toBe(`http://${host}/activities/${id}`);
    expect(text).not.toContain('<b>&</b>');
    expect(text).toMatch(/<title>[^<]*羽毛球/);
    expect(text).not.toContain(organiser.name);
    expect(text).not.toContain(admin.name);
  });

  it('gives a draft activity, a proposed club or a page that does not exist only the community card', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, uniq('草稿人'));
    const secret = uniq('尚未公布的活动');
    const hidden = await draft(host, organiser, { title: secret });
    const proposed = uniq('待批社团');
    const club = await proposeClub(host, organiser, proposed);
    for (const path of [`/activities/${hidden}`, `/clubs/${club}`, '/activities/999999', '/issues/999999', '/handbooks/nope']) {
      const { status, text } = await page(host, path);
      expect(status, path).toBe(200);
      expect(text, path).not.toContain(secret);
      expect(text, path).not.toContain(proposed);
      expect(meta(text, 'og:site_name'), path).toBe(meta(text, 'og:title'));
    }
    // A running club and a program are previewed by name.
    const running = uniq('太极社');
    const active = await activeClub(host, admin, organiser, [], running);
    expect(meta((await page(host, `/clubs/${active}`)).text, 'og:title')).toContain(running);
    expect(meta((await page(host, '/programs/library')).text, 'og:title')).toMatch(/书屋/);
  });

  it("previews an adopted decision by the issue's title and the decision's words, dated in the community's zone, naming no one", async () => {
    const { host, slug } = shared();
    const raiser = await resident(host, uniq('提议人'));
    const title = `增设快递柜 "东门" <b>&</b> ${uniq('')}`;
    const id = await raise(host, raiser, title);
    const decision = `同意在东门增设快递柜，物业负责安装，${'费用由快递公司承担。'.repeat(20)}`;
    // 16:30 UTC on 8 March is 9 March in Shanghai, the community's zone.
    await adopt(slug, id, decision, '2030-03-08T16:30:00.000Z');

    const { status, text } = await page(host, `/issues/${id}`);
    expect(status).toBe(200);
    expect(meta(text, 'og:title')).toContain(`决定：${title}`);
    expect(meta(text, 'twitter:title')).toContain(title);
    expect(meta(text, 'og:description')).toMatch(/^同意在东门增设快递柜，物业负责安装/);
    expect([...meta(text, 'og:description')!]).toHaveLength(120);
    expect(meta(text, 'og:image')).toMatch(new RegExp(`/share/card/issues/${id}\\.png\\?v=[0-9a-f]{16}$`));
    expect(text).not.toContain('<b>&</b>');
    expect(text).not.toContain(raiser.name);
    // What residents discussed before the decision stays among them.
    expect(text).not.toContain('只有居民之间讨论的细节');
  });

  it('gives an issue not yet decided, one not adopted, and an anonymous one only the community card', async () => {
    const { host, slug } = shared();
    const raiser = await resident(host, uniq('匿名提议人'));
    const pending = uniq('还在讨论的议题');
    const pendingId = await raise(host, raiser, pending);
    const secret = uniq('匿名反映的议题');
    const anonymousId = await raise(host, raiser, secret, true);
    await adopt(slug, anonymousId, `${secret}的决定`, '2030-03-08T08:00:00.000Z');
    const rejected = uniq('未获通过的议题');
    const rejectedId = await raise(host, raiser, rejected);
    const db = await tenantDb(slug);
    await db.update(issues).set({ state: 'decided', outcome: 'not-adopted' }).where(eq(issues.id, rejectedId));

    const home = await page(host, '/');
    for (const [id, words] of [
      [pendingId, pending],
      [anonymousId, secret],
      [rejectedId, rejected],
    ] as const) {
      const { status, text } = await page(host, `/issues/${id}`);
      expect(status).toBe(200);
      expect(text, words).not.toContain(words);
      expect(text, words).not.toContain(raiser.name);
      expect(meta(text, 'og:title'), words).toBe(meta(home.text, 'og:title'));
      expect(meta(text, 'og:image'), words).toBe(meta(home.text, 'og:image'));
    }
  });

  it("previews a handbook chapter by its published title and first paragraph in plain words, never an administrator's draft", async () => {
    const { host, admin } = shared();
    const handbooks = bodyOf(await read(as(host, admin).handbooks.$get({ query: { locale: 'zh-CN' } })), 200);
    const handbook = handbooks.handbooks.find((hb) => hb.chapters.length > 0)!;
    const chapter = handbook.chapters[0]!;
    const title = `邻里公约 "试行" <b>&</b> ${uniq('')}`;
    const body = '# 大标题\n\n**要点**：遇事先找[楼栋联络人](#building-contacts)，再找`互助会`。\n第二行*强调*。\n\n第二段不进预览。';
    const save = (json: { title: string; body: string; publish: boolean; baseRevision: number }) =>
      read(
        as(host, admin).handbooks[':handbook'].chapters[':key'].$put({
          param: { handbook: handbook.key, key: chapter.key },
          query: { locale: 'zh-CN' },
          json: { ...json, summary: '试行' },
        }),
      );
    const saved = bodyOf(await save({ title, body, publish: true, baseRevision: chapter.revision }), 200);
    bodyOf(await save({ title: '草稿标题', body: '草稿正文，尚未发布。', publish: false, baseRevision: saved.revision }), 200);

    const path = `/handbooks/${handbook.key}?chapter=${chapter.key}`;
    const { status, text } = await page(host, path);
    expect(status).toBe(200);
    expect(meta(text, 'og:title')).toContain(title);
    expect(text).not.toContain('<b>&</b>');
    expect(text).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(meta(text, 'og:description')).toBe('要点：遇事先找楼栋联络人，再找互助会。 第二行强调。');
    expect(meta(text, 'og:url')).toBe(`http://${host}${path}`);
    expect(meta(text, 'og:image')).toMatch(new RegExp(`/share/card/handbooks/${handbook.key}/${chapter.key}\\.png\\?v=`));
    expect(text).not.toContain('草稿');
    // The handbook itself is previewed by its name and contents.
    const whole = await page(host, `/handbooks/${handbook.key}`);
    expect(meta(whole.text, 'og:title')).toContain(handbook.title);
    expect(meta(whole.text, 'og:description')).toContain('目录：');
  });

  it('previews the community home, and the platform by its own card; files are served untouched', async () => {
    const { host } = shared();
    const home = await page(host, '/');
    expect(meta(home.text, 'og:description')).toContain('社区互助会');
    expect(meta((await page(PLATFORM, '/')).text, 'og:title')).toBe('互助 Huzhu');
    const manifestLike = await dispatch(`http://${host}/assets/does-not-exist.js`);
    expect(await manifestLike.text()).not.toContain('og:title');
  });
});

describe('share card rules', () => {
  it('matches the pages that have a card of their own', () => {
    expect(matchPage('/activities/42')).toEqual({ kind: 'activity', id: 42 });
    expect(matchPage('/clubs/7/')).toEqual({ kind: 'club', id: 7 });
    expect(matchPage('/programs/elder-care')).toEqual({ kind: 'program', key: 'elder-care' });
    expect(matchPage('/activities/42/edit')).toEqual({ kind: 'home' });
    expect(matchPage('/activities/abc')).toEqual({ kind: 'home' });
    expect(matchPage('/issues/9')).toEqual({ kind: 'issue', id: 9 });
    expect(matchPage('/handbooks/operating')).toEqual({ kind: 'handbook', handbook: 'operating', chapter: null });
    expect(matchPage('/handbooks/operating', new URLSearchParams('chapter=19-building-contacts'))).toEqual({
      kind: 'handbook',
      handbook: 'operating',
      chapter: '19-building-contacts',
    });
    expect(matchPage('/handbooks/operating', new URLSearchParams('chapter=../x'))).toMatchObject({ chapter: null });
    expect(matchPage('/handbooks/operating/intro/edit')).toEqual({ kind: 'home' });
    // A chapter's picture is named by a path of its own; as a page, that path is nobody's.
    expect(matchPicturePage('/handbooks/operating/intro')).toEqual({ kind: 'handbook', handbook: 'operating', chapter: 'intro' });
    expect(matchPage('/handbooks/operating/intro')).toEqual({ kind: 'home' });
  });

  it('reads the first paragraph of Markdown as plain words', () => {
    expect(
      firstParagraph('# 标题\n\n- 列表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n**加粗** 与 [链接](https://x.example) 和 ![图](a.png)。'),
    ).toBe('加粗 与 链接 和 图。');
    expect(firstParagraph('> 引用\n\n正文 <b>不是标签</b> \\*星号\\*')).toBe('正文 <b>不是标签</b> *星号*');
    expect(firstParagraph('## 只有标题')).toBe('');
  });

  it("dates a decision on the community's clock", () => {
    expect(dayLabel('2030-03-08T16:30:00.000Z', 'Asia/Shanghai')).toBe('2030年3月9日');
    expect(dayLabel('2030-03-08T16:30:00.000Z', 'Europe/London')).toBe('2030年3月8日');
  });

  it('keeps a description to one line of at most 120 characters', () => {
    expect(oneLine('  第一行\n\n第二行  ')).toBe('第一行 第二行');
    const long = oneLine('长'.repeat(300));
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });

  it("reads a start time on the community's clock, across the date line", () => {
    expect(startsLabel('2030-03-08T16:30:00.000Z', 'Asia/Shanghai')).toMatch(/3月9日.*00:30/);
    expect(startsLabel('2030-03-08T16:30:00.000Z', 'Europe/London')).toMatch(/3月8日.*16:30/);
  });
});
