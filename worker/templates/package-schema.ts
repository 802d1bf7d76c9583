import { z } from 'zod';

/** A text in both languages. */
export const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const partyKey = z.enum(['residents-committee', 'owners-committee', 'property-company', 'association']);
const bodyKey = z.enum(['joint-meeting', 'professional-committees', 'building-groups', 'federation']);

export const programSchema = z.object({
  key: z.string().regex(/^[a-z][a-z-]*$/),
  name: bilingual,
  summary: bilingual,
  purpose: bilingual,
  roles: z.array(bilingual).min(1),
  howToRun: z.array(bilingual).min(1),
  measures: z.array(bilingual).min(1),
});

export const chapterSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  position: z.number().int().positive(),
  title: bilingual,
  body: bilingual,
});

export const handbookSchema = z.object({
  key: z.string().regex(/^[a-z][a-z-]*$/),
  title: bilingual,
  chapters: z.array(chapterSchema).min(1),
});

/** A versioned package of the model, as bundled from worker/templates/packages/<key>@<version>/. */
export const templatePackageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*@\d+$/),
  key: z.string(),
  version: z.number().int().positive(),
  extends: z.string().nullable(),
  name: bilingual,
  summary: bilingual,
  /** What changed since the version it extends, for the upgrade page. */
  changes: z.array(bilingual),
  model: z.object({
    contactsPerBuilding: z.number().int().min(1),
    defaultSurplusRatePercent: z.number().int().min(0).max(100),
    parties: z.array(z.object({ key: partyKey, title: bilingual, remit: bilingual })).length(4),
    bodies: z
      .array(
        z.object({
          key: bodyKey,
          level: z.number().int().min(1).max(4),
          name: bilingual,
          description: bilingual,
          decisionRule: z.enum(['unanimity', 'majority']).nullable(),
          cadence: z.enum(['monthly']).nullable(),
          parties: z.array(partyKey),
          rules: z.array(bilingual).optional(),
          kinds: z.array(z.object({ key: z.string(), name: bilingual })).optional(),
          duties: z.array(bilingual).optional(),
        }),
      )
      .length(4),
  }),
  programs: z.array(programSchema).min(1),
  canvas: z.object({
    systems: z.array(z.object({ key: z.string(), title: bilingual, questions: z.array(bilingual).min(1) })).min(1),
    modules: z.array(z.object({ program: z.string(), questions: z.array(bilingual).min(1) })),
  }),
  handbooks: z.array(handbookSchema).min(1),
});

export type TemplatePackage = z.infer<typeof templatePackageSchema>;
