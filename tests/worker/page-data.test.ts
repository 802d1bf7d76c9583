import { describe, expect, it } from 'vitest';
import { as, byId, draft, openActivity, resident, sharedCommunity, uniq } from './community-fixtures';
import { PLATFORM, rawCall, read } from './helpers';

const dataBlocks = (html: string) => [
  ...html.matchAll(/<script type="application\/json" id="page-data" data-key="([^"]*)">([\s\S]*?)<\/script>/g),
];

describe("a visitor's data inside an activity's page", () => {
  const shared = sharedCommunity();

  it("carries exactly what the activity's API answers a visitor, under the key the app's preload asks by", async () => {
    const c = shared();
    const organiser = await resident(c.host, uniq('组织者'));
    const id = await openActivity(c.host, organiser, c.admin, { title: uniq('周末观鸟'), capacity: 12 });
    const page = await rawCall(c.host, `/activities/${id}`);
    expect(page.status).toBe(200);
    const blocks = dataBlocks(page.text);
    expect(blocks.map(([, key]) => key)).toEqual([`activity:${id}`]);
    const visitor = await read(as(c.host).activities[':id'].$get(byId(id)));
    expect(visitor.status).toBe(200);
    expect(JSON.parse(blocks[0]![2]!)).toEqual(visitor.json);
    // A member's own view is never what the page carries: the block is the visitor's answer whoever asks.
    const member = await read(as(c.host, organiser).activities[':id'].$get(byId(id)));
    expect(JSON.parse(blocks[0]![2]!)).not.toEqual(member.json);
  });

  it('keeps a title with a closing script tag inside the block', async () => {
    const c = shared();
    const organiser = await resident(c.host, uniq('组织者'));
    const title = '观鸟</script><script>alert(1)</script>';
    const id = await openActivity(c.host, organiser, c.admin, { title });
    const page = await rawCall(c.host, `/activities/${id}`);
    const blocks = dataBlocks(page.text);
    expect(blocks).toHaveLength(1);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(JSON.parse(blocks[0]![2]!).title).toBe(title);
  });

  it('carries a handbook as the reader asks for it in Chinese, rendered and without its Markdown', async () => {
    const c = shared();
    const page = await rawCall(c.host, '/handbooks/operating');
    const blocks = dataBlocks(page.text);
    expect(blocks.map(([, key]) => key)).toEqual(['handbook:operating:zh-CN']);
    const visitor = await read(
      as(c.host).handbooks[':handbook'].$get({ param: { handbook: 'operating' }, query: { locale: 'zh-CN', view: 'read' } }),
    );
    expect(visitor.status).toBe(200);
    expect(JSON.parse(blocks[0]![2]!)).toEqual(visitor.json);
    expect(page.text.indexOf('rel="modulepreload"')).toBeLessThan(page.text.indexOf('id="page-data"'));
    expect(dataBlocks((await rawCall(c.host, '/handbooks/no-such-handbook')).text)).toEqual([]);
  });

  it('carries nothing where a visitor may not read the activity, none exists, or the page is another', async () => {
    const c = shared();
    const organiser = await resident(c.host, uniq('组织者'));
    const hidden = await draft(c.host, organiser, { title: uniq('还在起草') });
    expect((await read(as(c.host).activities[':id'].$get(byId(hidden)))).status).not.toBe(200);
    for (const path of [`/activities/${hidden}`, '/activities/999999', '/activities/new', '/this-week', '/']) {
      const page = await rawCall(c.host, path);
      expect(page.status).toBe(200);
      expect(dataBlocks(page.text)).toEqual([]);
    }
    expect(dataBlocks((await rawCall(PLATFORM, '/activities/1')).text)).toEqual([]);
  });
});
