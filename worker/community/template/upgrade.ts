import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { communityProfile, handbookChapters, handbookRevisions } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { TemplatePackage } from '../../templates/package-schema';
import type { Locale } from '../../templates/placeholders';
import { latestTemplate } from '../../templates/registry';
import type { Author } from '../handbooks/service';
import { type ChapterTexts, type ChapterUpgradeStatus, classifyChapter, resolveChapter, type UpgradeChoice } from './rules';

const LOCALES: [Locale, 'zh' | 'en'][] = [
  ['zh-CN', 'zh'],
  ['en', 'en'],
];

export interface PlannedChapter {
  handbook: string;
  key: string;
  locale: Locale;
  position: number;
  status: ChapterUpgradeStatus;
  revision: number | null;
  hasDraft: boolean;
  base: ChapterTexts | null;
  upstream: ChapterTexts | null;
  mine: ChapterTexts | null;
}

type ChapterRow = typeof handbookChapters.$inferSelect;

function planChapters(rows: ChapterRow[], target: TemplatePackage): PlannedChapter[] {
  const planned: PlannedChapter[] = [];
  for (const [locale, lang] of LOCALES) {
    const mineRows = rows.filter((r) => r.locale === locale);
    const handbookKeys = new Set([...target.handbooks.map((h) => h.key), ...mineRows.map((r) => r.handbook)]);
    for (const handbook of handbookKeys) {
      const upstreamChapters = target.handbooks.find((h) => h.key === handbook)?.chapters ?? [];
      const keys = new Set([...upstreamChapters.map((c) => c.key), ...mineRows.filter((r) => r.handbook === handbook).map((r) => r.key)]);
      for (const key of keys) {
        const row = mineRows.find((r) => r.handbook === handbook && r.key === key);
        const up = upstreamChapters.find((c) => c.key === key);
        const upstream = up ? { title: up.title[lang], body: up.body[lang] } : null;
        const mine = row ? { title: row.title, body: row.body } : null;
        const base = row ? { title: row.baseTitle, body: row.baseBody } : null;
        planned.push({
          handbook,
          key,
          locale,
          position: up?.position ?? row?.position ?? 999,
          status: classifyChapter(base, upstream, mine),
          revision: row?.revision ?? null,
          hasDraft: row?.draftBody != null,
          base,
          upstream,
          mine,
        });
      }
    }
  }
  return planned;
}

/** What moving to the newest template version would do, chapter by chapter. */
export async function upgradePlan(db: TenantDb, current: { key: string; version: number }) {
  const target = latestTemplate(current.key);
  if (!target || target.version <= current.version) return { currentVersion: current.version, target: null, chapters: [] };
  const rows = await db.select().from(handbookChapters);
  const chapters = planChapters(rows, target).map((c) =>
    // Unchanged chapters carry no texts; the page only counts them.
    c.status === 'unchanged' ? { ...c, base: null, upstream: null, mine: null } : c,
  );
  return {
    currentVersion: current.version,
    target: { id: target.id, version: target.version, name: target.name, summary: target.summary, changes: target.changes },
    chapters,
  };
}

export interface UpgradeDecision {
  handbook: string;
  key: string;
  locale: Locale;
  choice: UpgradeChoice;
  /** The chapter revision the choice was made on; a chapter edited since is refused. */
  revision: number;
  merged?: ChapterTexts;
}

/**
 * Moves the community to the target version in one batch. Untouched chapters take the new text;
 * a chapter the community edited changes only as it chose. Nothing it wrote is overwritten silently.
 */
export async function applyUpgrade(
  db: TenantDb,
  current: { key: string; version: number },
  targetVersion: number,
  decisions: UpgradeDecision[],
  author: Author,
) {
  const target = latestTemplate(current.key);
  if (!target || target.version !== targetVersion || targetVersion <= current.version) {
    throw new AppError('conflict', 'That template version is not available to upgrade to', {
      version: [`Available: ${target?.version ?? 'none'}`],
    });
  }
  const rows = await db.select().from(handbookChapters);
  const plan = planChapters(rows, target);
  const id = (c: { handbook: string; key: string; locale: string }) => `${c.handbook}/${c.key}/${c.locale}`;
  const byId = new Map(decisions.map((d) => [id(d), d]));

  const missing = plan.filter((c) => c.status === 'conflict' && !byId.has(id(c)));
  if (missing.length > 0) {
    throw new AppError('validation_failed', 'Choose what to do with every chapter you changed that the new version also changed', {
      decisions: missing.map((c) => `${id(c)} needs a choice`),
    });
  }
  for (const decision of decisions) {
    const chapter = plan.find((c) => id(c) === id(decision));
    if (!chapter)
      throw new AppError('validation_failed', 'Unknown chapter in decisions', { decisions: [`${id(decision)} is not in the plan`] });
    if (chapter.revision !== null && chapter.revision !== decision.revision) {
      throw new AppError('conflict', 'A chapter was edited after you reviewed the upgrade; review it again', {
        decisions: [`${id(decision)} changed`],
      });
    }
    if (decision.choice === 'merged' && !decision.merged) {
      throw new AppError('validation_failed', 'A merged choice needs the merged text', {
        decisions: [`${id(decision)} has no merged text`],
      });
    }
  }

  const statements: BatchItem<'sqlite'>[] = [];
  const now = new Date().toISOString();
  for (const chapter of plan) {
    const decision = byId.get(id(chapter));
    const next = resolveChapter(chapter.status, chapter.upstream, chapter.mine, decision?.choice, decision?.merged);
    const row = rows.find((r) => id(r) === id(chapter));
    const upstream = chapter.upstream;
    if (!row) {
      if (!upstream) continue;
      // A chapter new in this version.
      statements.push(
        db.insert(handbookChapters).values({
          handbook: chapter.handbook,
          key: chapter.key,
          locale: chapter.locale,
          position: chapter.position,
          title: upstream.title,
          body: upstream.body,
          baseVersion: target.version,
          baseTitle: upstream.title,
          baseBody: upstream.body,
          edited: false,
          revision: 1,
        }),
        // Its first revision, in the same transaction.
        db.insert(handbookRevisions).select(
          db
            .select({
              // insert…select takes every column in table order; NULL lets SQLite number the row.
              id: sql<number>`NULL`.as('id'),
              chapterId: handbookChapters.id,
              number: sql<number>`1`.as('number'),
              title: handbookChapters.title,
              body: handbookChapters.body,
              summary: sql<string>`${`${target.name.zh} v${target.version}`}`.as('summary'),
              kind: sql<'template'>`'template'`.as('kind'),
              published: sql<boolean>`1`.as('published'),
              templateVersion: sql<number>`${target.version}`.as('template_version'),
              authorUserId: sql<null>`NULL`.as('author_user_id'),
              authorName: sql<null>`NULL`.as('author_name'),
              createdAt: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ','now')`.as('created_at'),
            })
            .from(handbookChapters)
            .where(
              and(
                eq(handbookChapters.handbook, chapter.handbook),
                eq(handbookChapters.key, chapter.key),
                eq(handbookChapters.locale, chapter.locale),
              ),
            ),
        ),
      );
      continue;
    }
    if (!upstream) continue; // removed upstream: the community's chapter stays as it is
    const text = next ?? { title: row.title, body: row.body };
    const edited = text.title !== upstream.title || text.body !== upstream.body;
    const changesText = next !== null && (next.title !== row.title || next.body !== row.body);
    statements.push(
      db
        .update(handbookChapters)
        .set({
          title: text.title,
          body: text.body,
          position: chapter.position,
          baseVersion: target.version,
          baseTitle: upstream.title,
          baseBody: upstream.body,
          edited,
          revision: changesText ? row.revision + 1 : row.revision,
          ...(changesText ? { updatedAt: now, updatedBy: author.userId } : {}),
        })
        .where(and(eq(handbookChapters.id, row.id), eq(handbookChapters.revision, row.revision))),
    );
    if (changesText) {
      statements.push(
        db.insert(handbookRevisions).values({
          chapterId: row.id,
          number: row.revision + 1,
          title: text.title,
          body: text.body,
          summary: `${target.name.zh} v${target.version}`,
          kind: 'upgrade',
          published: true,
          templateVersion: target.version,
          authorUserId: author.userId,
          authorName: author.name,
        }),
      );
    }
  }
  statements.push(db.update(communityProfile).set({ templateVersion: target.version }).where(eq(communityProfile.id, 1)));
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return { version: target.version, applied: plan.filter((c) => c.status !== 'unchanged').length };
}
