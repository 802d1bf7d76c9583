import { describe, expect, it } from 'vitest';
import { PLATFORM, rawCall } from './helpers';

/** Every source file of the web app, as text (Vite inlines them when the test is bundled). */
const webSources = Object.values(
  import.meta.glob<string>(['../../web/src/**/*.ts', '../../web/src/**/*.tsx'], { query: '?raw', import: 'default', eager: true }),
).join('\n');

/**
 * Operations that change data but have no page on purpose, each with the reason. Anything else that changes data
 * must be called by some page: a capability without a screen is not done.
 */
const NO_PAGE: Record<string, string> = {
  'dev.seed': '`npm start` seeds the demo communities through it; local development only, absent from the production document',
  'dev.createPushEndpoint':
    'a push endpoint played by the server itself, for seeing Web Push without a browser vendor (README); dev mode on localhost only',
  'dev.receivePush': 'the captured endpoint is what sendPush posts to, as a push service would; no person calls it',
  'dev.writeHistory': 'the benchmarks write generated histories through it; local development only, absent from the production document',
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
}

/** The typed client's expression for an operation, e.g. `.clubs[':id'].status.$post`, allowing line breaks. */
function clientPattern(op: Operation) {
  const segments = op.path.replace(/^\/api\//, '').split('/');
  const parts = segments.map((s) => {
    const param = /^\{(\w+)\}$/.exec(s);
    if (param) return `\\[':${param[1]}'\\]`;
    const escaped = s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    return `(?:\\.${escaped}|\\['${escaped}'\\])`;
  });
  return new RegExp(`api\\.api${parts.map((p) => `\\s*${p}`).join('')}\\s*\\.\\$${op.method}\\(`);
}

/** A plain fetch of the path (uploads send bodies the typed client cannot), with `${…}` where the path has a parameter. */
function fetchPattern(op: Operation) {
  const path = op.path.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/\\\{\w+\\\}/g, '\\$\\{[^}]+\\}');
  return new RegExp(`fetch\\(\`${path}`);
}

describe('every change has a screen', () => {
  it('finds, for each operation that changes data, a page that calls it (or a written reason)', async () => {
    const doc = (await rawCall(PLATFORM, '/api/openapi.json')).json as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const changing: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, o]) => ({ operationId: o.operationId ?? `${method} ${path}`, method, path })),
    );
    expect(changing.length).toBeGreaterThan(50);
    const missing = changing
      .filter((op) => !(op.operationId in NO_PAGE))
      .filter((op) => !clientPattern(op).test(webSources) && !fetchPattern(op).test(webSources))
      .map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
    expect(missing, 'operations that change data with no page calling them').toEqual([]);
  });

  it('keeps the allow-list honest: every entry names an operation that exists', async () => {
    const doc = (await rawCall(PLATFORM, '/api/openapi.json')).json as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const ids = new Set(Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId)));
    for (const id of Object.keys(NO_PAGE)) expect(ids, id).toContain(id);
  });
});
