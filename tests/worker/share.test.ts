import { describe, expect, it } from 'vitest';
import { matchPage, oneLine, startsLabel } from '../../worker/share/cards';
import { activeClub, draft, openActivity, proposeClub, resident, sharedCommunity, uniq } from './community-fixtures';
import { dispatch, PLATFORM } from './helpers';

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
    for (const path of [`/activities/${hidden}`, `/clubs/${club}`, '/activities/999999', '/issues/1']) {
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
