import { serveCardPicture, serveWebApp } from './share/page';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { identify } from './auth/identify';
import { devRoutes } from './auth/dev-routes';
import { activityRoutes } from './community/activities/routes';
import { bodyRoutes } from './community/bodies/routes';
import { bookingRoutes } from './community/bookings/routes';
import { buildingRoutes } from './community/buildings/routes';
import { canvasRoutes } from './community/canvas/routes';
import { careRoutes } from './community/care/routes';
import { careTimeBankRoutes } from './community/care/time-bank-routes';
import { clubRoutes } from './community/clubs/routes';
import { consentRoutes } from './community/consent/routes';
import { committeeRoutes } from './community/committees/routes';
import { federationRoutes } from './community/federation/routes';
import { handbookRoutes } from './community/handbooks/routes';
import { issueRoutes } from './community/issues/routes';
import { assistedRoutes } from './community/assisted/routes';
import { architectRoutes } from './community/children/project-routes';
import { childrenRoutes } from './community/children/routes';
import { libraryCatalogueRoutes } from './community/library/catalogue-routes';
import { libraryRosterRoutes } from './community/library/roster-routes';
import { libraryRoutes } from './community/library/routes';
import { retentionRoutes } from './community/retention/routes';
import { courseRoutes } from './community/courses/routes';
import { moneyRoutes } from './community/ledger/money-routes';
import { ledgerRoutes } from './community/ledger/routes';
import { meRoutes } from './community/me/routes';
import { mediaRoutes } from './community/media/routes';
import { meetingRoutes } from './community/meetings/routes';
import { needRoutes } from './community/needs/routes';
import { pushCaptureRoutes } from './community/notifications/push-capture';
import { pushRoutes } from './community/notifications/push-routes';
import { notificationRoutes } from './community/notifications/routes';
import { archiveRoutes } from './community/archive/routes';
import { memberRoutes } from './community/members/routes';
import { personalDataRoutes } from './community/personal-data/routes';
import { onboardingRoutes } from './community/onboarding/routes';
import { associationRoutes } from './community/association/routes';
import { partnershipRoutes } from './community/partnerships/routes';
import { partyRoutes } from './community/parties/routes';
import { profileRoutes } from './community/profile/routes';
import { privacyRoutes } from './community/privacy/routes';
import { programRoutes } from './community/programs/routes';
import { seriesRoutes } from './community/series/routes';
import { shopRoutes } from './community/shop/routes';
import { spaceRoutes } from './community/spaces/routes';
import { templateRoutes } from './community/template/routes';
import { volunteerRoutes } from './community/volunteers/routes';
import { AppError, errorJson } from './errors';
import type { AppEnv } from './http/context';
import { apiDocument, registerSecuritySchemes } from './http/openapi-document';
import { hostGuard, refusalOf, sameOriginForCookieSessions } from './http/request-guard';
import { securityHeaders } from './http/security-headers';
import { metricsRoutes } from './metrics/routes';
import { accountRoutes } from './platform/account-routes';
import { backupRoutes } from './platform/backups/routes';
import { platformRoutes } from './platform/routes';
import { sharedRoutes } from './shared-routes';
import { resolveTenancy } from './tenancy/middleware';

/**
 * The Worker's one app. Order matters: security headers wrap every answer; a malformed host is refused; the host
 * is resolved to the platform or to one community (with its own database); a cookie session must come from its
 * own origin; then the identity is verified; routes check access themselves.
 */
export function buildApp() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', securityHeaders);
  app.use('*', hostGuard);
  app.use('*', resolveTenancy);
  app.use('/api/*', sameOriginForCookieSessions);
  app.use('/api/*', identify);

  const routes = app
    .route('/', sharedRoutes)
    .route('/', platformRoutes)
    .route('/', accountRoutes)
    .route('/', backupRoutes)
    .route('/', activityRoutes)
    .route('/', archiveRoutes)
    .route('/', bodyRoutes)
    .route('/', bookingRoutes)
    .route('/', buildingRoutes)
    .route('/', canvasRoutes)
    .route('/', childrenRoutes)
    .route('/', architectRoutes)
    .route('/', clubRoutes)
    .route('/', consentRoutes)
    .route('/', committeeRoutes)
    .route('/', federationRoutes)
    .route('/', handbookRoutes)
    .route('/', issueRoutes)
    .route('/', assistedRoutes)
    .route('/', careRoutes)
    .route('/', careTimeBankRoutes)
    .route('/', ledgerRoutes)
    .route('/', libraryCatalogueRoutes)
    .route('/', libraryRoutes)
    .route('/', libraryRosterRoutes)
    .route('/', retentionRoutes)
    .route('/', courseRoutes)
    .route('/', moneyRoutes)
    .route('/', meRoutes)
    .route('/', pushRoutes)
    .route('/', notificationRoutes)
    .route('/', mediaRoutes)
    .route('/', meetingRoutes)
    .route('/', needRoutes)
    .route('/', personalDataRoutes)
    .route('/', memberRoutes)
    .route('/', onboardingRoutes)
    .route('/', associationRoutes)
    .route('/', partnershipRoutes)
    .route('/', partyRoutes)
    .route('/', profileRoutes)
    .route('/', privacyRoutes)
    .route('/', programRoutes)
    .route('/', seriesRoutes)
    .route('/', shopRoutes)
    .route('/', spaceRoutes)
    .route('/', templateRoutes)
    .route('/', volunteerRoutes)
    .route('/', metricsRoutes)
    .route('/', pushCaptureRoutes)
    .route('/', devRoutes);

  registerSecuritySchemes(app);
  app.get('/api/openapi.json', (c) =>
    c.json(apiDocument(app, { origin: new URL(c.req.url).origin, dev: c.get('config').authMode === 'dev' }), 200),
  );

  app.all('/api/*', (c) => errorJson(c, 'not_found', 'No such API route'));
  // The pictures of the share cards (og:image), drawn from the same public cards as the pages' tags.
  app.get('/share/card.png', serveCardPicture);
  app.get('/share/card/*', serveCardPicture);
  // Everything else is the web app, for the platform and active communities only (unknown hosts were refused above).
  app.get('*', (c) => serveWebApp(c, (request) => Promise.resolve(app.fetch(request, c.env, c.executionCtx))));

  app.onError((error, c) => {
    if (error instanceof AppError) return errorJson(c, error.code, error.message, error.details);
    const refusal = error instanceof HTTPException ? refusalOf(error) : null;
    if (refusal) return errorJson(c, refusal.code, refusal.message, refusal.details);
    console.error('unhandled error', c.req.method, c.req.path, error);
    return errorJson(c, 'internal', 'Something went wrong on our side');
  });
  return { app, routes };
}

const built = buildApp();
export const app = built.app;
export type AppType = typeof built.routes;
