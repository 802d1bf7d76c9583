import { Hono } from 'hono';
import { tenantDb } from '../../worker/db/client';
import { communityOverview } from '../../worker/community/profile/service';

/**
 * The benchmark's baseline: a bare Hono route doing the very same D1 read as GET /api/community,
 * without host resolution, identity, access rules or response validation.
 */
const app = new Hono<{ Bindings: { TENANT_DB_001: D1Database } }>();
app.get('/api/community', async (c) => c.json(await communityOverview(tenantDb(c.env.TENANT_DB_001))));

export default app;
