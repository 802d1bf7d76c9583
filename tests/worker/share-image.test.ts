import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueEvents, issues } from '../../worker/db/tenant-schema';
import { sliceOf } from '../../worker/share/fonts';
import { clip, pageOfPicture, pictureAddress } from '../../worker/share/image';
import { renderPicture } from '../../worker/share/render';
import { as, draft, expectStep, openActivity, proposeClub, resident, sharedCommunity, uniq } from './community-fixtures';
import { bodyOf, dispatch, PLATFORM, read, tenantDb } from './helpers';

/** The picture as a chat app's preview fetcher gets it. */
async function picture(host: string, path: string, headers: Record<string, string> = {}) {
  const res = await dispatch(`http://${host}${path}`, { headers: { 'user-agent': 'facebookexternalhit/1.1', ...headers } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** A PNG's width and height, read from its IHDR chunk after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The content of a meta tag in a page, unescaped (`&amp;` is the only entity an address here can hold). */
async function metaOf(host: string, path: string, key: string): Promise<string | null> {
  const res = await dispatch(`http://${host}${path}`, { headers: { accept: 'text/html', 'user-agent': 'WhatsApp/2.23' } });
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(await res.text());
  return m ? m[1]!.replace(/&amp;/g, '&') : null;
}

describe('share card pictures', () => {
  const shared = sharedCommunity();

  it("draws an announced activity's card as a 1200×630 PNG, cached by the fingerprint of its text", async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, uniq('组织者'));
    const id = await openActivity(host, organiser, admin, { title: `周末羽毛球双打 ${uniq('')}` });

    const started = performance.now();
    const { res, bytes } = await picture(host, `/share/card/activities/${id}.png`);
    const firstRender = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=3600/);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);

    // Asked again with its validator: nothing is drawn or sent.
    const revalidated = await picture(host, `/share/card/activities/${id}.png`, { 'if-none-match': etag! });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.bytes).toHaveLength(0);
    // Asked again without one: the drawn picture comes from the cache, byte for byte.
    const again = performance.now();
    const cached = await picture(host, `/share/card/activities/${id}.png`);
    const fromCache = performance.now() - again;
    expect(cached.bytes).toEqual(bytes);
    console.info(`share picture: first request ${firstRender.toFixed(0)} ms, from the cache ${fromCache.toFixed(0)} ms`);
    // Generous, for a loaded two-core machine: a chat app waits a few seconds for a preview picture.
    expect(firstRender).toBeLessThan(10_000);
  });

  it('gives a draft or cancelled activity, a proposed club or a page that does not exist the community picture', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, uniq('草稿人'));
    const hidden = await draft(host, organiser, { title: uniq('尚未公布的活动') });
    const cancelled = await openActivity(host, organiser, admin, { title: uniq('取消的活动') });
    await expectStep(host, cancelled, 'cancel', organiser, 'cancelled');
    const proposed = await proposeClub(host, organiser, uniq('待批社团'));
    const home = await picture(host, '/share/card.png');
    expect(home.res.status).toBe(200);
    expect(pngSize(home.bytes)).toEqual({ width: 1200, height: 630 });
    for (const path of [
      `/share/card/activities/${hidden}.png`,
      `/share/card/activities/${cancelled}.png`,
      `/share/card/clubs/${proposed}.png`,
      '/share/card/activities/999999.png',
      '/share/card/issues/999999.png',
      '/share/card/handbooks/nope/intro.png',
    ]) {
      const { res, bytes } = await picture(host, path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).toBe(home.res.headers.get('etag'));
      expect(bytes, path).toEqual(home.bytes);
    }
    // The pages themselves point at the community picture, not at one of their own.
    const homeImage = await metaOf(host, '/', 'og:image');
    expect(await metaOf(host, `/activities/${hidden}`, 'og:image')).toBe(homeImage);
    expect(await metaOf(host, `/clubs/${proposed}`, 'og:image')).toBe(homeImage);
  });

  it("names the picture in the page's tags with an absolute address on the community's host", async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, uniq('组织者'));
    const title = `读书会 "夜读" <i>&</i> ${uniq('')}`;
    const id = await openActivity(host, organiser, admin, { title });
    const image = await metaOf(host, `/activities/${id}`, 'og:image');
    expect(image).toMatch(new RegExp(`^http://${host.replace(/\./g, '\\.')}/share/card/activities/${id}\\.png\\?v=[0-9a-f]{16}$`));
    expect(await metaOf(host, `/activities/${id}`, 'twitter:image')).toBe(image);
    expect(await metaOf(host, `/activities/${id}`, 'twitter:card')).toBe('summary_large_image');
    expect(await metaOf(host, `/activities/${id}`, 'og:image:width')).toBe('1200');
    expect(await metaOf(host, `/activities/${id}`, 'og:image:height')).toBe('630');
    expect(await metaOf(host, `/activities/${id}`, 'og:image:alt')).toContain('&lt;i&gt;');
    // The address's `v` is the picture's validator: a new title is a new address for the chat apps' caches.
    const { res } = await picture(host, new URL(image!).pathname);
    expect(res.headers.get('etag')).toBe(`"${new URL(image!).searchParams.get('v')}"`);

    const home = await metaOf(host, '/', 'og:image');
    expect(home).toMatch(new RegExp(`^http://${host.replace(/\./g, '\\.')}/share/card\\.png\\?v=`));
    expect(await metaOf(PLATFORM, '/', 'og:image')).toMatch(/^http:\/\/localhost\/share\/card\.png\?v=/);
  });

  it("draws an adopted decision's and a handbook chapter's cards, each at the address its page names", async () => {
    const { host, slug, admin } = shared();
    const raiser = await resident(host, uniq('提议人'));
    const title = `楼道照明改造 ${uniq('')}`;
    const { id } = bodyOf(
      await read(as(host, raiser).issues.$post({ json: { title, description: '楼道太暗', category: 'facilities' } })),
      201,
    );
    const db = await tenantDb(slug);
    const at = '2030-03-08T16:30:00.000Z';
    await db.batch([
      db
        .update(issues)
        .set({ state: 'decided', outcome: 'adopted', decisionText: '更换全部楼道灯为感应灯', stateSince: at })
        .where(eq(issues.id, id)),
      db.insert(issueEvents).values({ issueId: id, fromState: 'on-agenda', toState: 'decided', at }),
    ]);
    const { handbooks } = bodyOf(await read(as(host, admin).handbooks.$get({ query: { locale: 'zh-CN' } })), 200);
    const handbook = handbooks.find((hb) => hb.chapters.length > 0)!;
    const chapter = handbook.chapters[0]!;
    const home = await picture(host, '/share/card.png');

    for (const [page, address] of [
      [`/issues/${id}`, `/share/card/issues/${id}.png`],
      [`/handbooks/${handbook.key}?chapter=${chapter.key}`, `/share/card/handbooks/${handbook.key}/${chapter.key}.png`],
      [`/handbooks/${handbook.key}`, `/share/card/handbooks/${handbook.key}.png`],
    ]) {
      const image = new URL((await metaOf(host, page!, 'og:image'))!);
      expect(image.pathname, page).toBe(address);
      const { res, bytes } = await picture(host, address!);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type'), page).toBe('image/png');
      expect(pngSize(bytes), page).toEqual({ width: 1200, height: 630 });
      expect(res.headers.get('etag'), page).toBe(`"${image.searchParams.get('v')}"`);
      expect(res.headers.get('etag'), page).not.toBe(home.res.headers.get('etag'));
    }
  });

  it('draws the platform picture, and refuses an address that is not a picture', async () => {
    const platform = await picture(PLATFORM, '/share/card.png');
    expect(platform.res.status).toBe(200);
    expect(pngSize(platform.bytes)).toEqual({ width: 1200, height: 630 });
    const { host } = shared();
    expect((await picture(host, '/share/card/activities/1.jpg')).res.status).toBe(404);
  });

  it('draws a long title, in the time a chat app waits for, with every character of the text', async () => {
    const started = performance.now();
    const png = await renderPicture(env.ASSETS, {
      path: '/',
      kicker: uniq('翠竹园'),
      heading: `${'这是一个很长很长的标题'.repeat(6)} 𠀋 🎉`,
      line: '活动 · 3月9日 周六 09:30',
    });
    const elapsed = performance.now() - started;
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    console.info(`share picture: a new long title drawn in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('share picture rules', () => {
  it('maps a page to its picture and back', () => {
    expect(pictureAddress('/')).toBe('/share/card.png');
    expect(pictureAddress('/activities/12/')).toBe('/share/card/activities/12.png');
    expect(pageOfPicture('/share/card.png')).toBe('/');
    expect(pageOfPicture('/share/card/activities/12.png')).toBe('/activities/12');
    expect(pageOfPicture('/share/card/programs/elder-care.png')).toBe('/programs/elder-care');
    expect(pageOfPicture('/share/card/handbooks/operating/19-building-contacts.png')).toBe('/handbooks/operating/19-building-contacts');
    expect(pageOfPicture('/share/card/activities/12.jpg')).toBeNull();
    expect(pageOfPicture('/share/card/../secret.png')).toBeNull();
  });

  it('clips a line by characters, not UTF-16 units, with an ellipsis', () => {
    expect(clip('  羽毛球\n 双打  ', 10)).toBe('羽毛球 双打');
    expect(clip('🎉'.repeat(5), 3)).toBe('🎉🎉…');
    expect([...clip('长'.repeat(100), 42)]).toHaveLength(42);
  });

  it("finds the font slice that holds a character in the build's ranges", () => {
    const slices = [
      { name: 'latin', ranges: [[0x20, 0x7e]] as [number, number][] },
      {
        name: '97',
        ranges: [
          [0x4e00, 0x4e00],
          [0x4e8c, 0x4e8d],
        ] as [number, number][],
      },
    ];
    expect(sliceOf(slices, 'A'.codePointAt(0)!)).toBe('latin');
    expect(sliceOf(slices, '二'.codePointAt(0)!)).toBe('97');
    expect(sliceOf(slices, '🎉'.codePointAt(0)!)).toBeUndefined();
  });
});
