import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS, monthsUpTo } from '../../worker/metrics/definitions';
import { HEADLINE_KEYS, LIST_ORDERS, type ListOrder } from '../../worker/metrics/list-rules';
import { bodyOf, client, expectStatus, PLATFORM, rawCall, read, signIn } from './helpers';

// The list reads the platform database only, so the communities here are platform rows with a snapshot each:
// enough of them, with ties and missing figures, to cross several pages in every order.
const stamp = crypto.randomUUID().slice(0, 8);
const consultant = `list-consultant-${stamp}`;
const other = `list-other-${stamp}`;
const [latestComplete] = monthsUpTo(new Date(), 2) as [string, string];

interface Fixture {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  city: string;
  grantedAt: string;
  /** null: no snapshot for the latest complete month. */
  computedAt: string | null;
  participation: number | null;
}

const names = ['梅园新村', '翠竹园', '百家湖', '龙江小区', '南湖', 'Garden 50%_off'];
const fixtures: Fixture[] = Array.from({ length: 47 }, (_, i) => ({
  id: `${stamp}-${String(46 - i).padStart(3, '0')}`,
  slug: `list-${stamp}-${String(i).padStart(3, '0')}`,
  nameZh: `${names[i % names.length]}${i}`,
  nameEn: i % 4 === 0 ? `Plum Garden ${i}` : null,
  city: i % 3 === 0 ? '苏州' : '南京',
  // Every fifth grant shares its time with the one before, so the id has to break ties.
  grantedAt: `2026-0${1 + (i % 9)}-${String(10 + Math.floor(i / 5)).padStart(2, '0')}T08:00:00.000Z`,
  computedAt: i % 7 === 3 ? null : `2026-11-${String(1 + (i % 11)).padStart(2, '0')}T03:17:00.000Z`,
  // Values repeat (ties) and some are missing (null), either as a null figure or with no snapshot at all.
  participation: i % 7 === 3 || i % 6 === 1 ? null : [0.1, 0.25, 0.25, 0.5, 0.05][i % 5]!,
}));
/** Communities that must never be listed: suspended, revoked, and granted to someone else. */
const hidden = ['suspended', 'revoked', 'others'].map((kind) => ({ id: `${stamp}-x-${kind}`, slug: `list-${stamp}-梅-${kind}`, kind }));

function insertCommunity(id: string, slug: string, nameZh: string, nameEn: string | null, city: string, status = 'active') {
  return env.PLATFORM_DB.prepare(
    `INSERT INTO communities (id, slug, name_zh, name_en, status, provision_step, setup, template_key, template_version, founder_user_id)
     VALUES (?, ?, ?, ?, ?, 'active', ?, 'cuizhuyuan', 1, 'list-founder')`,
  ).bind(id, slug, nameZh, nameEn, status, JSON.stringify({ city }));
}

const grant = (communityId: string, userId: string, grantedAt: string, revokedAt: string | null = null) =>
  env.PLATFORM_DB.prepare(
    'INSERT INTO consultant_grants (community_id, consultant_user_id, granted_by, granted_at, revoked_at) VALUES (?, ?, ?, ?, ?)',
  ).bind(communityId, userId, 'admin', grantedAt, revokedAt);

beforeAll(async () => {
  await env.PLATFORM_DB.batch([
    env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant'), (?, 'consultant')").bind(
      consultant,
      other,
    ),
    ...fixtures.flatMap((f) => [
      insertCommunity(f.id, f.slug, f.nameZh, f.nameEn, f.city),
      grant(f.id, consultant, f.grantedAt),
      ...(f.computedAt === null
        ? []
        : [
            env.PLATFORM_DB.prepare('INSERT INTO metric_snapshots (community_id, month, figures, computed_at) VALUES (?, ?, ?, ?)').bind(
              f.id,
              latestComplete,
              JSON.stringify({ values: { households: 800, householdParticipation: f.participation, members: 12 }, rules: {} }),
              f.computedAt,
            ),
          ]),
    ]),
    ...hidden.map((h) => insertCommunity(h.id, h.slug, `梅园${h.kind}`, null, '南京', h.kind === 'suspended' ? 'suspended' : 'active')),
    grant(hidden[0]!.id, consultant, '2026-12-01T00:00:00.000Z'),
    grant(hidden[1]!.id, consultant, '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'),
    grant(hidden[2]!.id, other, '2026-12-01T00:00:00.000Z'),
  ]);
});

let token: string;
const list = async (query: { q?: string; order?: ListOrder; cursor?: string; limit?: string }, as = consultant) => {
  token ??= await signIn(consultant);
  return read(client(PLATFORM, as === consultant ? token : await signIn(as)).api.consultant.communities.$get({ query }));
};

/** Every page of one order and search, following the cursors. */
async function walk(order: ListOrder, q?: string, limit = '9') {
  const slugs: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let total = -1;
  do {
    const page = bodyOf(await list({ order, q, cursor, limit }), 200);
    expect(page.communities.length).toBeLessThanOrEqual(Number(limit));
    total = page.total;
    slugs.push(...page.communities.map((c) => c.slug));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return { slugs, total, pages };
}

/** The order the list promises, worked out here from the fixtures: best first, missing last, id breaking ties. */
function expectedOrder(order: ListOrder, rows = fixtures): string[] {
  const byId = (a: Fixture, b: Fixture) => (a.id < b.id ? -1 : 1);
  const missingLast = (x: unknown, y: unknown) => (x === null ? 1 : 0) - (y === null ? 1 : 0);
  const sorted = [...rows].sort((a, b) => {
    if (order === 'name') return a.slug < b.slug ? -1 : 1;
    if (order === 'granted') return a.grantedAt === b.grantedAt ? byId(a, b) : a.grantedAt < b.grantedAt ? 1 : -1;
    if (order === 'computed') {
      if (a.computedAt === null || b.computedAt === null) return missingLast(a.computedAt, b.computedAt) || byId(a, b);
      return a.computedAt === b.computedAt ? byId(a, b) : a.computedAt < b.computedAt ? 1 : -1;
    }
    const value = (f: Fixture) =>
      f.computedAt === null
        ? null
        : order === 'householdParticipation'
          ? f.participation
          : order === 'households'
            ? 800
            : order === 'members'
              ? 12
              : null;
    const x = value(a);
    const y = value(b);
    if (x === null || y === null || x === y) return missingLast(x, y) || byId(a, b);
    return METRICS.find((m) => m.key === order)?.higherIsBetter === false ? x - y : y - x;
  });
  return sorted.map((f) => f.slug);
}

describe('the consultant’s list, a page at a time', () => {
  it('walks every order page by page: each granted community once, none missing, in the promised order', async () => {
    for (const order of LIST_ORDERS) {
      const { slugs, total, pages } = await walk(order);
      expect(total, order).toBe(fixtures.length);
      expect(pages, order).toBe(Math.ceil(fixtures.length / 9));
      expect(slugs, order).toEqual(expectedOrder(order));
    }
  });

  it('never lists a community that is suspended, revoked its grant, or granted someone else', async () => {
    const { slugs, total } = await walk('name', '梅', '50');
    expect(total).toBe(fixtures.filter((f) => f.nameZh.includes('梅')).length);
    for (const h of hidden) expect(slugs).not.toContain(h.slug);
    const others = bodyOf(await list({}, other), 200);
    expect(others.communities.map((c) => c.slug)).toEqual([hidden[2]!.slug]);
  });

  it('searches Chinese and English names, the address and the city, paging within the search', async () => {
    const matching = (test: (f: Fixture) => boolean) => expectedOrder('name', fixtures.filter(test));
    expect((await walk('name', '梅园', '3')).slugs).toEqual(matching((f) => f.nameZh.includes('梅园')));
    expect((await walk('name', 'plum garden')).slugs).toEqual(matching((f) => f.nameEn !== null));
    expect((await walk('name', `${stamp}-01`)).slugs).toEqual(matching((f) => f.slug.includes(`${stamp}-01`)));
    expect((await walk('granted', '苏州', '4')).slugs).toEqual(
      expectedOrder(
        'granted',
        fixtures.filter((f) => f.city === '苏州'),
      ),
    );
    // LIKE's wildcards are taken literally.
    expect((await walk('name', '50%_')).slugs).toEqual(matching((f) => f.nameZh.includes('50%_')));
    expect((await walk('name', '不存在的小区')).slugs).toEqual([]);
  });

  it('sends the headline figures and rule scores only', async () => {
    const page = bodyOf(await list({ order: 'householdParticipation', limit: '1' }), 200);
    const first = page.communities[0]!;
    expect(first.headline?.values).toEqual(
      Object.fromEntries(
        HEADLINE_KEYS.map((k) => [k, k === 'households' ? 800 : k === 'members' ? 12 : k === 'householdParticipation' ? 0.5 : null]),
      ),
    );
    expect(Object.values(first.headline!.scores).every((s) => s === 0)).toBe(true);
    expect(page.definitions.metrics.length).toBeGreaterThan(15);
  });

  it('refuses a cursor it did not hand out for this order and search with 400, naming the cursor', async () => {
    const first = bodyOf(await list({ order: 'granted', limit: '5' }), 200);
    const cursor = first.nextCursor!;
    const encode = (value: unknown) => btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const decoded = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    for (const [what, query] of [
      ['garbage', { order: 'granted', cursor: 'not-a-cursor!' }],
      ['not JSON', { order: 'granted', cursor: encode('x').slice(1) }],
      ['another order', { order: 'name', cursor }],
      ['another search', { order: 'granted', q: '梅园', cursor }],
      ['a key of the wrong kind', { order: 'granted', cursor: encode({ ...decoded, k: [1, 2] }) }],
      ['a key too long', { order: 'granted', cursor: encode({ ...decoded, k: [...decoded.k, 'x'] }) }],
      ['a null flag that is neither 0 nor 1', { order: 'computed', cursor: encode({ o: 'computed', q: '', k: [7, '', 'x'] }) }],
    ] as const) {
      const res = await list(query);
      expectStatus(res, 400);
      expect(JSON.stringify(res.json), what).toContain('cursor');
    }
    // The cursor as handed out still works.
    expectStatus(await list({ order: 'granted', cursor }), 200);
  });

  it('refuses an unknown order, a page over 50 and a search over 64 characters', async () => {
    token ??= await signIn(consultant);
    for (const path of [
      '/api/consultant/communities?order=population',
      '/api/consultant/communities?limit=51',
      '/api/consultant/communities?limit=0',
      `/api/consultant/communities?q=${'梅'.repeat(65)}`,
    ]) {
      expect((await rawCall(PLATFORM, path, { token })).status, path).toBe(400);
    }
  });

  it('is the consultant’s alone: signed out 401, another role 403', async () => {
    expect((await rawCall(PLATFORM, '/api/consultant/communities')).status).toBe(401);
    expect((await rawCall(PLATFORM, '/api/consultant/communities', { token: await signIn(`list-nobody-${stamp}`) })).status).toBe(403);
  });
});
