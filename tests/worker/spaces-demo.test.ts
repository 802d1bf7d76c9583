import { describe, expect, it, vi } from 'vitest';
import { withinOpeningHours } from '../../worker/community/bookings/rules';
import { bodyOf, client, expectStatus, PLATFORM, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

describe('the demo seed books the shared spaces', () => {
  it('with valid bookings: people within capacity, inside opening hours, and no resident named to visitors', async () => {
    expectStatus(await read(client(PLATFORM).api.dev.seed.$post()), 200);
    const host = 'cuizhuyuan.localhost';
    const visitor = client(host).api;
    const member = client(host, await signIn('demo-resident', host, '王小雨')).api;
    const { spaces } = bodyOf(await read(visitor.spaces.$get()), 200);
    const db = await tenantD1('cuizhuyuan');
    const { results: names } = await db.prepare('SELECT display_name AS name FROM members').all<{ name: string }>();
    const { results: stored } = await db
      .prepare('SELECT space_id AS spaceId, people, starts_at AS startsAt, ends_at AS endsAt FROM bookings WHERE status = ?')
      .bind('active')
      .all<{ spaceId: number; people: number | null; startsAt: string; endsAt: string }>();
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const b of stored) {
      const space = spaces.find((s) => s.id === b.spaceId)!;
      expect(b.people).toBeGreaterThanOrEqual(1);
      expect(b.people).toBeLessThanOrEqual(space.capacity);
      expect(withinOpeningHours({ ...space, timeZone: 'Asia/Shanghai' }, b.startsAt, b.endsAt)).toBe(true);
    }

    let seen = 0;
    for (const space of spaces) {
      const param = { param: { id: String(space.id) }, query: {} };
      const anonymous = await read(visitor.spaces[':id'].bookings.$get(param));
      expectStatus(anonymous, 200);
      for (const { name } of names) expect(anonymous.text).not.toContain(name);
      const signedIn = bodyOf(await read(member.spaces[':id'].bookings.$get(param)), 200);
      expect(signedIn.bookings.map((b) => b.bookedBy)).toEqual(anonymous.json.bookings.map(() => expect.any(String)));
      seen += anonymous.json.bookings.length;
    }
    // The next four weeks show the chess game, the building meeting and the tennis club's Saturdays.
    expect(seen).toBeGreaterThanOrEqual(5);
  });
});
