import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';

/** A route's OpenAPI `operationId`: `feature.verb`, the feature being the folder that declares it. */
export type OperationId = `${string}.${string}`;

/** An OpenAPI security requirement: a scheme name and its scopes. */
export type SecurityRequirement = Record<string, string[]>;

/**
 * Who must present a session token, as OpenAPI `security`: nobody on a public route (an explicit empty list),
 * otherwise a Clerk session token as a bearer token or in the `__session` cookie. Anything but exactly
 * `allow: 'public'` needs one, whatever form the role takes.
 */
export function securityFor(access: { allow: unknown }): SecurityRequirement[] {
  return access.allow === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }];
}

const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Clerk session token issued for this origin (the development provider issues the same kind locally)',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__session',
    description: 'The same session token in the `__session` cookie, as the web app sends it',
  },
} as const;

type ApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const isDevPath = (path: string) => path === '/api/dev' || path.startsWith('/api/dev/');

/** The document without the development provider's operations, which exist only in dev mode. */
export function withoutDevOperations<D extends Pick<ApiDocument, 'paths'>>(document: D): D {
  if (!document.paths) return document;
  return { ...document, paths: Object.fromEntries(Object.entries(document.paths).filter(([path]) => !isDevPath(path))) };
}

/** Registers the session schemes that `securityFor` names; call once on the app that serves the document. */
export function registerSecuritySchemes<E extends Env>(app: OpenAPIHono<E>) {
  for (const [name, scheme] of Object.entries(securitySchemes)) app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
}

/** What resolving the host answers before any route runs (worker/tenancy/middleware.ts), whatever the path. */
const hostRefusals = {
  404: { name: 'HostNotFound', description: 'No community at this host, or the route lives on the other kind of host' },
  410: { name: 'CommunitySuspended', description: 'This community is suspended' },
  503: { name: 'CommunityNotReady', description: 'This community is still being set up' },
} as const;

type PathItem = NonNullable<ApiDocument['paths']>[string];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Adds the host's refusals, as shared responses, to every operation that does not describe that status itself. */
function withHostRefusals(document: ApiDocument): ApiDocument {
  const refusals = Object.fromEntries(
    Object.entries(hostRefusals).map(([status, { name }]) => [status, { $ref: `#/components/responses/${name}` }]),
  );
  const paths: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const copy: PathItem = { ...item };
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) copy[method] = { ...operation, responses: { ...refusals, ...operation.responses } };
    }
    paths[path] = copy;
  }
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const responses = Object.fromEntries(Object.values(hostRefusals).map(({ name, description }) => [name, { description, content }]));
  return { ...document, paths, components: { ...document.components, responses: { ...document.components?.responses, ...responses } } };
}

/** The OpenAPI 3.1 document as served on `origin`; `/api/dev/*` appears only in dev mode. */
export function apiDocument<E extends Env>(app: OpenAPIHono<E>, options: { origin: string; dev: boolean }): ApiDocument {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Huzhu 互助 API',
      version: '1',
      description: 'The platform host serves sign-up and operators; each community host `{slug}.{platform host}` serves its own data.',
    },
    servers: [{ url: options.origin }],
  });
  return withHostRefusals(options.dev ? document : withoutDevOperations(document));
}
