import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit, recordAudit } from '../../platform/audit';
import { wallClock } from '../profile/rules';
import { communitySettings } from '../profile/service';
import { exportFileName, leaveBodySchema, myDetailsChangeSchema, myDetailsSchema } from './rules';
import { correctMyDetails, exportMemberData, leave, memberKeys, myDetails } from './service';

const residents = { host: 'community', allow: 'member' } as const;

const myDataSchema = z
  .object({
    community: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), timeZone: z.string() }),
    memberId: z.number().int(),
    exportedAt: z.string(),
    /** Every row held about me, by table (SQL names), as stored; keys and secrets left out. */
    tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  })
  .openapi('MyData');

const myData = defineRoute(residents, {
  method: 'get',
  path: '/api/me/data',
  operationId: 'personalData.getMine',
  summary: 'Everything this community holds about me (我的数据), by table; `download=1` answers it as a file to keep',
  request: { query: z.object({ download: z.enum(['1']).optional() }) },
  responses: { 200: json(myDataSchema, 'My data'), ...errorResponses(400, 401, 403, 404) },
});

const getDetails = defineRoute(residents, {
  method: 'get',
  path: '/api/members/me/details',
  operationId: 'personalData.getMyDetails',
  summary: 'My own details as this community keeps them (name, building, flat, phone where kept), to correct them',
  responses: { 200: json(myDetailsSchema, 'My details'), ...errorResponses(401, 403, 404) },
});

const correctDetails = defineRoute(
  residents,
  {
    method: 'patch',
    path: '/api/members/me',
    operationId: 'personalData.correctMyDetails',
    summary: 'Correct my own details: display name, building, flat, and my phone where one is kept for me',
    request: { body: { content: { 'application/json': { schema: myDetailsChangeSchema } }, required: true } },
    responses: { 200: json(myDetailsSchema, 'My details now'), ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const leaveCommunity = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/members/me/leave',
    operationId: 'personalData.leave',
    summary:
      'Leave this community. With deleteData, every personal field held about me is erased for good; the ledger, decisions and counts stay, naming a former resident',
    request: { body: { content: { 'application/json': { schema: leaveBodySchema } }, required: true } },
    responses: {
      200: json(z.object({ left: z.literal(true), deleted: z.boolean() }), 'Left'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

/** A resident's rights over their data: see it all, correct it, leave and have it erased. */
export const personalDataRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(myData, async (c) => {
    const { db, d1, community } = tenantOf(c);
    const who = await memberKeys(db, memberOf(c).id);
    if (!who) throw new AppError('not_a_member', 'Join this community first');
    const [{ timeZone }, tables] = await Promise.all([communitySettings(db), exportMemberData(d1, who)]);
    const exportedAt = new Date().toISOString();
    const body = {
      community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn, timeZone },
      memberId: who.id,
      exportedAt,
      tables,
    };
    if (c.req.valid('query').download) {
      const name = exportFileName(community.slug, wallClock(exportedAt, timeZone).date);
      c.header('content-disposition', `attachment; filename="${name}"`);
    }
    c.header('cache-control', 'no-store');
    return c.json(body, 200);
  })
  .openapi(getDetails, async (c) => c.json(await myDetails(tenantOf(c).db, memberOf(c).id), 200))
  .openapi(correctDetails, async (c) => {
    const id = memberOf(c).id;
    const { details, changed } = await correctMyDetails(tenantOf(c).db, id, c.req.valid('json'));
    // What changed, not the values: the audit log is not a second copy of residents' details.
    if (changed.length > 0) await audit(c, 'member.details-corrected', { memberId: id, fields: changed });
    return c.json(details, 200);
  })
  .openapi(leaveCommunity, async (c) => {
    const { db, d1, community } = tenantOf(c);
    const who = await memberKeys(db, memberOf(c).id);
    if (!who) throw new AppError('not_a_member', 'Join this community first');
    const { deleteData } = c.req.valid('json');
    const { objectKeys } = await leave(db, d1, who, deleteData);
    if (objectKeys.length > 0) await c.env.MEDIA.delete(objectKeys);
    if (deleteData) {
      // Nothing in the row names the person: not their sign-in, not their name; only the member number.
      await recordAudit(c.env.PLATFORM_DB, {
        actorUserId: null,
        communityId: community.id,
        action: 'member.left-with-deletion',
        detail: { memberId: who.id },
      });
    } else {
      await audit(c, 'member.left', { memberId: who.id });
    }
    return c.json({ left: true as const, deleted: deleteData }, 200);
  });
