import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context';
import { consultantRoutes } from './consultant-routes';
import { grantRoutes } from './grant-routes';
import { operatorRoutes } from './operator-routes';

/** The metrics' routes, one file per audience: consultants, the communities' admins who grant them access, operators. */
export const metricsRoutes = new OpenAPIHono<AppEnv>().route('/', consultantRoutes).route('/', grantRoutes).route('/', operatorRoutes);
