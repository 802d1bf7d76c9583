import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { readCanvas, writeCanvasEntry } from './service';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const entry = z.object({
  key: z.string(),
  title: bilingual,
  questions: z.array(bilingual),
  content: z.string(),
  updatedAt: z.string().nullable(),
});

const getCanvas = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/canvas',
    operationId: 'canvas.get',
    summary: "The community's canvas: four systems and nine modules, with guiding questions",
    responses: { 200: json(z.object({ systems: z.array(entry), modules: z.array(entry) }), 'Canvas'), ...errorResponses(404) },
  },
);

const putEntry = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'put',
    path: '/api/canvas/{key}',
    operationId: 'canvas.updateEntry',
    summary: 'Fill in one part of the canvas',
    request: {
      params: z.object({ key: z.string().regex(/^(module:)?[a-z][a-z-]{0,40}$/) }),
      ...jsonBody(z.object({ content: z.string().max(4000) })),
    },
    responses: { 200: json(z.object({ ok: z.literal(true) }), 'Saved'), ...errorResponses(400, 401, 403, 404) },
  },
);

export const canvasRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getCanvas, async (c) => c.json(await readCanvas(tenantOf(c).db), 200))
  .openapi(putEntry, async (c) => {
    await writeCanvasEntry(tenantOf(c).db, c.req.valid('param').key, c.req.valid('json').content);
    return c.json({ ok: true as const }, 200);
  });
