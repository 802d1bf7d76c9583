import { z } from '@hono/zod-openapi';
import { checkSlug } from './slug';

const partyName = z.string().trim().max(60);

export const buildingNameSchema = z.string().trim().min(1).max(30);

/** The sign-up wizard's answers. */
export const communitySetupSchema = z
  .object({
    nameZh: z.string().trim().min(2).max(40).openapi({ example: '翠竹园' }),
    nameEn: z.string().trim().max(80).optional().openapi({ example: 'Cuizhuyuan' }),
    slug: z
      .string()
      .superRefine((slug, ctx) => {
        const problem = checkSlug(slug);
        if (problem === 'format') {
          ctx.addIssue({ code: 'custom', message: 'Use 3–32 characters: a–z, 0–9 and single hyphens inside' });
        } else if (problem === 'reserved') {
          ctx.addIssue({ code: 'custom', message: 'This address is reserved' });
        }
      })
      .openapi({ example: 'cuizhuyuan' }),
    city: z.string().trim().min(1).max(40).openapi({ example: '南京' }),
    district: z.string().trim().max(40).optional().openapi({ example: '雨花台区' }),
    households: z.number().int().min(1).max(200000).openapi({ example: 3000 }),
    /** Building names, or a count that becomes 1栋, 2栋, … */
    buildings: z.union([z.array(buildingNameSchema).min(1).max(500), z.number().int().min(1).max(500)]),
    parties: z
      .object({
        residentsCommittee: partyName.optional(),
        ownersCommittee: partyName.optional(),
        propertyCompany: partyName.optional(),
      })
      .default({}),
    /** A bundled template `key@version`; the newest 翠竹园模式 when left out. */
    template: z
      .string()
      .regex(/^[a-z][a-z0-9-]*@\d+$/)
      .optional()
      .openapi({ example: 'cuizhuyuan@1' }),
    founderName: z.string().trim().min(1).max(40).optional(),
  })
  .superRefine((value, ctx) => {
    if (Array.isArray(value.buildings)) {
      const seen = new Set<string>();
      value.buildings.forEach((name, index) => {
        if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['buildings', index], message: 'Duplicate building name' });
        seen.add(name);
      });
    }
  })
  .openapi('CommunitySetup');

export type CommunitySetupInput = z.infer<typeof communitySetupSchema>;

/** What provisioning needs, kept in the control plane so an interrupted sign-up can be finished. */
export interface StoredSetup {
  city: string;
  district: string | null;
  households: number;
  buildings: string[];
  parties: { residentsCommittee: string | null; ownersCommittee: string | null; propertyCompany: string | null };
  founderName: string;
}

export function buildingNamesFrom(buildings: string[] | number): string[] {
  if (Array.isArray(buildings)) return buildings;
  return Array.from({ length: buildings }, (_, i) => `${i + 1}栋`);
}

export function toStoredSetup(input: CommunitySetupInput, fallbackFounderName: string): StoredSetup {
  const blankToNull = (v: string | undefined) => (v && v.length > 0 ? v : null);
  return {
    city: input.city,
    district: blankToNull(input.district),
    households: input.households,
    buildings: buildingNamesFrom(input.buildings),
    parties: {
      residentsCommittee: blankToNull(input.parties.residentsCommittee),
      ownersCommittee: blankToNull(input.parties.ownersCommittee),
      propertyCompany: blankToNull(input.parties.propertyCompany),
    },
    founderName: input.founderName ?? fallbackFounderName,
  };
}
