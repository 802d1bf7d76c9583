import { z } from '@hono/zod-openapi';

const bilingual = { zh: z.string(), en: z.string() };

export const programSchema = z.object({
  key: z.string(),
  name: z.object(bilingual),
  description: z.object(bilingual),
  enabled: z.boolean(),
});

export const partySchema = z.object({
  key: z.string(),
  title: z.object(bilingual),
  organisationName: z.string().nullable(),
  remit: z.object(bilingual),
});

export const bodySchema = z.object({
  key: z.string(),
  level: z.number().int(),
  name: z.object(bilingual),
  description: z.object(bilingual),
  decisionRule: z.enum(['unanimity', 'majority']).nullable(),
  cadence: z.enum(['monthly']).nullable(),
  parties: z.array(z.string()),
});

export const buildingSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  contacts: z.number().int(),
  contactsRequired: z.number().int(),
});

export const communityOverviewSchema = z
  .object({
    slug: z.string(),
    name: z.object({ zh: z.string(), en: z.string().nullable() }),
    city: z.string(),
    district: z.string().nullable(),
    households: z.number().int(),
    template: z.object({ key: z.string(), version: z.number().int() }),
    memberCount: z.number().int(),
    programs: z.array(programSchema),
    parties: z.array(partySchema),
    bodies: z.array(bodySchema),
    buildings: z.array(buildingSchema),
    coverage: z.object({ buildings: z.number().int(), covered: z.number().int(), share: z.number() }),
  })
  .openapi('CommunityOverview');

export type CommunityOverview = z.infer<typeof communityOverviewSchema>;
