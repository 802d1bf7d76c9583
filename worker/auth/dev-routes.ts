import { OpenAPIHono, z } from '@hono/zod-openapi';
import { isLocalHostname } from '../env';
import { AppError } from '../errors';
import type { AppContext, AppEnv } from '../http/context';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { snapshotNow } from '../metrics/snapshots';
import { historyPlans, seedHistory } from '../platform/demo-history';
import { seedDemo } from '../platform/demo-seed';
import { devPersonas, signDevToken } from './dev-identity';

/** The development provider answers only in dev mode and only on local hosts; elsewhere it does not exist. */
function devKeyOrNotFound(c: AppContext): string {
  const config = c.get('config');
  if (config.authMode !== 'dev' || !config.devPrivateKey || !isLocalHostname(new URL(c.req.url).hostname)) {
    throw new AppError('not_found', 'Not found');
  }
  return config.devPrivateKey;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const personaList = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'get',
    path: '/api/dev/personas',
    operationId: 'dev.listPersonas',
    summary: 'Demo personas of the development sign-in (dev mode on localhost only)',
    responses: {
      200: json(
        z.object({
          personas: z.array(
            z.object({ userId: z.string(), nameZh: z.string(), nameEn: z.string(), roleZh: z.string(), roleEn: z.string() }),
          ),
        }),
        'Personas',
      ),
      ...errorResponses(404),
    },
  },
);

const devSignIn = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'post',
    path: '/api/dev/sign-in',
    operationId: 'dev.signIn',
    summary: 'Development sign-in: a Clerk-shaped token for this origin (dev mode on localhost only)',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
              name: z.string().trim().min(1).max(40),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: json(z.object({ token: z.string() }), 'A session token'), ...errorResponses(400, 404) },
  },
);

const devSeed = defineRoute(
  { host: 'platform', allow: 'public' },
  {
    method: 'post',
    path: '/api/dev/seed',
    operationId: 'dev.seed',
    summary: 'Seed the demo communities (dev mode on localhost only; idempotent)',
    responses: { 200: json(z.object({ created: z.array(z.string()), snapshots: z.number() }), 'Seeded'), ...errorResponses(404) },
  },
);

const devHistory = defineRoute(
  { host: 'platform', allow: 'public' },
  {
    method: 'post',
    path: '/api/dev/communities/{slug}/history',
    operationId: 'dev.writeHistory',
    summary: "Write a generated year of history into a community's database (dev mode on localhost only; for benchmarks)",
    request: {
      params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
      body: {
        content: {
          'application/json': {
            schema: z.object({ plan: z.enum(['mature', 'growing', 'young']), seed: z.number().int().min(1).max(1_000_000) }),
          },
        },
        required: true,
      },
    },
    responses: { 200: json(z.object({ written: z.boolean() }), 'Written (false: it already had one)'), ...errorResponses(400, 404) },
  },
);

const devApp = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
// Before validation, so that outside dev mode every dev route is a plain 404 whatever the body.
devApp.use('/api/dev/*', async (c, next) => {
  devKeyOrNotFound(c);
  await next();
});

export const devRoutes = devApp
  .openapi(personaList, (c) => c.json({ personas: devPersonas }, 200))
  .openapi(devSignIn, async (c) => {
    const key = devKeyOrNotFound(c);
    const { userId, name } = c.req.valid('json');
    return c.json({ token: await signDevToken(key, { userId, name, origin: new URL(c.req.url).origin }) }, 200);
  })
  .openapi(devHistory, async (c) => {
    const { slug } = c.req.valid('param');
    const { plan, seed } = c.req.valid('json');
    const row = await c.env.PLATFORM_DB.prepare("SELECT database_binding AS binding FROM communities WHERE slug = ?1 AND status = 'active'")
      .bind(slug)
      .first<{ binding: string | null }>();
    if (!row?.binding) throw new AppError('not_found', 'No such active community');
    return c.json({ written: await seedHistory(c.env, row.binding, { ...historyPlans[plan], seed }) }, 200);
  })
  .openapi(devSeed, async (c) => {
    const { created } = await seedDemo(c.env);
    // The demo's figures are there on first look, not after the next daily run.
    return c.json({ created, snapshots: await snapshotNow(c.env) }, 200);
  });
