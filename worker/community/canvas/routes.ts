import { OpenAPIHono, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { canvasEntries, programs } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { communityFacts } from '../handbooks/facts';
import { communityTemplate } from '../handbooks/service';

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
  .openapi(getCanvas, async (c) => {
    const { db } = tenantOf(c);
    const facts = await communityFacts(db);
    const template = communityTemplate(facts.templateKey, facts.templateVersion);
    const [rows, programRows] = await db.batch([
      db.select().from(canvasEntries).orderBy(asc(canvasEntries.position)),
      db.select({ key: programs.key, nameZh: programs.nameZh, nameEn: programs.nameEn }).from(programs).orderBy(asc(programs.position)),
    ]);
    const content = (key: string) => rows.find((r) => r.key === key);
    return c.json(
      {
        systems: template.canvas.systems.map((s) => ({
          key: s.key,
          title: s.title,
          questions: s.questions,
          content: content(s.key)?.content ?? '',
          updatedAt: content(s.key)?.updatedAt ?? null,
        })),
        modules: programRows.map((p) => {
          const key = `module:${p.key}`;
          return {
            key,
            title: { zh: p.nameZh, en: p.nameEn },
            questions: template.canvas.modules.find((m) => m.program === p.key)?.questions ?? [],
            content: content(key)?.content ?? '',
            updatedAt: content(key)?.updatedAt ?? null,
          };
        }),
      },
      200,
    );
  })
  .openapi(putEntry, async (c) => {
    const { key } = c.req.valid('param');
    const updated = await tenantOf(c)
      .db.update(canvasEntries)
      .set({ content: c.req.valid('json').content, updatedAt: new Date().toISOString() })
      .where(eq(canvasEntries.key, key))
      .returning({ key: canvasEntries.key });
    if (updated.length === 0) throw new AppError('not_found', 'No such part of the canvas');
    return c.json({ ok: true as const }, 200);
  });
