import { asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { communityFacts } from '../handbooks/facts';
import { communityTemplate } from '../handbooks/service';
import { programs } from '../programs/schema';
import { canvasEntries } from './schema';

/** The canvas as the template asks it, with what the community has written: four systems and a module per program. */
export async function readCanvas(db: TenantDb) {
  const facts = await communityFacts(db);
  const template = communityTemplate(facts.templateKey, facts.templateVersion);
  const [rows, programRows] = await db.batch([
    db.select().from(canvasEntries).orderBy(asc(canvasEntries.position)),
    db.select({ key: programs.key, nameZh: programs.nameZh, nameEn: programs.nameEn }).from(programs).orderBy(asc(programs.position)),
  ]);
  const content = (key: string) => rows.find((r) => r.key === key);
  return {
    systems: template.canvas.systems.map((s) => ({
      key: s.key,
      title: s.title,
      questions: s.questions,
      content: content(s.key)?.content ?? '',
      updatedAt: content(s.key)?.updatedAt ?? null,
    })),
    modules: programRows.map((p) => {
      const key = `module:${p.key}`;
      return {
        key,
        title: { zh: p.nameZh, en: p.nameEn },
        questions: template.canvas.modules.find((m) => m.program === p.key)?.questions ?? [],
        content: content(key)?.content ?? '',
        updatedAt: content(key)?.updatedAt ?? null,
      };
    }),
  };
}

export async function writeCanvasEntry(db: TenantDb, key: string, content: string) {
  const updated = await db
    .update(canvasEntries)
    .set({ content, updatedAt: new Date().toISOString() })
    .where(eq(canvasEntries.key, key))
    .returning({ key: canvasEntries.key });
  if (updated.length === 0) throw new AppError('not_found', 'No such part of the canvas');
}
