import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { identify } from './auth/identify';
import { devRoutes } from './auth/dev-routes';
import { activityRoutes } from './community/activities/routes';
import { canvasRoutes } from './community/canvas/routes';
import { clubRoutes } from './community/clubs/routes';
import { ledgerRoutes } from './community/ledger/routes';
import { federationRoutes } from './community/federation/routes';
import { issueRoutes } from './community/issues/routes';
import { mediaRoutes } from './community/media/routes';
import { meRoutes } from './community/me/routes';
import { meetingRoutes } from './community/meetings/routes';
import { volunteerRoutes } from './community/volunteers/routes';
import { handbookRoutes } from './community/handbooks/routes';
import { communityRoutes } from './community/routes';
import { settingsRoutes } from './community/settings/routes';
import { AppError, errorJson } from './errors';
import type { AppEnv } from './http/context';
import { recomputeAfterChange } from './metrics/on-change';
import { metricsRoutes } from './metrics/routes';
import { platformRoutes } from './platform/routes';
import { sharedRoutes } from './shared-routes';
import { resolveTenancy } from './tenancy/middleware';

/**
 * The Worker's one app. Order matters: the host is resolved to the platform or to one community
 * (with its own database) first, then the identity is verified; routes check access themselves.
 */
export function buildApp() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', resolveTenancy);
  app.use('/api/*', identify);
  app.use('/api/*', recomputeAfterChange);

  const routes = app
    .route('/', sharedRoutes)
    .route('/', platformRoutes)
    .route('/', communityRoutes)
    .route('/', handbookRoutes)
    .route('/', canvasRoutes)
    .route('/', settingsRoutes)
    .route('/', clubRoutes)
    .route('/', activityRoutes)
    .route('/', ledgerRoutes)
    .route('/', volunteerRoutes)
    .route('/', meRoutes)
    .route('/', issueRoutes)
    .route('/', meetingRoutes)
    .route('/', federationRoutes)
    .route('/', mediaRoutes)
    .route('/', metricsRoutes)
    .route('/', devRoutes);

  app.doc31('/api/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Huzhu 互助 API',
      version: '1',
      description: 'The platform host serves sign-up and operators; each community host `{slug}.{platform host}` serves its own data.',
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));

  app.all('/api/*', (c) => errorJson(c, 'not_found', 'No such API route'));
  // Everything else is the web app, for the platform and active communities only (unknown hosts were refused above).
  app.get('*', (c) => c.env.ASSETS.fetch(c.req.raw));

  app.onError((error, c) => {
    if (error instanceof AppError) return errorJson(c, error.code, error.message, error.details);
    if (error instanceof HTTPException && error.status === 400) {
      return errorJson(c, 'validation_failed', 'The request body is not valid JSON', { _: [error.message] });
    }
    console.error('unhandled error', c.req.method, c.req.path, error);
    return errorJson(c, 'internal', 'Something went wrong on our side');
  });
  return { app, routes };
}

const built = buildApp();
export const app = built.app;
export type AppType = typeof built.routes;
