import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tenantDb } from '../../worker/db/client';
import { deliverCommunity, SEND_PER_MESSAGE, sendOutbox } from '../../worker/community/notifications/delivery';
import type { Senders } from '../../worker/community/notifications/senders';
import { wallClock } from '../../worker/community/profile/rules';
import { countRoundTrips } from '../../worker/tenancy/round-trip-counter';
import { sharedCommunity } from './community-fixtures';
import { tenantD1 } from './helpers';

const HOUSEHOLDS = 3_000;
/** A Worker invocation may make 1,000 subrequests (D1 calls and fetches alike); leave room for everything else. */
const SUBREQUESTS = 1_000;

const today = wallClock(Date.now(), 'Asia/Shanghai').date;
const shanghai = (dayOffset: number, hhmm: string) => new Date(Date.parse(`${today}T${hhmm}:00+08:00`) + dayOffset * 86_400_000);

describe('a digest morning in a community of 3,000 households', () => {
  const c = sharedCommunity();

  it('is written in a few dozen database calls and fanned out so no invocation sends more than it may', { timeout: 120_000 }, async () => {
    const d1 = await tenantD1(c().slug);
    // 3,000 residents with an email address, each with three things for the daily digest.
    await d1.batch([
      d1.prepare(`INSERT INTO members (user_id, display_name, household)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${HOUSEHOLDS})
        SELECT 'scale:' || i, '居民' || i, 'flat-' || i FROM n`),
      d1.prepare(
        `INSERT INTO notification_settings (member_id, email) SELECT id, 'r' || id || '@example.org' FROM members WHERE user_id LIKE 'scale:%'`,
      ),
      d1.prepare(`INSERT INTO notifications (member_id, kind, link, text_zh, text_en, delivery, routed_at)
        SELECT m.id, k.kind, '/meetings/1', '会议纪要发布了', 'The minutes are out', 'daily', ${`'${shanghai(0, '12:00').toISOString()}'`}
          FROM members m CROSS JOIN (SELECT 'meeting.minutes-published' AS kind UNION ALL SELECT 'issue.moved' UNION ALL SELECT 'need.moved') k
         WHERE m.user_id LIKE 'scale:%'`),
    ]);
    const trips = { count: 0 };
    const db = tenantDb(countRoundTrips(d1, trips));
    const site = { nameZh: '大社区', nameEn: null, origin: 'http://big.localhost', timeZone: 'Asia/Shanghai' };
    const messages: number[][] = [];
    const started = Date.now();
    const report = await deliverCommunity(env, db, site, shanghai(1, '08:05'), async (chunks) => {
      messages.push(...chunks);
    });
    const buildMs = Date.now() - started;
    expect(report.digests).toBeGreaterThanOrEqual(HOUSEHOLDS);
    expect(report.fannedOut).toBeGreaterThanOrEqual(HOUSEHOLDS);
    // The run that writes the digests stays far inside an invocation's budget of calls.
    expect(trips.count).toBeLessThan(SUBREQUESTS / 10);
    expect(messages.every((m) => m.length <= SEND_PER_MESSAGE)).toBe(true);
    // sendBatch takes 100 messages per call: the queue calls are counted in the budget too.
    expect(trips.count + Math.ceil(messages.length / 100)).toBeLessThan(SUBREQUESTS);

    // One fanned-out message: its sends plus its database calls stay inside the budget.
    const sendTrips = { count: 0 };
    let fetches = 0;
    const counting: Senders = {
      email: async () => {
        fetches++;
        return { ok: true };
      },
      push: async () => ({ ok: false, retry: false, error: 'none' }),
    };
    await sendOutbox(env, tenantDb(countRoundTrips(d1, sendTrips)), site, messages[0]!, shanghai(1, '08:06'), counting);
    expect(fetches).toBe(messages[0]!.length);
    expect(sendTrips.count + fetches).toBeLessThan(SUBREQUESTS / 10);

    // Every household has exactly one digest, with its three items.
    const per = await d1
      .prepare(
        `SELECT count(*) AS n, min(items) AS least, max(items) AS most FROM outbox o JOIN members m ON m.id = o.member_id WHERE m.user_id LIKE 'scale:%'`,
      )
      .first<{ n: number; least: number; most: number }>();
    expect(per).toEqual({ n: HOUSEHOLDS, least: 3, most: 3 });
    console.log(
      `digest morning, ${HOUSEHOLDS} households: ${buildMs} ms, ${trips.count} database calls, ${messages.length} send messages of ≤ ${SEND_PER_MESSAGE}; one message: ${sendTrips.count} calls + ${fetches} sends`,
    );
  });
});
