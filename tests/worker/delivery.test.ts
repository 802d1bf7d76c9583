import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { handleDeliveryMessage } from '../../worker/community/notifications/delivery-queue';
import type { Senders } from '../../worker/community/notifications/senders';
import { wallClock } from '../../worker/community/profile/rules';
import { as, type Person, resident, sharedCommunity } from './community-fixtures';
import { errorOf, expectStatus, rawCall, read, tenantD1 } from './helpers';

/** Instants on the community's clock (Asia/Shanghai), counted from today there. */
const today = wallClock(Date.now(), 'Asia/Shanghai').date;
const shanghai = (dayOffset: number, hhmm: string) => new Date(Date.parse(`${today}T${hhmm}:00+08:00`) + dayOffset * 86_400_000);

interface OutboxRow {
  id: number;
  key: string;
  member_id: number;
  channel: string;
  subject: string;
  body: string;
  items: number;
  status: string;
  not_before: string;
}

describe('delivery of notifications by email, push and digests', () => {
  const c = sharedCommunity();

  async function communityId() {
    const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(c().slug).first<{ id: string }>();
    return row!.id;
  }
  const origin = () => `http://${c().host}`;
  const deliver = async (at: Date, via?: Senders) =>
    handleDeliveryMessage(env, { type: 'deliver', communityId: await communityId(), origin: origin() }, at, via);

  async function notify(who: Person, kind: string, text: string, link = '/activities/1') {
    const d1 = await tenantD1(c().slug);
    await d1
      .prepare('INSERT INTO notifications (member_id, kind, link, text_zh, text_en) VALUES (?, ?, ?, ?, ?)')
      .bind(who.id, kind, link, text, `${text} (en)`)
      .run();
  }
  async function outboxOf(who: Person) {
    const d1 = await tenantD1(c().slug);
    return (await d1.prepare('SELECT * FROM outbox WHERE member_id = ? ORDER BY id').bind(who.id).all<OutboxRow>()).results;
  }
  async function routingOf(who: Person) {
    const d1 = await tenantD1(c().slug);
    return (
      await d1.prepare('SELECT delivery, digest_key FROM notifications WHERE member_id = ? ORDER BY id').bind(who.id).all<{
        delivery: string | null;
        digest_key: string | null;
      }>()
    ).results;
  }
  async function settle(who: Person, json: Parameters<ReturnType<typeof as>['me']['notification-settings']['$put']>[0]['json']) {
    const res = await read(as(c().host, who).me['notification-settings'].$put({ json }));
    expectStatus(res, 200);
    return res.json;
  }

  it('shows each kind with its default cadence, and refuses bad settings naming the field', async () => {
    const r = await resident(c().host, '设置测试');
    const view = await read(as(c().host, r).me['notification-settings'].$get());
    expectStatus(view, 200);
    expect(view.json.preferences.find((p) => p.kind === 'activity.waitlist-promoted')).toMatchObject({
      cadence: 'immediate',
      chosen: false,
    });
    expect(view.json.preferences.find((p) => p.kind === 'meeting.minutes-published')).toMatchObject({ cadence: 'daily', chosen: false });
    const badEmail = await read(as(c().host, r).me['notification-settings'].$put({ json: { email: 'not-an-address' } }));
    expect(badEmail.status).toBe(400);
    expect(errorOf(badEmail.json).details).toHaveProperty('email');
    const halfQuiet = await read(as(c().host, r).me['notification-settings'].$put({ json: { quietStart: '22:00' } }));
    expect(halfQuiet.status).toBe(400);
    const badKind = await rawCall(c().host, '/api/me/notification-settings', {
      method: 'PUT',
      token: r.token,
      body: { preferences: { 'no.such-kind': 'daily' } },
    });
    expect(badKind.status).toBe(400);
    const saved = await settle(r, {
      email: 'neighbour@example.org',
      quietStart: '22:00',
      quietEnd: '07:00',
      preferences: { 'meeting.minutes-published': 'weekly' },
    });
    expect(saved).toMatchObject({ email: 'neighbour@example.org', quietStart: '22:00', quietEnd: '07:00' });
    expect(saved.preferences.find((p) => p.kind === 'meeting.minutes-published')).toMatchObject({ cadence: 'weekly', chosen: true });
  });

  it('sends an urgent event at once by email, and nothing to someone who turned that kind off or has no channel', async () => {
    const eager = await resident(c().host, '马上知道');
    const off = await resident(c().host, '不想收');
    const offline = await resident(c().host, '没填邮箱');
    await settle(eager, { email: 'eager@example.org' });
    await settle(off, { email: 'off@example.org', preferences: { 'activity.waitlist-promoted': 'off' } });
    for (const who of [eager, off, offline]) await notify(who, 'activity.waitlist-promoted', '好消息：有空位了');
    const report = await deliver(shanghai(0, '15:00'));
    expect(report?.routed).toBeGreaterThanOrEqual(3);
    const [mail] = await outboxOf(eager);
    expect(mail).toMatchObject({ channel: 'email', status: 'sent', items: 1 });
    expect(mail!.subject).toContain('好消息：有空位了');
    expect(mail!.body).toContain(`${origin()}/activities/1`);
    expect(await outboxOf(off)).toEqual([]);
    expect(await outboxOf(offline)).toEqual([]);
    expect(await routingOf(off)).toEqual([{ delivery: 'off', digest_key: null }]);
    // The development mailbox shows what was sent.
    const box = await rawCall(c().host, '/api/dev/mailbox');
    expect(JSON.stringify(box.json)).toContain('eager@example.org');
  });

  it('holds a message back until quiet hours end, across midnight in the community’s time zone', async () => {
    const sleeper = await resident(c().host, '早睡的人');
    await settle(sleeper, { email: 'sleeper@example.org', quietStart: '22:00', quietEnd: '07:00' });
    await notify(sleeper, 'activity.cancelled', '活动取消了');
    await deliver(shanghai(0, '23:00'));
    const [held] = await outboxOf(sleeper);
    expect(held).toMatchObject({ status: 'pending' });
    expect(new Date(held!.not_before).getTime()).toBe(shanghai(1, '07:00').getTime());
    await deliver(shanghai(1, '06:59'));
    expect((await outboxOf(sleeper))[0]).toMatchObject({ status: 'pending' });
    await deliver(shanghai(1, '07:01'));
    expect((await outboxOf(sleeper))[0]).toMatchObject({ status: 'sent' });
  });

  it('gathers a day into one digest the next morning, grouped, and a second run sends nothing more', async () => {
    const reader = await resident(c().host, '看摘要的人');
    await settle(reader, { email: 'reader@example.org', preferences: { 'activity.waitlist-promoted': 'daily' } });
    await notify(reader, 'activity.waitlist-promoted', '候补转正了', '/activities/7');
    await notify(reader, 'meeting.minutes-published', '会议纪要发布了', '/meetings/3');
    await notify(reader, 'issue.moved', '你的议题已受理', '/issues/5');
    // The next 08:00 on the community's clock after the notifications were written (today's, if it is still night there).
    let morning = Date.parse(`${today}T08:00:00+08:00`);
    if (morning <= Date.now()) morning += 86_400_000;
    const at = (minutes: number) => new Date(morning + minutes * 60_000);
    const morningDate = wallClock(morning, 'Asia/Shanghai').date;
    await deliver(new Date());
    expect(await outboxOf(reader)).toEqual([]);
    // Not yet 08:00: no digest.
    await deliver(at(-30));
    expect(await outboxOf(reader)).toEqual([]);
    await deliver(at(5));
    const digests = await outboxOf(reader);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ key: `d:daily:${morningDate}:${reader.id}:email`, items: 3, status: 'sent' });
    const body = digests[0]!.body;
    expect(body.indexOf('活动与社团')).toBeLessThan(body.indexOf('会议与表态'));
    expect(body.indexOf('会议与表态')).toBeLessThan(body.indexOf('议题、决定与需求'));
    expect(body).toContain(`${origin()}/meetings/3`);
    await deliver(at(65));
    await deliver(at(125));
    expect(await outboxOf(reader)).toHaveLength(1);
    expect((await routingOf(reader)).every((r) => r.digest_key === `daily:${morningDate}`)).toBe(true);
  });

  it('never sends one outbox row twice, even when two runs race or a message is retried', async () => {
    const once = await resident(c().host, '只收一次');
    await settle(once, { email: 'once@example.org' });
    await notify(once, 'hours.to-confirm', '请确认志愿时长');
    let sent = 0;
    const counting: Senders = {
      email: async () => {
        sent++;
        await new Promise((r) => setTimeout(r, 20));
        return { ok: true };
      },
      push: async () => ({ ok: false, retry: false, error: 'none' }),
    };
    const at = shanghai(0, '16:00');
    await Promise.all([deliver(at, counting), deliver(at, counting), deliver(at, counting)]);
    await deliver(at, counting);
    expect((await outboxOf(once)).filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(sent).toBe(1);
  });

  it('retries a failed email later, and leaves a week-old notification in the app only', async () => {
    const flaky = await resident(c().host, '邮箱不稳');
    await settle(flaky, { email: 'flaky@example.org' });
    await notify(flaky, 'club.handover-offered', '请接手社团');
    const failing: Senders = {
      email: async () => ({ ok: false, retry: true, error: 'provider answered 503' }),
      push: async () => ({ ok: false, retry: false, error: 'none' }),
    };
    await deliver(shanghai(0, '16:10'), failing);
    const [row] = await outboxOf(flaky);
    expect(row).toMatchObject({ status: 'pending' });
    expect(new Date(row!.not_before).getTime()).toBeGreaterThan(shanghai(0, '16:10').getTime());
    await deliver(shanghai(0, '16:20'));
    expect((await outboxOf(flaky))[0]).toMatchObject({ status: 'sent' });

    const late = await resident(c().host, '旧消息');
    await settle(late, { email: 'late@example.org' });
    const d1 = await tenantD1(c().slug);
    await d1
      .prepare("INSERT INTO notifications (member_id, kind, text_zh, text_en, created_at) VALUES (?, 'activity.cancelled', '旧', 'old', ?)")
      .bind(late.id, new Date(Date.now() - 7 * 86_400_000).toISOString())
      .run();
    await deliver(shanghai(0, '16:30'));
    expect(await outboxOf(late)).toEqual([]);
    expect(await routingOf(late)).toEqual([{ delivery: 'stale', digest_key: null }]);
  });

  it('pushes to a subscribed device: the captured push decrypts to the message, with a valid VAPID signature', async () => {
    const phone = await resident(c().host, '有手机推送');
    const endpoint = await rawCall(c().host, '/api/dev/push-endpoints', { method: 'POST' });
    expect(endpoint.status).toBe(201);
    const subscription = endpoint.json as { endpoint: string; keys: { p256dh: string; auth: string } };
    const subscribed = await rawCall(c().host, '/api/me/push-subscriptions', { method: 'POST', token: phone.token, body: subscription });
    expect(subscribed.status).toBe(201);
    await notify(phone, 'activity.waitlist-promoted', '好消息：周六网球课有空位了', '/activities/9');
    await deliver(shanghai(0, '17:00'));
    const [push] = await outboxOf(phone);
    expect(push).toMatchObject({ channel: 'push', status: 'sent' });
    const url = new URL(subscription.endpoint);
    const got = await rawCall(url.host, url.pathname);
    const [message] = (got.json as { messages: { payload: { title: string; body: string; url: string }; vapidValid: boolean }[] }).messages;
    expect(message?.vapidValid).toBe(true);
    expect(message?.payload.title).toContain('好消息：周六网球课有空位了');
    expect(message?.payload.url).toBe(`${origin()}/activities/9`);
  });
});
