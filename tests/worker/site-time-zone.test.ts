import { describe, expect, it } from 'vitest';
import { as, byId, community, openActivity, resident } from './community-fixtures';
import { bodyOf, client, createCommunity, dispatch, PLATFORM, read } from './helpers';

/** The site info a page of the web app carries (what the app reads instead of asking GET /api/site). */
async function siteInfoInPage(host: string, path: string) {
  const html = await (await dispatch(`http://${host}${path}`, { headers: { accept: 'text/html' } })).text();
  const scripts = [...html.matchAll(/<script type="application\/json" id="site-info">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]![1]!);
}

const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

describe("the community's time zone, given to the web and to calendar apps", () => {
  it("GET /api/site gives a community's zone to anyone, and follows a change in its settings", async () => {
    const c = await community();
    expect(bodyOf(await read(client(c.host).api.site.$get()), 200).timeZone).toBe('Asia/Shanghai');

    const changed = await read(as(c.host, c.admin).community.settings.$patch({ json: { timeZone: 'america/new_york' } }));
    expect(bodyOf(changed, 200).timeZone).toBe('America/New_York');
    expect(bodyOf(await read(client(c.host).api.site.$get()), 200)).toMatchObject({ host: 'community', timeZone: 'America/New_York' });
  });

  it('GET /api/site gives Asia/Shanghai on the platform host, which has no community', async () => {
    const site = bodyOf(await read(client(PLATFORM).api.site.$get()), 200);
    expect(site).toMatchObject({ host: 'platform', community: null, timeZone: 'Asia/Shanghai' });
  });

  it("an activity's .ics carries the community's zone (TZID) and its wall-clock times, across a change of zone", async () => {
    const c = await community();
    const organiser = await resident(c.host, '王阿姨');
    // 01:00 UTC is 09:00 in Shanghai; in New York (summer time, −04:00) it is 21:00 the day before.
    const id = await openActivity(c.host, organiser, c.admin, { startsAt: '2031-06-07T01:00:00.000Z', endsAt: '2031-06-07T03:00:00.000Z' });
    const ics = async () => unfold((await read(as(c.host).activities[':id']['calendar.ics'].$get(byId(id)))).text);

    const shanghai = await ics();
    expect(shanghai).toContain('DTSTART;TZID=Asia/Shanghai:20310607T090000');
    expect(shanghai).toContain('DTEND;TZID=Asia/Shanghai:20310607T110000');
    expect(shanghai).not.toMatch(/DTSTART:\d{8}T\d{6}Z/);

    await read(as(c.host, c.admin).community.settings.$patch({ json: { timeZone: 'America/New_York' } }));
    expect(await ics()).toContain('DTSTART;TZID=America/New_York:20310606T210000');
  });

  it('every page carries the same site info as GET /api/site, and a community name cannot close its script', async () => {
    const name = '梧桐</script><script>alert(1)</script>里';
    const { host } = await createCommunity(`site-${crypto.randomUUID().slice(0, 8)}`, { nameZh: name });
    const api = bodyOf(await read(client(host).api.site.$get()), 200);
    expect(api.community?.name.zh).toBe(name);
    for (const path of ['/', '/this-week', '/handbooks/operating']) expect(await siteInfoInPage(host, path)).toEqual(api);
    expect(await siteInfoInPage(PLATFORM, '/')).toEqual(bodyOf(await read(client(PLATFORM).api.site.$get()), 200));
  });
});
