import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../db/client';
import {
  bodies,
  bodyParties,
  buildings,
  canvasEntries,
  communityProfile,
  memberRoles,
  members,
  parties,
  programs,
} from '../db/tenant-schema';
import type { StoredSetup } from '../platform/community-setup';
import type { TemplatePackage } from './package-schema';

export interface InstantiateArgs {
  communityId: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  setup: StoredSetup;
  founderUserId: string;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The template's rows that are the same in every community built from it: the programs, the coordination structure
 * and the canvas. A database can hold them before anyone signs up (worker/tenancy/warm-pool.ts); the parties' own
 * organisations are named per community by `communitySeedStatements`.
 */
export function templateBaseStatements(db: TenantDb, template: TemplatePackage): BatchItem<'sqlite'>[] {
  const { model } = template;
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(programs).values(
      template.programs.map((p, i) => ({
        key: p.key,
        position: i + 1,
        nameZh: p.name.zh,
        nameEn: p.name.en,
        descriptionZh: p.summary.zh,
        descriptionEn: p.summary.en,
        enabled: true,
      })),
    ),
    db.insert(parties).values(
      model.parties.map((p, i) => ({
        key: p.key,
        position: i + 1,
        titleZh: p.title.zh,
        titleEn: p.title.en,
        organisationName: null,
        remitZh: p.remit.zh,
        remitEn: p.remit.en,
      })),
    ),
    db.insert(bodies).values(
      model.bodies.map((b) => ({
        key: b.key,
        level: b.level,
        nameZh: b.name.zh,
        nameEn: b.name.en,
        descriptionZh: b.description.zh,
        descriptionEn: b.description.en,
        decisionRule: b.decisionRule,
        cadence: b.cadence,
      })),
    ),
  ];
  const memberships = model.bodies.flatMap((b) => b.parties.map((partyKey) => ({ bodyKey: b.key, partyKey })));
  if (memberships.length > 0) statements.push(db.insert(bodyParties).values(memberships));
  const canvas = [
    ...template.canvas.systems.map((s, i) => ({ key: s.key, section: 'system' as const, position: i + 1 })),
    ...template.programs.map((p, i) => ({ key: `module:${p.key}`, section: 'module' as const, position: i + 1 })),
  ];
  statements.push(db.insert(canvasEntries).values(canvas));
  return statements;
}

/**
 * The rows that make a database one community's: its parties' organisations, buildings, founder and profile. They
 * follow `templateBaseStatements` (in the same batch, or in a database prepared earlier), the profile row last, so
 * "profile exists" means "fully seeded".
 */
export function communitySeedStatements(db: TenantDb, template: TemplatePackage, args: InstantiateArgs): BatchItem<'sqlite'>[] {
  const { setup } = args;
  const partyNames: Record<string, string | null> = {
    'residents-committee': setup.parties.residentsCommittee,
    'owners-committee': setup.parties.ownersCommittee,
    'property-company': setup.parties.propertyCompany,
    association: `${args.nameZh}社区互助会`,
  };
  const statements: BatchItem<'sqlite'>[] = template.model.parties
    .filter((p) => partyNames[p.key])
    .map((p) => db.update(parties).set({ organisationName: partyNames[p.key] }).where(eq(parties.key, p.key)));
  // D1 allows 100 bound parameters per statement.
  chunk(setup.buildings, 25).forEach((group, chunkIndex) => {
    statements.push(
      db
        .insert(buildings)
        .values(
          group.map((name, i) => ({ name, position: chunkIndex * 25 + i + 1, contactsRequired: template.model.contactsPerBuilding })),
        ),
    );
  });
  // The database is empty of people here, so the founder is member 1.
  statements.push(db.insert(members).values({ id: 1, userId: args.founderUserId, displayName: setup.founderName }));
  statements.push(db.insert(memberRoles).values({ memberId: 1, role: 'association-admin', partyKey: '', grantedBy: 'founder' }));
  statements.push(
    db.insert(communityProfile).values({
      id: 1,
      communityId: args.communityId,
      slug: args.slug,
      nameZh: args.nameZh,
      nameEn: args.nameEn,
      city: setup.city,
      district: setup.district,
      households: setup.households,
      templateKey: template.key,
      templateVersion: template.version,
      surplusRatePercent: template.model.defaultSurplusRatePercent,
    }),
  );
  return statements;
}

/**
 * Empties the rows `templateBaseStatements` and `handbookSeedBatches` wrote, children first, in a database that holds
 * nothing else (a free one prepared for another template), so that another template can be written into it.
 */
export function templateResetStatements(d1: D1Database): D1PreparedStatement[] {
  return ['handbook_revisions', 'handbook_chapters', 'canvas_entries', 'body_parties', 'bodies', 'parties', 'programs'].map((table) =>
    d1.prepare(`DELETE FROM ${table}`),
  );
}

const LOCALES = [
  ['zh-CN', 'zh'],
  ['en', 'en'],
] as const;

/**
 * Batches that write the template's handbooks, each chapter in both languages with its first revision.
 * Every statement is INSERT OR IGNORE, so running them again after an interruption adds nothing twice.
 */
export function handbookSeedBatches(d1: D1Database, template: TemplatePackage): D1PreparedStatement[][] {
  const insertChapter = d1.prepare(
    `INSERT OR IGNORE INTO handbook_chapters (handbook, key, locale, position, title, body, base_version, base_title, base_body, edited, revision)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5, ?6, 0, 1)`,
  );
  const insertRevision = d1.prepare(
    `INSERT OR IGNORE INTO handbook_revisions (chapter_id, number, title, body, summary, kind, published, template_version)
     SELECT id, 1, title, body, ?4, 'template', 1, ?5 FROM handbook_chapters WHERE handbook = ?1 AND key = ?2 AND locale = ?3`,
  );
  const statements = template.handbooks.flatMap((handbook) =>
    handbook.chapters.flatMap((chapter) =>
      LOCALES.flatMap(([locale, lang]) => [
        insertChapter.bind(handbook.key, chapter.key, locale, chapter.position, chapter.title[lang], chapter.body[lang], template.version),
        insertRevision.bind(handbook.key, chapter.key, locale, `${template.name[lang]} v${template.version}`, template.version),
      ]),
    ),
  );
  return chunk(statements, 60);
}
