import { describe, expect, it } from 'vitest';
import { templatePackageSchema } from '../../worker/templates/package-schema';
import { templatePackagesJson } from '../../worker/templates/packages.generated';
import { knownPlaceholders, placeholdersIn } from '../../worker/templates/placeholders';
import { findTemplate, latestTemplate, templatePackages } from '../../worker/templates/registry';

const raw = JSON.parse(templatePackagesJson) as unknown[];
const han = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

describe('the template packages', () => {
  it('all validate against the package schema', () => {
    expect(raw.length).toBeGreaterThanOrEqual(2);
    for (const pkg of raw) {
      const result = templatePackageSchema.safeParse(pkg);
      expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
    }
  });

  it('the schema rejects a package with a chapter missing its English text', () => {
    const broken = structuredClone(raw[0]) as { handbooks: { chapters: { body: { en?: string } }[] }[] };
    delete broken.handbooks[0]!.chapters[0]!.body.en;
    expect(templatePackageSchema.safeParse(broken).success).toBe(false);
  });

  it('version 1 holds both handbooks, the nine programs, the four-level structure, the canvas and the forms', () => {
    const v1 = findTemplate('cuizhuyuan@1')!;
    expect(v1.programs.map((p) => p.key)).toEqual([
      'library',
      'charity-shop',
      'university',
      'kids-troupe',
      'little-architects',
      'sports',
      'salon',
      'community-helps-community',
      'elder-care',
    ]);
    for (const program of v1.programs) {
      expect(program.roles.length).toBeGreaterThan(0);
      expect(program.howToRun.length).toBeGreaterThan(0);
      expect(program.measures.length).toBeGreaterThan(0);
    }
    expect(v1.model.bodies.map((b) => b.key)).toEqual(['joint-meeting', 'professional-committees', 'building-groups', 'federation']);
    expect(v1.model.bodies[0]).toMatchObject({ decisionRule: 'unanimity', cadence: 'monthly' });
    expect(v1.model.contactsPerBuilding).toBe(2);
    expect(v1.canvas.systems.map((s) => s.key)).toEqual(['core-resources', 'people-served', 'key-businesses', 'funding-sources']);
    expect(v1.canvas.modules.map((m) => m.program)).toEqual(v1.programs.map((p) => p.key));
    const operating = v1.handbooks.find((h) => h.key === 'operating')!;
    const building = v1.handbooks.find((h) => h.key === 'building')!;
    const forms = v1.handbooks.find((h) => h.key === 'forms')!;
    expect(operating.chapters.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'who-we-are',
        'five-operating-rules',
        'founding-a-club',
        'activity-process',
        'aa-cost-sharing',
        'publishing-accounts',
        ...v1.programs.map((p) => `program-${p.key}`),
        'volunteers',
        'four-parties-and-joint-meeting',
        'professional-committees',
        'building-contacts',
        'federation-and-shared-space',
      ]),
    );
    expect(building.chapters.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'when-the-model-fits',
        'the-canvas',
        'stages-of-growth',
        'community-leaders',
        'working-with-the-parties',
        'case-tennis-club',
        'case-route-33-bus-council',
        'case-partner-village-pact',
        'measuring-progress',
      ]),
    );
    expect(forms.chapters.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'form-activity-proposal',
        'form-budget-sheet',
        'form-sign-in-sheet',
        'form-settlement-statement',
        'form-meeting-agenda',
        'form-meeting-minutes',
        'form-issue-form',
        'form-building-contact-duty-card',
      ]),
    );
  });

  it('every handbook chapter is substantive in Chinese and present in English', () => {
    for (const pkg of templatePackages().values()) {
      for (const handbook of pkg.handbooks) {
        for (const chapter of handbook.chapters) {
          const minimum = handbook.key === 'forms' ? 150 : 400;
          expect(han(chapter.body.zh), `${pkg.id} ${chapter.key}`).toBeGreaterThanOrEqual(minimum);
          expect(chapter.body.en.split(/\s+/).length, `${pkg.id} ${chapter.key} (en)`).toBeGreaterThan(minimum / 4);
        }
      }
    }
  });

  it('uses only known placeholders, the same ones in both languages', () => {
    for (const pkg of templatePackages().values()) {
      for (const handbook of pkg.handbooks) {
        for (const chapter of handbook.chapters) {
          const zh = [...placeholdersIn(chapter.title.zh), ...placeholdersIn(chapter.body.zh)];
          const en = [...placeholdersIn(chapter.title.en), ...placeholdersIn(chapter.body.en)];
          for (const name of [...zh, ...en]) expect(knownPlaceholders.has(name), `${chapter.key}: {{${name}}}`).toBe(true);
          expect(new Set(en), chapter.key).toEqual(new Set(zh));
        }
      }
    }
  });

  it('links between chapters point at chapters that exist, and the text holds no raw HTML', () => {
    for (const pkg of templatePackages().values()) {
      const keys = new Set(pkg.handbooks.flatMap((h) => h.chapters.map((c) => c.key)));
      for (const handbook of pkg.handbooks) {
        for (const chapter of handbook.chapters) {
          for (const text of [chapter.body.zh, chapter.body.en]) {
            for (const [, anchor] of text.matchAll(/\]\(#([a-z0-9-]+)\)/g))
              expect(keys.has(anchor as string), `${pkg.id} ${chapter.key} → #${anchor}`).toBe(true);
            expect(/<\/?[a-z][^>]*>/i.test(text), `${chapter.key} has HTML`).toBe(false);
          }
        }
      }
    }
  });

  it('version 2 extends version 1, changing only what its changelog says', () => {
    const v1 = findTemplate('cuizhuyuan@1')!;
    const v2 = latestTemplate('cuizhuyuan')!;
    expect(v2.version).toBe(2);
    expect(v2.extends).toBe('cuizhuyuan@1');
    expect(v2.changes.length).toBeGreaterThan(0);
    const changed: string[] = [];
    for (const hb of v2.handbooks) {
      for (const chapter of hb.chapters) {
        const before = v1.handbooks.find((h) => h.key === hb.key)?.chapters.find((c) => c.key === chapter.key);
        if (!before || before.body.zh !== chapter.body.zh || before.body.en !== chapter.body.en) changed.push(chapter.key);
      }
    }
    expect(changed.sort()).toEqual(['activity-process', 'building-contacts', 'five-operating-rules', 'form-safety-checklist']);
    expect(v2.programs).toEqual(v1.programs);
  });
});
