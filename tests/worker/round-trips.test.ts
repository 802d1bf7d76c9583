import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark's generator, without types.
import { generateCommunitySql } from '../../scripts/generate-community.mjs';
// @ts-expect-error: as above.
import { BENCH_CARE_COORDINATOR, BENCH_CARE_VOLUNTEER } from '../../scripts/generate-care.mjs';
// @ts-expect-error: as above.
import { BENCH_LIBRARIAN } from '../../scripts/generate-tools.mjs';
import { createCommunity, rawCall, signIn, tenantD1 } from './helpers';

/** The page API calls of `npm run bench` (scripts/bench-community.mjs), each with the role that calls it there. */
type Caller = 'visitor' | 'admin' | 'resident' | 'librarian' | 'coordinator' | 'volunteer';

describe('page APIs on a generated community', () => {
  it('each reads the community database in at most two round trips', { timeout: 600_000 }, async () => {
    const c = await createCommunity('trips-founder', { households: 300, buildings: 12 });
    const d1 = await tenantD1(c.slug);
    const sql: string = generateCommunitySql({ households: 300, clubs: 20, activities: 120, signups: 1200, postings: 1000 });
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    await d1.batch(['PRAGMA defer_foreign_keys = ON', ...statements].map((s) => d1.prepare(s)));

    const tokens: Record<Exclude<Caller, 'visitor'>, string> = {
      admin: c.founderToken,
      resident: await signIn('bench-user-17', c.host),
      librarian: await signIn(`bench-user-${BENCH_LIBRARIAN}`, c.host),
      coordinator: await signIn(`bench-user-${BENCH_CARE_COORDINATOR}`, c.host),
      volunteer: await signIn(`bench-user-${BENCH_CARE_VOLUNTEER}`, c.host),
    };
    const json = async (path: string) => (await rawCall(c.host, path)).json as Record<string, unknown>;
    const terms = (await json('/api/course-terms')).terms as { id: number }[];
    const term = terms.at(-2)?.id;
    const course = ((await json(`/api/course-terms/${term}`)).courses as { id: number }[])[5]?.id;
    const mark = ((await json('/api/library/titles/42')).copyList as { shelfMark: string }[])[0]?.shelfMark;
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

    const pages: [string, Caller][] = [
      ['/api/community', 'visitor'],
      ['/api/activities', 'visitor'],
      ['/api/me/overview', 'resident'],
      ['/api/clubs', 'visitor'],
      ['/api/clubs/7', 'visitor'],
      ['/api/activities/42', 'admin'],
      ['/api/ledger/funds', 'resident'],
      ['/api/ledger/funds/club:7/statement', 'resident'],
      ['/api/handbooks/operating', 'visitor'],
      ['/api/library/catalogue', 'visitor'],
      [`/api/library/catalogue?q=${encodeURIComponent('边城')}`, 'visitor'],
      ['/api/library/titles/42', 'resident'],
      [`/api/library/borrowers?q=${encodeURIComponent('居民17')}`, 'librarian'],
      [`/api/library/copies?mark=${mark}`, 'librarian'],
      ['/api/library/me', 'resident'],
      ['/api/library/borrowers/17/loans', 'librarian'],
      [`/api/library/roster?month=${month}`, 'resident'],
      ['/api/library/figures', 'resident'],
      ['/api/shop/statement', 'visitor'],
      ['/api/shop/statement?months=24', 'visitor'],
      ['/api/shop/items', 'resident'],
      ['/api/shop/desk/items', 'librarian'],
      ['/api/shop/settings', 'visitor'],
      ['/api/needs', 'visitor'],
      ['/api/needs', 'resident'],
      ['/api/needs/42', 'resident'],
      ['/api/course-terms', 'visitor'],
      [`/api/course-terms/${term}`, 'visitor'],
      [`/api/courses/${course}`, 'resident'],
      ['/api/course-timetable', 'resident'],
      ['/api/care/overview', 'coordinator'],
      ['/api/care-recipients/1', 'coordinator'],
      ['/api/care/time-bank', 'volunteer'],
      ['/api/partnerships', 'resident'],
      ['/api/programs/library', 'resident'],
      ['/api/programs/charity-shop', 'resident'],
      ['/api/programs/community-helps-community', 'resident'],
      ['/api/programs/university', 'resident'],
      ['/api/programs/elder-care', 'resident'],
    ];
    const measured: Record<string, string | number> = {};
    for (const [path, caller] of pages) {
      const token = caller === 'visitor' ? undefined : tokens[caller];
      const res = await rawCall(c.host, path, { token });
      measured[`${caller} ${path}`] = res.status === 200 ? Number(res.headers.get('x-d1-round-trips')) : `status ${res.status}`;
    }
    const over = Object.entries(measured).filter(([, trips]) => typeof trips !== 'number' || trips > 2);
    expect(over).toEqual([]);
  });
});
