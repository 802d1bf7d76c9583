import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import type { Bindings } from '../../worker/env';
import { securityFor, withoutDevOperations } from '../../worker/http/openapi-document';
import { PLATFORM, rawCall } from './helpers';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const SIGNED_IN = [{ bearerAuth: [] }, { sessionCookie: [] }];

interface Operation {
  key: string;
  path: string;
  operationId?: string;
  security?: unknown;
  access?: { allow: unknown };
}

/** The parts of the served document these tests read; everything else in it is kept as served. */
const servedDocument = z.looseObject({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.looseObject({
        operationId: z.string().optional(),
        security: z.unknown(),
        'x-access': z.looseObject({ allow: z.unknown() }).optional(),
        responses: z.record(z.string(), z.looseObject({ description: z.string().optional() })).optional(),
      }),
    ),
  ),
  components: z.looseObject({
    securitySchemes: z.record(z.string(), z.unknown()),
    responses: z.record(z.string(), z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: z.unknown() })) })),
    schemas: z.record(z.string(), z.unknown()),
  }),
});
type ServedDocument = z.infer<typeof servedDocument>;

/** The document this deployment serves. */
async function servedOpenApi() {
  const res = await rawCall(PLATFORM, '/api/openapi.json');
  expect(res.status).toBe(200);
  return servedDocument.parse(res.json);
}

function operationsOf(document: ServedDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        operationId: op.operationId,
        security: op.security,
        access: op['x-access'],
      })),
  );
}

/** The document as a deployment with other settings serves it: the app object called with a modified env. */
async function documentWithEnv(overrides: Partial<Bindings>) {
  const response = await app.fetch(new Request(`http://${PLATFORM}/api/openapi.json`), { ...env, ...overrides }, createExecutionContext());
  expect(response.status).toBe(200);
  return servedDocument.parse(await response.json());
}

describe('the OpenAPI document', () => {
  it('names every operation feature.verb, once in the whole document', async () => {
    const operations = operationsOf(await servedOpenApi());
    expect(operations.length).toBeGreaterThan(100);
    const ids = operations.map((op) => op.operationId);
    for (const op of operations) expect(op.operationId, op.key).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('names operations after the folder that declares them', async () => {
    const byKey = Object.fromEntries(operationsOf(await servedOpenApi()).map((op) => [op.key, op.operationId]));
    expect(byKey).toMatchObject({
      'GET /api/activities': 'activities.list',
      'POST /api/activities': 'activities.create',
      'GET /api/activities/{id}': 'activities.get',
      'POST /api/activities/{id}/signups': 'activities.signUp',
      'PUT /api/meetings/{id}/items/{itemId}/stances/{voter}': 'meetings.recordPosition',
      'PUT /api/members/{memberId}/roles': 'members.setRoles',
      'POST /api/communities': 'platform.createCommunity',
      'GET /api/operator/overview': 'operator.getOverview',
      'GET /api/consultant/compare': 'consultants.compare',
      'PUT /api/consultant-access/{userId}': 'consultantAccess.grant',
      'POST /api/dev/sign-in': 'dev.signIn',
    });
  });

  it('declares the session token schemes, and on each operation none for a public route and a session token otherwise', async () => {
    const doc = await servedOpenApi();
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: '__session' }),
    });
    const operations = operationsOf(doc);
    for (const op of operations) {
      expect(op.access, op.key).toBeDefined();
      expect(op.security, op.key).toEqual(op.access?.allow === 'public' ? [] : SIGNED_IN);
    }
    const publicKeys = operations.filter((op) => op.access?.allow === 'public').map((op) => op.key);
    expect(publicKeys).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/calendar/{token}']));
    expect(operations.find((op) => op.key === 'PUT /api/members/{memberId}/roles')?.security).toEqual(SIGNED_IN);
  });

  it('asks for a session token unless a rule is exactly public, whatever form the role takes', () => {
    expect(securityFor({ allow: 'public' })).toEqual([]);
    expect(securityFor({ allow: 'signed-in' })).toEqual(SIGNED_IN);
    expect(securityFor({ allow: 'association-admin' })).toEqual(SIGNED_IN);
    expect(securityFor({ allow: ['member', 'club-leader'] })).toEqual(SIGNED_IN);
    expect(securityFor({ allow: ['public'] })).toEqual(SIGNED_IN);
  });

  it('lists the development provider in dev mode only', async () => {
    const dev = await documentWithEnv({ AUTH_MODE: 'dev' });
    const devPaths = Object.keys(dev.paths).filter((path) => path.startsWith('/api/dev/'));
    expect(devPaths).toEqual(expect.arrayContaining(['/api/dev/sign-in', '/api/dev/personas', '/api/dev/seed']));

    const production = await documentWithEnv({ AUTH_MODE: 'clerk' });
    expect(Object.keys(production.paths).filter((path) => path.startsWith('/api/dev'))).toEqual([]);
    expect(operationsOf(production).some((op) => op.operationId?.startsWith('dev.'))).toBe(false);
    // Nothing else is missing.
    expect(Object.keys(production.paths)).toEqual(Object.keys(dev.paths).filter((path) => !devPaths.includes(path)));
    expect(production.components.securitySchemes).toEqual(dev.components.securitySchemes);
  });

  it('drops exactly the /api/dev paths', () => {
    const doc = { paths: { '/api/dev/seed': {}, '/api/dev': {}, '/api/developers': {}, '/api/health': {} } };
    expect(Object.keys(withoutDevOperations(doc).paths)).toEqual(['/api/developers', '/api/health']);
    expect(Object.keys(doc.paths)).toHaveLength(4);
  });

  it("describes the host's refusals on every operation, keeping a route's own description", async () => {
    const doc = await servedOpenApi();
    for (const name of ['HostNotFound', 'CommunitySuspended', 'CommunityNotReady']) {
      expect(doc.components.responses[name]?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.paths['/api/health']?.get?.responses?.['410']).toEqual({ $ref: '#/components/responses/CommunitySuspended' });
    expect(doc.paths['/api/members/{memberId}/roles']?.put?.responses?.['404']?.description).toMatch(/another community/);
  });
});
