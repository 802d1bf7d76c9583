import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { communityOverviewSchema, communityProfile, communitySettingsChangeSchema, communitySettingsSchema } from './schema';
import { waitingStates } from '../issues/rules';
import { communityOverview, communitySettings, updateCommunitySettings } from './service';

const community = { host: 'community' } as const;
const admin = { host: 'community', allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');

const getCommunity = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/community',
    operationId: 'profile.get',
    summary: "The community's profile, nine programs, parties and coordination structure",
    responses: { 200: json(communityOverviewSchema, 'The community'), ...errorResponses(404, 410, 503) },
  },
);

const updateProfile = defineRoute(
  admin,
  {
    method: 'patch',
    path: '/api/community',
    operationId: 'profile.update',
    summary: "Update the community's facts the handbooks cite",
    request: jsonBody(
      z
        .object({
          nameEn: z.string().trim().max(80).nullable(),
          households: z.number().int().min(1).max(200000),
          /** Residents as declared (not members on Huzhu), for the consultants' comparisons. */
          residents: z.number().int().min(1).max(1000000).nullable(),
          foundedOn: z.iso.date().nullable(),
          surplusRatePercent: z.number().int().min(0).max(50),
          /** Days an issue may wait in each state before it is flagged. */
          issueWaitLimits: z.partialRecord(z.enum(waitingStates), z.number().int().min(1).max(365)),
        })
        .partial(),
    ),
    responses: { 200: ok, ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const getSettings = defineRoute(admin, {
  method: 'get',
  path: '/api/community/settings',
  operationId: 'profile.getSettings',
  summary: "How people join, whether visitors see organisers' names, and the community's time zone (association administrators)",
  responses: { 200: json(communitySettingsSchema, 'The settings'), ...errorResponses(401, 403) },
});

const updateSettings = defineRoute(admin, {
  method: 'patch',
  path: '/api/community/settings',
  operationId: 'profile.updateSettings',
  summary: "Change how people join, whether visitors see organisers' names, or the community's time zone (association administrators)",
  request: jsonBody(communitySettingsChangeSchema),
  responses: { 200: json(communitySettingsSchema, 'The settings now'), ...errorResponses(400, 401, 403) },
});

/** The community itself: its profile, programs, parties and structure, the facts the handbooks cite, and its settings. */
export const profileRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getCommunity, async (c) => c.json(await communityOverview(tenantOf(c).db), 200))
  .openapi(updateProfile, async (c) => {
    const changes = c.req.valid('json');
    if (Object.keys(changes).length > 0) await tenantOf(c).db.update(communityProfile).set(changes).where(eq(communityProfile.id, 1));
    await audit(c, 'community.facts-updated', changes);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(getSettings, async (c) => c.json(await communitySettings(tenantOf(c).db), 200))
  .openapi(updateSettings, async (c) => {
    const changes = c.req.valid('json');
    const settings = await updateCommunitySettings(tenantOf(c).db, changes);
    await audit(c, 'community.settings-updated', changes);
    return c.json(settings, 200);
  });
