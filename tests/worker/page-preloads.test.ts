import { beforeAll, describe, expect, it } from 'vitest';
import { filesFor, routeFit } from '../../worker/share/preloads';
import { createCommunity, dispatch, PLATFORM } from './helpers';

const uid = (name: string) => `${name}-${Date.now().toString(36)}`;

async function page(url: string): Promise<string> {
  const res = await dispatch(url);
  expect(res.status).toBe(200);
  return res.text();
}

/** The files a page's HTML asks the browser to fetch early. */
const preloaded = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);

describe("a page's code and words, fetched with the entry", () => {
  let host: string;
  beforeAll(async () => {
    host = (await createCommunity(uid('preloads-founder'))).host;
  });

  it("names the page's own chunk for the path, as the app's router would choose it", async () => {
    const home = preloaded(await page(`http://${host}/`));
    expect(home.some((f) => /\/assets\/community-home-[\w-]+\.js$/.test(f))).toBe(true);
    const activity = preloaded(await page(`http://${host}/activities/12`));
    expect(activity.some((f) => /\/activity-detail-[\w-]+\.js$/.test(f))).toBe(true);
    const editor = preloaded(await page(`http://${host}/activities/new`));
    expect(editor.some((f) => /\/activity-editor-[\w-]+\.js$/.test(f))).toBe(true);
    expect(editor.some((f) => /\/activity-detail-[\w-]+\.js$/.test(f))).toBe(false);
    const consultant = preloaded(await page(`http://${PLATFORM}/consultant`));
    expect(consultant.some((f) => /\/consultant-communities-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('fetches nothing the entry already brings, and every named file is served', async () => {
    const html = await page(`http://${host}/this-week`);
    const entry = html.match(/<script type="module" crossorigin src="([^"]+)">/)![1]!;
    const files = preloaded(html);
    expect(files.length).toBeGreaterThan(0);
    expect(files).not.toContain(entry);
    for (const file of files) expect((await dispatch(`http://${host}${file}`)).status, file).toBe(200);
  });
});

describe('matching a path to a route of the app', () => {
  it('prefers literal segments over parameters, and the catch-all last', () => {
    expect(routeFit('/', '/')).toBe(0);
    expect(routeFit('/', '/clubs')).toBeNull();
    expect(routeFit('/activities/:id', '/activities/7')).toBe(1);
    expect(routeFit('/activities/new', '/activities/new')).toBe(2);
    expect(routeFit('/activities/:id/edit', '/activities/7')).toBeNull();
    expect(routeFit('*', '/anything/at/all')).toBe(0);
    const routes = [
      { path: '/activities/:id', files: { 'zh-CN': ['/assets/detail-1.js'], en: [] } },
      { path: '/activities/new', files: { 'zh-CN': ['/assets/editor-1.js'], en: [] } },
      { path: '*', files: { 'zh-CN': ['/assets/not-found-1.js'], en: [] } },
    ];
    expect(filesFor(routes, '/activities/new')).toEqual(['/assets/editor-1.js']);
    expect(filesFor(routes, '/activities/3')).toEqual(['/assets/detail-1.js']);
    expect(filesFor(routes, '/nowhere')).toEqual(['/assets/not-found-1.js']);
  });

  it('passes on only plain asset names from the table', () => {
    const routes = [{ path: '/', files: { 'zh-CN': ['/assets/ok-1.js', '"><script>x</script>', 'https://elsewhere/x.js'], en: [] } }];
    expect(filesFor(routes, '/')).toEqual(['/assets/ok-1.js']);
  });
});
