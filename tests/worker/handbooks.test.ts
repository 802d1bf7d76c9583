import { env } from 'cloudflare:workers';
import type { InferRequestType } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { type Api, bodyOf, client, createCommunity, expectStatus, rawCall, read, signIn } from './helpers';

async function adminAndResident(template?: string) {
  const community = await createCommunity(`admin-${crypto.randomUUID().slice(0, 8)}`, template ? { template } : {});
  const residentToken = await signIn(`resident-${crypto.randomUUID().slice(0, 8)}`, community.host);
  await read(client(community.host, residentToken).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '居民' } }));
  return { ...community, residentToken };
}

type Locale = 'zh-CN' | 'en';
type Save = InferRequestType<Api['handbooks'][':handbook']['chapters'][':key']['$put']>['json'];
type Upgrade = InferRequestType<Api['template']['upgrade']['$post']>['json'];

/** A handbook as `token` (or anonymous) reads it. */
function handbook(host: string, key: string, token?: string, locale: Locale = 'zh-CN') {
  return read(client(host, token).api.handbooks[':handbook'].$get({ param: { handbook: key }, query: { locale } }));
}

/** Saves a chapter of the operating handbook. */
function save(host: string, key: string, json: Save, token?: string, locale: Locale = 'zh-CN') {
  return read(
    client(host, token).api.handbooks[':handbook'].chapters[':key'].$put({
      param: { handbook: 'operating', key },
      query: { locale },
      json,
    }),
  );
}

async function revisions(host: string, handbookKey: string, key: string, token: string) {
  return read(
    client(host, token).api.handbooks[':handbook'].chapters[':key'].revisions.$get({
      param: { handbook: handbookKey, key },
      query: { locale: 'zh-CN' },
    }),
  );
}

const upgradePlan = (host: string, token: string) => read(client(host, token).api.template.upgrade.$get());
const upgrade = (host: string, token: string, json: Upgrade) => read(client(host, token).api.template.upgrade.$post({ json }));

async function chapter(host: string, key: string, token?: string, locale: Locale = 'zh-CN', handbookKey = 'operating') {
  const found = bodyOf(await handbook(host, handbookKey, token, locale), 200).chapters.find((c) => c.key === key);
  if (!found) throw new Error(`no chapter ${key}`);
  return found;
}

describe('handbooks in a new community', () => {
  it('are written for the community at sign-up: both handbooks and the forms, in Chinese and English, with its facts', async () => {
    const { host } = await createCommunity('hb-founder', { nameZh: '梧桐里', parties: { residentsCommittee: '梧桐社区居委会' } });
    const list = bodyOf(await read(client(host).api.handbooks.$get({ query: { locale: 'zh-CN' } })), 200);
    expect(list.handbooks.map((h) => [h.key, h.title])).toEqual([
      ['operating', '社区互助会操作手册'],
      ['building', '社区互助参与营造手册'],
      ['forms', '常用表单'],
    ]);
    expect(list.handbooks[0]!.chapters.length).toBe(20);
    const operating = bodyOf(await handbook(host, 'operating'), 200);
    expect(operating.facts.name.zh).toBe('梧桐里');
    expect(operating.facts.parties['residents-committee']).toBe('梧桐社区居委会');
    const english = bodyOf(await handbook(host, 'building', undefined, 'en'), 200);
    expect(english.title).toBe('Community-Building Handbook');
    expect(english.chapters[0]!.body).toMatch(/[a-z]{4,}/);
    const rows = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?')
      .bind(host.split('.')[0])
      .first<{ database_binding: string }>();
    expect(rows?.database_binding).toMatch(/^TENANT_DB_/);
  });

  it('can be read by anyone on the community site, but only administrators edit', async () => {
    const { host, residentToken } = await adminAndResident();
    expect((await read(client(host).api.handbooks[':handbook'].$get({ param: { handbook: 'forms' }, query: {} }))).status).toBe(200);
    const c = await chapter(host, 'who-we-are');
    const denied = await save(host, 'who-we-are', { title: '改', body: '改', summary: '改', baseRevision: c.revision }, residentToken);
    expect(denied.status).toBe(403);
    const anonymous = await save(host, 'who-we-are', { title: '改', body: '改', summary: '改', baseRevision: 1 });
    expect(anonymous.status).toBe(401);
    expect((await chapter(host, 'who-we-are')).body).toBe(c.body);
  });

  it('keeps every save as a revision, shows any revision, and restores one without rewriting history', async () => {
    const { host, founderToken } = await adminAndResident();
    const original = await chapter(host, 'volunteers');
    const saved = await save(
      host,
      'volunteers',
      {
        title: original.title,
        body: `${original.body}\n\n## 本社区补充\n\n每月第一个周六是志愿者日。`,
        summary: '补充志愿者日',
        baseRevision: original.revision,
      },
      founderToken,
    );
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ revision: original.revision + 1, edited: true });
    const after = await chapter(host, 'volunteers');
    expect(after.body).toContain('每月第一个周六是志愿者日');

    const history = bodyOf(await revisions(host, 'operating', 'volunteers', founderToken), 200);
    expect(history.revisions.map((r) => [r.number, r.kind])).toEqual([
      [2, 'edit'],
      [1, 'template'],
    ]);
    expect(history.revisions[0]).toMatchObject({ summary: '补充志愿者日', authorName: expect.any(String) });
    const revisionOne = { param: { handbook: 'operating', key: 'volunteers', number: '1' }, query: { locale: 'zh-CN' as const } };
    const first = bodyOf(
      await read(client(host, founderToken).api.handbooks[':handbook'].chapters[':key'].revisions[':number'].$get(revisionOne)),
      200,
    );
    expect(first.body).toBe(original.body);

    const restored = await read(
      client(host, founderToken).api.handbooks[':handbook'].chapters[':key'].revisions[':number'].restore.$post({
        ...revisionOne,
        json: { baseRevision: 2 },
      }),
    );
    expect(restored.json).toEqual({ revision: 3, edited: false });
    expect((await chapter(host, 'volunteers')).body).toBe(original.body);
    const after3 = bodyOf(await revisions(host, 'operating', 'volunteers', founderToken), 200);
    expect(after3.revisions.map((r) => r.kind)).toEqual(['restore', 'edit', 'template']);
  });

  it('serves each chapter rendered for reading: facts filled in, Markdown as HTML, anything written as HTML inert', async () => {
    const { host, founderToken } = await createCommunity('hb-render', { nameZh: '梧桐里' });
    const c = await chapter(host, 'volunteers');
    const body = [
      '## {{community.name}}的志愿者',
      '**每月**第一个周六，见[分摊](#aa-cost-sharing)。',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[点我](javascript:alert(1))',
    ].join('\n\n');
    expect((await save(host, 'volunteers', { title: c.title, body, summary: '渲染', baseRevision: c.revision }, founderToken)).status).toBe(
      200,
    );

    const { html } = await chapter(host, 'volunteers');
    expect(html).toContain('<h2>梧桐里的志愿者</h2>');
    expect(html).toContain('<strong>每月</strong>');
    expect(html).toContain('<a href="#aa-cost-sharing">分摊</a>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    // The chapter as written stays there for the editor.
    expect((await chapter(host, 'volunteers')).body).toBe(body);

    // A reader asks for view=read: the same rendered chapters, without the Markdown beside them.
    const forReading = bodyOf(
      await read(
        client(host).api.handbooks[':handbook'].$get({ param: { handbook: 'operating' }, query: { locale: 'zh-CN', view: 'read' } }),
      ),
      200,
    );
    const forEditing = bodyOf(await handbook(host, 'operating', undefined, 'zh-CN'), 200);
    expect(forReading.chapters.map((c) => c.key)).toEqual(forEditing.chapters.map((c) => c.key));
    expect(forReading.chapters.every((c) => !('body' in c))).toBe(true);
    expect(forReading.chapters.find((c) => c.key === 'volunteers')?.html).toBe(html);
    expect(forEditing.chapters.every((c) => typeof c.body === 'string')).toBe(true);
    expect(
      (await rawCall(host, '/api/handbooks/operating?locale=zh-CN&view=everything')).status,
      'an unknown view is refused, not guessed',
    ).toBe(400);
  });

  it('refuses a save made on top of an older revision (409) and loses nothing', async () => {
    const { host, founderToken } = await adminAndResident();
    const c = await chapter(host, 'volunteers');
    const body = (text: string) => ({ title: c.title, body: text, summary: text, baseRevision: c.revision });
    const first = await save(host, 'volunteers', body('甲的版本'), founderToken);
    expect(first.status).toBe(200);
    const second = await save(host, 'volunteers', body('乙的版本'), founderToken);
    expect(second.status).toBe(409);
    expect((await chapter(host, 'volunteers')).body).toBe('甲的版本');
  });

  it('keeps drafts private to administrators: residents and other communities never see them', async () => {
    const { host, founderToken, residentToken } = await adminAndResident();
    const other = await adminAndResident();
    const c = await chapter(host, 'program-salon');
    const draft = await save(
      host,
      'program-salon',
      { title: c.title, body: '秘密草稿：下月沙龙主题待定', summary: '草稿', publish: false, baseRevision: c.revision },
      founderToken,
    );
    expect(draft.status).toBe(200);
    const asAdmin = await chapter(host, 'program-salon', founderToken);
    expect(asAdmin.draft!.body).toBe('秘密草稿：下月沙龙主题待定');
    expect(asAdmin.body).toBe(c.body);
    const asResident = await handbook(host, 'operating', residentToken);
    expect(asResident.text).not.toContain('秘密草稿');
    const anonymous = await handbook(host, 'operating');
    expect(anonymous.text).not.toContain('秘密草稿');
    const history = await revisions(host, 'operating', 'program-salon', residentToken);
    expect(history.status).toBe(403);
    // The other community's administrator, signed in on this community's host, is nobody here.
    const otherAdminHere = await signIn('admin-of-other', host);
    const crossCommunity = await handbook(host, 'operating', otherAdminHere);
    expect(crossCommunity.text).not.toContain('秘密草稿');
    const otherSite = await handbook(other.host, 'operating', other.founderToken);
    expect(otherSite.text).not.toContain('秘密草稿');
  });

  it('renaming a program or a body flows into the text through its placeholder', async () => {
    const { host, founderToken } = await adminAndResident();
    const admin = client(host, founderToken).api;
    const rename = await read(
      admin.programs[':key'].$patch({ param: { key: 'library' }, json: { name: { zh: '邻里书房', en: 'Neighbours’ Reading Room' } } }),
    );
    expect(rename.status).toBe(200);
    const body = await read(
      admin.bodies[':key'].$patch({ param: { key: 'joint-meeting' }, json: { name: { zh: '四方圆桌会', en: 'Four-party round table' } } }),
    );
    expect(body.status).toBe(200);
    const operating = bodyOf(await handbook(host, 'operating'), 200);
    const library = operating.chapters.find((c) => c.key === 'program-library')!;
    expect(library.title).toBe('{{program.library}}');
    expect(operating.facts.programs.find((p) => p.key === 'library')!.name.zh).toBe('邻里书房');
    expect(operating.facts.bodies.find((b) => b.key === 'joint-meeting')!.name.zh).toBe('四方圆桌会');
  });

  it('lets administrators fill in missing facts, validating them', async () => {
    const { host, founderToken, residentToken } = await adminAndResident();
    const operating = { param: { handbook: 'operating' }, query: {} };
    const before = bodyOf(await read(client(host).api.handbooks[':handbook'].$get(operating)), 200);
    expect(before.facts.foundedOn).toBeNull();
    expect((await read(client(host, residentToken).api.community.$patch({ json: { foundedOn: '2021-05-01' } }))).status).toBe(403);
    const bad = await read(client(host, founderToken).api.community.$patch({ json: { foundedOn: 'yesterday', surplusRatePercent: 90 } }));
    expectStatus(bad, 400);
    expect(Object.keys(bad.json.error.details ?? {}).sort()).toEqual(['foundedOn', 'surplusRatePercent']);
    expect(
      (await read(client(host, founderToken).api.community.$patch({ json: { foundedOn: '2021-05-01', surplusRatePercent: 10 } }))).status,
    ).toBe(200);
    const after = bodyOf(await read(client(host).api.handbooks[':handbook'].$get(operating)), 200);
    expect(after.facts).toMatchObject({ foundedOn: '2021-05-01', surplusRatePercent: 10 });
  });

  it('keeps the canvas: four systems and nine modules with guiding questions, filled in by administrators', async () => {
    const { host, founderToken, residentToken } = await adminAndResident();
    const canvas = bodyOf(await read(client(host).api.canvas.$get()), 200);
    expect(canvas.systems.map((s) => s.key)).toEqual(['core-resources', 'people-served', 'key-businesses', 'funding-sources']);
    expect(canvas.modules).toHaveLength(9);
    expect(canvas.systems[0]!.questions.length).toBeGreaterThan(0);
    const fill = (key: string, content: string, token: string) =>
      read(client(host, token).api.canvas[':key'].$put({ param: { key }, json: { content } }));
    expect((await fill('core-resources', 'x', residentToken)).status).toBe(403);
    expect((await fill('core-resources', '网球场、会所、30 位核心志愿者', founderToken)).status).toBe(200);
    expect((await fill('no-such-part', 'x', founderToken)).status).toBe(404);
    const after = bodyOf(await read(client(host).api.canvas.$get()), 200);
    expect(after.systems[0]!.content).toBe('网球场、会所、30 位核心志愿者');
  });
});

describe('upgrading to a new template version', () => {
  it('offers v2 to a v1 community, updates untouched chapters, asks about edited ones, adds new ones, and records the version', async () => {
    const { host, founderToken, slug } = await adminAndResident('cuizhuyuan@1');
    // The community edits one chapter that v2 also changes, and one that v2 leaves alone.
    const process = await chapter(host, 'activity-process', founderToken);
    await save(
      host,
      'activity-process',
      {
        title: process.title,
        body: `${process.body}\n\n本社区约定：活动照片统一发到相册。`,
        summary: '加相册约定',
        baseRevision: process.revision,
      },
      founderToken,
    );
    const rules = await chapter(host, 'founding-a-club', founderToken);
    await save(
      host,
      'founding-a-club',
      { title: rules.title, body: `${rules.body}\n\n我们的补充。`, summary: '补充', baseRevision: rules.revision },
      founderToken,
    );

    const plan = await upgradePlan(host, founderToken);
    expectStatus(plan, 200);
    expect(plan.json.currentVersion).toBe(1);
    expect(plan.json.target!.version).toBe(2);
    const status = (key: string, locale = 'zh-CN') => plan.json.chapters.find((c) => c.key === key && c.locale === locale)?.status;
    expect(status('activity-process')).toBe('conflict');
    expect(status('building-contacts')).toBe('update');
    expect(status('form-safety-checklist')).toBe('added');
    expect(status('founding-a-club')).toBe('unchanged');
    expect(status('five-operating-rules')).toBe('update');
    const conflict = plan.json.chapters.find((c) => c.key === 'activity-process' && c.locale === 'zh-CN')!;
    expect(conflict.base!.body).toBe(process.body);
    expect(conflict.mine!.body).toContain('活动照片统一发到相册');
    expect(conflict.upstream!.body).toContain('安全与应急');

    // Without a choice for the conflict, nothing happens.
    const refused = await upgrade(host, founderToken, { version: 2, decisions: [] });
    expect(refused.status).toBe(400);
    expect(bodyOf(await upgradePlan(host, founderToken), 200).currentVersion).toBe(1);

    const residentTry = await upgrade(host, await signIn('someone', host), { version: 2, decisions: [] });
    expect(residentTry.status).toBe(403);

    const merged = `${conflict.upstream!.body}\n\n本社区约定：活动照片统一发到相册。`;
    const applied = await upgrade(host, founderToken, {
      version: 2,
      decisions: [
        {
          handbook: 'operating',
          key: 'activity-process',
          locale: 'zh-CN',
          choice: 'merged',
          revision: conflict.revision!,
          merged: { title: conflict.mine!.title, body: merged },
        },
      ],
    });
    expectStatus(applied, 200);
    expect(applied.json.version).toBe(2);

    const processAfter = await chapter(host, 'activity-process', founderToken);
    expect(processAfter.body).toBe(merged);
    const contacts = await chapter(host, 'building-contacts', founderToken);
    expect(contacts.body).toContain('新联络人的第一个月');
    expect(contacts.edited).toBe(false);
    const rulesAfter = await chapter(host, 'founding-a-club', founderToken);
    expect(rulesAfter.body).toContain('我们的补充。');
    expect((await chapter(host, 'five-operating-rules', founderToken)).body).toContain('待月度评议');
    const safety = await chapter(host, 'form-safety-checklist', founderToken, 'zh-CN', 'forms');
    expect(safety.title).toBe('活动安全检查表');
    const englishProcess = await chapter(host, 'activity-process', founderToken, 'en');
    expect(englishProcess.body).toContain('Safety and emergencies');

    const history = bodyOf(await revisions(host, 'operating', 'activity-process', founderToken), 200);
    expect(history.revisions[0]).toMatchObject({ kind: 'upgrade', templateVersion: 2 });
    const safetyHistory = bodyOf(await revisions(host, 'forms', 'form-safety-checklist', founderToken), 200);
    expect(safetyHistory.revisions.map((r) => r.kind)).toEqual(['template']);

    const after = await upgradePlan(host, founderToken);
    expect(after.json).toMatchObject({ currentVersion: 2, target: null });
    const platform = await env.PLATFORM_DB.prepare('SELECT template_version FROM communities WHERE slug = ?')
      .bind(slug)
      .first<{ template_version: number }>();
    expect(platform?.template_version).toBe(2);
    const audit = await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'template.upgraded'").first<{
      n: number;
    }>();
    expect(audit?.n).toBeGreaterThan(0);
  });

  it('keeps the community text when it chooses "keep mine", and refuses a decision made on a stale revision', async () => {
    const { host, founderToken } = await adminAndResident('cuizhuyuan@1');
    const process = await chapter(host, 'activity-process', founderToken);
    await save(
      host,
      'activity-process',
      { title: process.title, body: '我们完全重写了这一章。', summary: '重写', baseRevision: process.revision },
      founderToken,
    );
    const plan = bodyOf(await upgradePlan(host, founderToken), 200);
    const conflicts = plan.chapters.filter((c) => c.status === 'conflict');
    const keepMine = (revisionOffset: number): Upgrade => ({
      version: 2,
      decisions: conflicts.map((c) => ({
        handbook: 'operating',
        key: c.key,
        locale: c.locale,
        choice: 'keep-mine',
        revision: c.revision! + revisionOffset,
      })),
    });
    const stale = await upgrade(host, founderToken, keepMine(-1));
    expect(stale.status).toBe(409);
    const ok = await upgrade(host, founderToken, keepMine(0));
    expect(ok.status).toBe(200);
    const after = await chapter(host, 'activity-process', founderToken);
    expect(after.body).toBe('我们完全重写了这一章。');
    expect(after.edited).toBe(true);
  });
});
