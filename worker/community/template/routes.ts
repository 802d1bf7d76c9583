import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { platformDb } from '../../db/client';
import { communities } from '../../db/platform-schema';
import type { AppEnv } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { author, prepared } from '../handbooks/prepare';
import { applyUpgrade, upgradePlan } from './upgrade';

const community = { host: 'community' } as const;
const handbookKey = z.string().regex(/^[a-z][a-z-]{0,40}$/);
const chapterKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const texts = z.object({ title: z.string(), body: z.string() });
const decisionSchema = z.object({
  handbook: handbookKey,
  key: chapterKey,
  locale: z.enum(['zh-CN', 'en']),
  choice: z.enum(['take-upstream', 'keep-mine', 'merged']),
  revision: z.number().int().positive(),
  merged: z.object({ title: z.string().trim().min(1).max(120), body: z.string().max(100_000) }).optional(),
});

const plannedChapterSchema = z.object({
  handbook: z.string(),
  key: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  position: z.number(),
  status: z.enum(['added', 'unchanged', 'update', 'same-change', 'conflict', 'removed-upstream']),
  revision: z.number().int().nullable(),
  hasDraft: z.boolean(),
  base: texts.nullable(),
  upstream: texts.nullable(),
  mine: texts.nullable(),
});

const planRoute = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/template/upgrade',
    operationId: 'template.planUpgrade',
    summary: 'What taking in the newest template version would change, chapter by chapter',
    responses: {
      200: json(
        z.object({
          currentVersion: z.number().int(),
          target: z
            .object({
              id: z.string(),
              version: z.number().int(),
              name: z.object({ zh: z.string(), en: z.string() }),
              summary: z.object({ zh: z.string(), en: z.string() }),
              changes: z.array(z.object({ zh: z.string(), en: z.string() })),
            })
            .nullable(),
          chapters: z.array(plannedChapterSchema),
        }),
        'Upgrade plan',
      ),
      ...errorResponses(401, 403),
    },
  },
);

const applyRoute = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/template/upgrade',
    operationId: 'template.applyUpgrade',
    summary: 'Take in the newest template version with a choice for each chapter changed on both sides',
    request: jsonBody(z.object({ version: z.number().int().positive(), decisions: z.array(decisionSchema).max(1000) })),
    responses: {
      200: json(z.object({ version: z.number().int(), applied: z.number().int() }), 'Upgraded'),
      ...errorResponses(400, 401, 403, 409),
    },
  },
);

/** Taking in a newer version of the model's template, chapter by chapter. */
export const templateRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(planRoute, async (c) => {
    const { tenant, facts: _facts, templateVersion, template } = await prepared(c);
    return c.json(await upgradePlan(tenant.db, { key: template.key, version: templateVersion }), 200);
  })
  .openapi(applyRoute, async (c) => {
    const { tenant, template, templateVersion } = await prepared(c);
    const { version, decisions } = c.req.valid('json');
    const result = await applyUpgrade(tenant.db, { key: template.key, version: templateVersion }, version, decisions, author(c));
    await platformDb(c.env.PLATFORM_DB)
      .update(communities)
      .set({ templateVersion: result.version })
      .where(eq(communities.id, tenant.community.id));
    await audit(c, 'template.upgraded', {
      from: templateVersion,
      to: result.version,
      decisions: decisions.map((d) => ({ chapter: `${d.handbook}/${d.key}/${d.locale}`, choice: d.choice })),
    });
    return c.json(result, 200);
  });
