import { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { communityRoles } from '../../worker/auth/roles';
import { client, createCommunity, errorOf, PLATFORM, type PublishedAccess, publishedAccess, rawCall, read, signIn } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const servedDocument = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ 'x-access': publishedAccess.optional() }))),
});

const standing = new Set(['public', 'signed-in', 'operator', 'consultant']);
const allowed = (access: PublishedAccess) => (typeof access.allow === 'string' ? [access.allow] : [...access.allow]);

/** Values for path parameters: objects that exist are not needed, since a role towards a missing object is not held. */
function fill(path: string) {
  return path
    .replace('{key}', 'owners-committee')
    .replace('{voter}', 'owners-committee')
    .replace('{handbook}', 'operating')
    .replace(/\{[a-zA-Z]+\}/g, '1');
}

let doc: z.infer<typeof servedDocument>;
beforeAll(async () => {
  doc = servedDocument.parse((await rawCall(PLATFORM, '/api/openapi.json')).json);
});

describe('every route declares its roles from one vocabulary', () => {
  it('names only known roles, and each body rule names a field and roles', () => {
    const known = new Set<string>([...standing, ...communityRoles]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const access = op['x-access'];
        expect(access, `${method} ${path}`).toBeDefined();
        for (const role of allowed(access!)) expect(known.has(role), `${method} ${path}: ${role}`).toBe(true);
        const rule = access!.body;
        if (rule) {
          const roles = 'is' in rule ? Object.values(rule.is).flat() : [...rule.allow, ...(rule.otherwise ?? [])];
          for (const role of roles) expect(known.has(role), `${method} ${path}: ${role}`).toBe(true);
        }
      }
    }
  });
});

describe('a plain member is refused every route that needs a finer role', () => {
  it('answers 403 with the roles named, before anything is read or written', async () => {
    const c = await createCommunity(`founder-${crypto.randomUUID().slice(0, 8)}`);
    const token = await signIn(`plain-${crypto.randomUUID().slice(0, 8)}`, c.host, '普通居民');
    expect(
      (await read(client(c.host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '普通居民' } }))).status,
    ).toBe(201);
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const access = op['x-access']!;
        if (access.host !== 'community') continue;
        const roles = allowed(access);
        const finer = !roles.some((r) => standing.has(r) || r === 'member');
        const bodies: unknown[] = [];
        if (finer) bodies.push({});
        const rule = access.body;
        if (rule && 'is' in rule) for (const value of Object.keys(rule.is)) bodies.push({ [rule.field]: value });
        if (rule && !('is' in rule)) {
          bodies.push({ [rule.field]: 1 });
          if (rule.otherwise && !rule.otherwise.includes('member')) bodies.push({});
        }
        for (const body of bodies) {
          const get = method === 'get';
          const res = await rawCall(c.host, fill(path), { method: method.toUpperCase(), body: get ? undefined : body, token });
          expect(res.status, `${method.toUpperCase()} ${path} ${JSON.stringify(body)}: ${res.text}`).toBe(403);
          expect(errorOf(res.json).code).toBe('forbidden');
          checked.push(`${method} ${path}`);
        }
      }
    }
    // The finer roles are really in use: committees, meetings, clubs, activities, parties, buildings, bookings, issues.
    expect(new Set(checked).size).toBeGreaterThan(30);
    console.log(`role sweep: ${checked.length} refused requests over ${new Set(checked).size} operations`);
  });
});
