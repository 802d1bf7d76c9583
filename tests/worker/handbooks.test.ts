import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createCommunity, signIn } from './helpers';

async function adminAndResident(template?: string) {
  const community = await createCommunity(`admin-${crypto.randomUUID().slice(0, 8)}`, template ? { template } : {});
  const residentToken = await signIn(`resident-${crypto.randomUUID().slice(0, 8)}`, community.host);
  await call(community.host, '/api/members/me', { body: { displayName: '居民' }, token: residentToken });
  return { ...community, residentToken };
}

const chapterUrl = (key: string, locale = 'zh-CN') => `/api/handbooks/operating/chapters/${key}?locale=${locale}`;

async function chapter(host: string, key: string, token?: string, locale = 'zh-CN', handbook = 'operating') {
  const res = await call(host, `/api/handbooks/${handbook}?locale=${locale}`, { token });
  return res.json.chapters.find((c: { key: string }) => c.key === key);
}

describe('handbooks in a new community', () => {
  it('are written for the community at sign-up: both handbooks and the forms, in Chinese and English, with its facts', async () => {
    const { host } = await createCommunity('hb-founder', { nameZh: '梧桐里', parties: { residentsCommittee: '梧桐社区居委会' } });
    const list = await call(host, '/api/handbooks?locale=zh-CN');
    expect(list.status).toBe(200);
    expect(list.json.handbooks.map((h: { key: string; title: string }) => [h.key, h.title])).toEqual([
      ['operating', '社区互助会操作手册'],
      ['building', '社区互助参与营造手册'],
      ['forms', '常用表单'],
    ]);
    expect(list.json.handbooks[0].chapters.length).toBe(20);
    const operating = await call(host, '/api/handbooks/operating?locale=zh-CN');
    expect(operating.json.facts.name.zh).toBe('梧桐里');
    expect(operating.json.facts.parties['residents-committee']).toBe('梧桐社区居委会');
    const english = await call(host, '/api/handbooks/building?locale=en');
    expect(english.json.title).toBe('Community-Building Handbook');
    expect(english.json.chapters[0].body).toMatch(/[a-z]{4,}/);
    const rows = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?')
      .bind(host.split('.')[0])
      .first<{ database_binding: string }>();
    expect(rows?.database_binding).toMatch(/^TENANT_DB_/);
  });

  it('can be read by anyone on the community site, but only administrators edit', async () => {
    const { host, residentToken } = await adminAndResident();
    expect((await call(host, '/api/handbooks/forms')).status).toBe(200);
    const c = await chapter(host, 'who-we-are');
    const denied = await call(host, chapterUrl('who-we-are'), {
      method: 'PUT',
      body: { title: '改', body: '改', summary: '改', baseRevision: c.revision },
      token: residentToken,
    });
    expect(denied.status).toBe(403);
    const anonymous = await call(host, chapterUrl('who-we-are'), {
      method: 'PUT',
      body: { title: '改', body: '改', summary: '改', baseRevision: 1 },
    });
    expect(anonymous.status).toBe(401);
    expect((await chapter(host, 'who-we-are')).body).toBe(c.body);
  });

  it('keeps every save as a revision, shows any revision, and restores one without rewriting history', async () => {
    const { host, founderToken } = await adminAndResident();
    const original = await chapter(host, 'volunteers');
    const save = await call(host, chapterUrl('volunteers'), {
      method: 'PUT',
      body: {
        title: original.title,
        body: `${original.body}\n\n## 本社区补充\n\n每月第一个周六是志愿者日。`,
        summary: '补充志愿者日',
        baseRevision: original.revision,
      },
      token: founderToken,
    });
    expect(save.status).toBe(200);
    expect(save.json).toEqual({ revision: original.revision + 1, edited: true });
    const after = await chapter(host, 'volunteers');
    expect(after.body).toContain('每月第一个周六是志愿者日');

    const history = await call(host, '/api/handbooks/operating/chapters/volunteers/revisions?locale=zh-CN', { token: founderToken });
    expect(history.json.revisions.map((r: { number: number; kind: string }) => [r.number, r.kind])).toEqual([
      [2, 'edit'],
      [1, 'template'],
    ]);
    expect(history.json.revisions[0]).toMatchObject({ summary: '补充志愿者日', authorName: expect.any(String) });
    const first = await call(host, '/api/handbooks/operating/chapters/volunteers/revisions/1?locale=zh-CN', { token: founderToken });
    expect(first.json.body).toBe(original.body);

    const restored = await call(host, '/api/handbooks/operating/chapters/volunteers/revisions/1/restore?locale=zh-CN', {
      body: { baseRevision: 2 },
      token: founderToken,
    });
    expect(restored.json).toEqual({ revision: 3, edited: false });
    expect((await chapter(host, 'volunteers')).body).toBe(original.body);
    const after3 = await call(host, '/api/handbooks/operating/chapters/volunteers/revisions?locale=zh-CN', { token: founderToken });
    expect(after3.json.revisions.map((r: { kind: string }) => r.kind)).toEqual(['restore', 'edit', 'template']);
  });

  it('refuses a save made on top of an older revision (409) and loses nothing', async () => {
    const { host, founderToken } = await adminAndResident();
    const c = await chapter(host, 'volunteers');
    const body = (text: string) => ({ title: c.title, body: text, summary: text, baseRevision: c.revision });
    const first = await call(host, chapterUrl('volunteers'), { method: 'PUT', body: body('甲的版本'), token: founderToken });
    expect(first.status).toBe(200);
    const second = await call(host, chapterUrl('volunteers'), { method: 'PUT', body: body('乙的版本'), token: founderToken });
    expect(second.status).toBe(409);
    expect((await chapter(host, 'volunteers')).body).toBe('甲的版本');
  });

  it('keeps drafts private to administrators: residents and other communities never see them', async () => {
    const { host, founderToken, residentToken } = await adminAndResident();
    const other = await adminAndResident();
    const c = await chapter(host, 'program-salon');
    const draft = await call(host, chapterUrl('program-salon'), {
      method: 'PUT',
      body: { title: c.title, body: '秘密草稿：下月沙龙主题待定', summary: '草稿', publish: false, baseRevision: c.revision },
      token: founderToken,
    });
    expect(draft.status).toBe(200);
    const asAdmin = await chapter(host, 'program-salon', founderToken);
    expect(asAdmin.draft.body).toBe('秘密草稿：下月沙龙主题待定');
    expect(asAdmin.body).toBe(c.body);
    const asResident = await call(host, '/api/handbooks/operating?locale=zh-CN', { token: residentToken });
    expect(asResident.text).not.toContain('秘密草稿');
    const anonymous = await call(host, '/api/handbooks/operating?locale=zh-CN');
    expect(anonymous.text).not.toContain('秘密草稿');
    const revisions = await call(host, '/api/handbooks/operating/chapters/program-salon/revisions?locale=zh-CN', { token: residentToken });
    expect(revisions.status).toBe(403);
    // The other community's administrator, signed in on this community's host, is nobody here.
    const otherAdminHere = await signIn('admin-of-other', host);
    const crossCommunity = await call(host, '/api/handbooks/operating?locale=zh-CN', { token: otherAdminHere });
    expect(crossCommunity.text).not.toContain('秘密草稿');
    const otherSite = await call(other.host, '/api/handbooks/operating?locale=zh-CN', { token: other.founderToken });
    expect(otherSite.text).not.toContain('秘密草稿');
  });

  it('renaming a program or a body flows into the text through its placeholder', async () => {
    const { host, founderToken } = await adminAndResident();
    const rename = await call(host, '/api/programs/library', {
      method: 'PATCH',
      body: { name: { zh: '邻里书房', en: 'Neighbours’ Reading Room' } },
      token: founderToken,
    });
    expect(rename.status).toBe(200);
    const body = await call(host, '/api/bodies/joint-meeting', {
      method: 'PATCH',
      body: { name: { zh: '四方圆桌会', en: 'Four-party round table' } },
      token: founderToken,
    });
    expect(body.status).toBe(200);
    const handbook = await call(host, '/api/handbooks/operating?locale=zh-CN');
    const library = handbook.json.chapters.find((c: { key: string }) => c.key === 'program-library');
    expect(library.title).toBe('{{program.library}}');
    expect(handbook.json.facts.programs.find((p: { key: string }) => p.key === 'library').name.zh).toBe('邻里书房');
    expect(handbook.json.facts.bodies.find((b: { key: string }) => b.key === 'joint-meeting').name.zh).toBe('四方圆桌会');
  });

  it('lets administrators fill in missing facts, validating them', async () => {
    const { host, founderToken, residentToken } = await adminAndResident();
    const before = await call(host, '/api/handbooks/operating');
    expect(before.json.facts.foundedOn).toBeNull();
    expect((await call(host, '/api/community', { method: 'PATCH', body: { foundedOn: '2021-05-01' }, token: residentToken })).status).toBe(
      403,
    );
    const bad = await call(host, '/api/community', {
      method: 'PATCH',
      body: { foundedOn: 'yesterday', surplusRatePercent: 90 },
      token: founderToken,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.details).sort()).toEqual(['foundedOn', 'surplusRatePercent']);
    expect(
      (
        await call(host, '/api/community', {
          method: 'PATCH',
          body: { foundedOn: '2021-05-01', surplusRatePercent: 10 },
          token: founderToken,
        })
      ).status,
    ).toBe(200);
    const after = await call(host, '/api/handbooks/operating');
    expect(after.json.facts).toMatchObject({ foundedOn: '2021-05-01', surplusRatePercent: 10 });
  });

  it('keeps the canvas: four systems and nine modules with guiding questions, filled in by administrators', async () => {
    const { host, founderToken, residentToken } = await adminAndResident();
    const canvas = await call(host, '/api/canvas');
    expect(canvas.json.systems.map((s: { key: string }) => s.key)).toEqual([
      'core-resources',
      'people-served',
      'key-businesses',
      'funding-sources',
    ]);
    expect(canvas.json.modules).toHaveLength(9);
    expect(canvas.json.systems[0].questions.length).toBeGreaterThan(0);
    expect((await call(host, '/api/canvas/core-resources', { method: 'PUT', body: { content: 'x' }, token: residentToken })).status).toBe(
      403,
    );
    expect(
      (
        await call(host, '/api/canvas/core-resources', {
          method: 'PUT',
          body: { content: '网球场、会所、30 位核心志愿者' },
          token: founderToken,
        })
      ).status,
    ).toBe(200);
    expect((await call(host, '/api/canvas/no-such-part', { method: 'PUT', body: { content: 'x' }, token: founderToken })).status).toBe(404);
    const after = await call(host, '/api/canvas');
    expect(after.json.systems[0].content).toBe('网球场、会所、30 位核心志愿者');
    const checklist = await call(host, '/api/admin/checklist', { token: founderToken });
    expect(checklist.json.items.find((i: { key: string }) => i.key === 'fill-canvas').progress.current).toBe(1);
  });
});

describe('upgrading to a new template version', () => {
  it('offers v2 to a v1 community, updates untouched chapters, asks about edited ones, adds new ones, and records the version', async () => {
    const { host, founderToken, slug } = await adminAndResident('cuizhuyuan@1');
    // The community edits one chapter that v2 also changes, and one that v2 leaves alone.
    const process = await chapter(host, 'activity-process', founderToken);
    await call(host, chapterUrl('activity-process'), {
      method: 'PUT',
      body: {
        title: process.title,
        body: `${process.body}\n\n本社区约定：活动照片统一发到相册。`,
        summary: '加相册约定',
        baseRevision: process.revision,
      },
      token: founderToken,
    });
    const rules = await chapter(host, 'five-operating-rules', founderToken);
    await call(host, chapterUrl('five-operating-rules'), {
      method: 'PUT',
      body: { title: rules.title, body: `${rules.body}\n\n我们的补充。`, summary: '补充', baseRevision: rules.revision },
      token: founderToken,
    });

    const plan = await call(host, '/api/template/upgrade', { token: founderToken });
    expect(plan.status).toBe(200);
    expect(plan.json.currentVersion).toBe(1);
    expect(plan.json.target.version).toBe(2);
    const status = (key: string, locale = 'zh-CN') =>
      plan.json.chapters.find((c: { key: string; locale: string }) => c.key === key && c.locale === locale)?.status;
    expect(status('activity-process')).toBe('conflict');
    expect(status('building-contacts')).toBe('update');
    expect(status('form-safety-checklist')).toBe('added');
    expect(status('five-operating-rules')).toBe('unchanged');
    const conflict = plan.json.chapters.find((c: { key: string; locale: string }) => c.key === 'activity-process' && c.locale === 'zh-CN');
    expect(conflict.base.body).toBe(process.body);
    expect(conflict.mine.body).toContain('活动照片统一发到相册');
    expect(conflict.upstream.body).toContain('安全与应急');

    // Without a choice for the conflict, nothing happens.
    const refused = await call(host, '/api/template/upgrade', { body: { version: 2, decisions: [] }, token: founderToken });
    expect(refused.status).toBe(400);
    expect((await call(host, '/api/template/upgrade', { token: founderToken })).json.currentVersion).toBe(1);

    const residentTry = await call(host, '/api/template/upgrade', {
      body: { version: 2, decisions: [] },
      token: await signIn('someone', host),
    });
    expect(residentTry.status).toBe(403);

    const merged = `${conflict.upstream.body}\n\n本社区约定：活动照片统一发到相册。`;
    const applied = await call(host, '/api/template/upgrade', {
      body: {
        version: 2,
        decisions: [
          {
            handbook: 'operating',
            key: 'activity-process',
            locale: 'zh-CN',
            choice: 'merged',
            revision: conflict.revision,
            merged: { title: conflict.mine.title, body: merged },
          },
        ],
      },
      token: founderToken,
    });
    expect(applied.status).toBe(200);
    expect(applied.json.version).toBe(2);

    const processAfter = await chapter(host, 'activity-process', founderToken);
    expect(processAfter.body).toBe(merged);
    const contacts = await chapter(host, 'building-contacts', founderToken);
    expect(contacts.body).toContain('新联络人的第一个月');
    expect(contacts.edited).toBe(false);
    const rulesAfter = await chapter(host, 'five-operating-rules', founderToken);
    expect(rulesAfter.body).toContain('我们的补充。');
    const safety = await chapter(host, 'form-safety-checklist', founderToken, 'zh-CN', 'forms');
    expect(safety.title).toBe('活动安全检查表');
    const englishProcess = await chapter(host, 'activity-process', founderToken, 'en');
    expect(englishProcess.body).toContain('Safety and emergencies');

    const history = await call(host, '/api/handbooks/operating/chapters/activity-process/revisions?locale=zh-CN', { token: founderToken });
    expect(history.json.revisions[0]).toMatchObject({ kind: 'upgrade', templateVersion: 2 });
    const safetyHistory = await call(host, '/api/handbooks/forms/chapters/form-safety-checklist/revisions?locale=zh-CN', {
      token: founderToken,
    });
    expect(safetyHistory.json.revisions.map((r: { kind: string }) => r.kind)).toEqual(['template']);

    const after = await call(host, '/api/template/upgrade', { token: founderToken });
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
    await call(host, chapterUrl('activity-process'), {
      method: 'PUT',
      body: { title: process.title, body: '我们完全重写了这一章。', summary: '重写', baseRevision: process.revision },
      token: founderToken,
    });
    const plan = await call(host, '/api/template/upgrade', { token: founderToken });
    const conflicts = plan.json.chapters.filter((c: { status: string }) => c.status === 'conflict');
    const stale = await call(host, '/api/template/upgrade', {
      body: {
        version: 2,
        decisions: conflicts.map((c: { key: string; locale: string; revision: number }) => ({
          handbook: 'operating',
          key: c.key,
          locale: c.locale,
          choice: 'keep-mine',
          revision: c.revision - 1,
        })),
      },
      token: founderToken,
    });
    expect(stale.status).toBe(409);
    const ok = await call(host, '/api/template/upgrade', {
      body: {
        version: 2,
        decisions: conflicts.map((c: { key: string; locale: string; revision: number }) => ({
          handbook: 'operating',
          key: c.key,
          locale: c.locale,
          choice: 'keep-mine',
          revision: c.revision,
        })),
      },
      token: founderToken,
    });
    expect(ok.status).toBe(200);
    const after = await chapter(host, 'activity-process', founderToken);
    expect(after.body).toBe('我们完全重写了这一章。');
    expect(after.edited).toBe(true);
  });
});
