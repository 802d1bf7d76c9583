import { describe, expect, it } from 'vitest';
import { digestMessage, singleMessage } from '../../worker/community/notifications/messages';
import {
  defaultCadence,
  digestsDue,
  groupDigest,
  inQuietHours,
  minutesUntilQuietEnds,
  retryDelayMinutes,
  routeNotification,
} from '../../worker/community/notifications/rules';
import { wallClock } from '../../worker/community/profile/rules';

const hm = (h: number, m = 0) => h * 60 + m;

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };
  it('cross midnight: quiet from 22:00 to 06:59, awake at 07:00 and through the day', () => {
    expect(inQuietHours(hm(22), night)).toBe(true);
    expect(inQuietHours(hm(23, 59), night)).toBe(true);
    expect(inQuietHours(hm(0), night)).toBe(true);
    expect(inQuietHours(hm(6, 59), night)).toBe(true);
    expect(inQuietHours(hm(7), night)).toBe(false);
    expect(inQuietHours(hm(21, 59), night)).toBe(false);
  });
  it('within a day, and none when start equals end or there are none', () => {
    const nap = { start: '12:30', end: '14:00' };
    expect(inQuietHours(hm(13), nap)).toBe(true);
    expect(inQuietHours(hm(14), nap)).toBe(false);
    expect(inQuietHours(hm(3), { start: '08:00', end: '08:00' })).toBe(false);
    expect(inQuietHours(hm(3), null)).toBe(false);
  });
  it('says how long until they end, over midnight', () => {
    expect(minutesUntilQuietEnds(hm(23), { start: '22:00', end: '07:00' })).toBe(8 * 60);
    expect(minutesUntilQuietEnds(hm(6, 30), { start: '22:00', end: '07:00' })).toBe(30);
    expect(minutesUntilQuietEnds(hm(12), { start: '22:00', end: '07:00' })).toBe(0);
  });
  it('read on the community’s clock: the same instant is quiet in Shanghai and not in London', () => {
    const instant = '2026-12-03T15:30:00Z'; // 23:30 in Shanghai, 15:30 in London
    const night = { start: '22:00', end: '07:00' };
    expect(inQuietHours(wallClock(instant, 'Asia/Shanghai').minutes, night)).toBe(true);
    expect(inQuietHours(wallClock(instant, 'Europe/London').minutes, night)).toBe(false);
  });
});

describe('digests', () => {
  it('are due from 08:00: daily every day, weekly on Mondays, each named by its period', () => {
    expect(digestsDue({ date: '2026-12-03', minutes: hm(7, 59) })).toEqual([]);
    expect(digestsDue({ date: '2026-12-03', minutes: hm(8) })).toEqual([{ cadence: 'daily', key: 'daily:2026-12-03' }]);
    expect(digestsDue({ date: '2026-12-07', minutes: hm(9) })).toEqual([
      { cadence: 'daily', key: 'daily:2026-12-07' },
      { cadence: 'weekly', key: 'weekly:2026-12-07' },
    ]);
  });
  it('group what happened as the preferences list the kinds, oldest first within a group', () => {
    const at = (h: number) => `2026-12-02T0${h}:00:00Z`;
    const groups = groupDigest([
      { kind: 'issue.moved', text: 'c', link: null, createdAt: at(3) },
      { kind: 'activity.cancelled', text: 'b', link: null, createdAt: at(2) },
      { kind: 'activity.waitlist-promoted', text: 'a', link: null, createdAt: at(1) },
      { kind: 'something.new', text: 'z', link: null, createdAt: at(1) },
    ]);
    expect(groups.map((g) => g.group)).toEqual(['activities', 'issues', 'other']);
    expect(groups[0]!.items.map((i) => i.text)).toEqual(['a', 'b']);
  });
  it('read as one message with a heading per group and each item’s page', () => {
    const message = digestMessage(
      [
        { kind: 'meeting.minutes-published', text: '纪要发布了', link: '/meetings/3', createdAt: '2026-12-02T01:00:00Z' },
        { kind: 'activity.cancelled', text: '活动取消了', link: '/activities/2', createdAt: '2026-12-02T02:00:00Z' },
      ],
      'daily:2026-12-03',
      { community: '翠竹园', origin: 'https://cuizhuyuan.example', language: 'zh-CN' },
    );
    expect(message.subject).toBe('【翠竹园】每日摘要（2026-12-03）：2 条新消息');
    expect(message.body.indexOf('活动与社团')).toBeLessThan(message.body.indexOf('会议与表态'));
    expect(message.body).toContain('https://cuizhuyuan.example/meetings/3');
    const en = digestMessage([{ kind: 'activity.cancelled', text: 'Cancelled', link: null, createdAt: '' }], 'weekly:2026-11-30', {
      community: 'Cuizhuyuan',
      origin: 'https://c.example',
      language: 'en',
    });
    expect(en.subject).toBe('【Cuizhuyuan】Weekly digest (2026-11-30): 1 update');
  });
});

describe('routing one notification', () => {
  const now = new Date('2026-12-03T04:00:00Z');
  const fresh = { kind: 'activity.waitlist-promoted', createdAt: '2026-12-03T03:59:00Z', cadence: null, hasEmail: true, pushes: 1 };
  it('sends urgent kinds at once by every channel the member has, and the rest to the daily digest by default', () => {
    expect(routeNotification(fresh, now)).toEqual({ routing: 'immediate', channels: ['email', 'push'] });
    expect(routeNotification({ ...fresh, kind: 'meeting.minutes-published' }, now)).toEqual({
      routing: 'daily',
      channels: ['email', 'push'],
    });
    expect(defaultCadence('care.concern')).toBe('immediate');
  });
  it('follows the member’s choice, keeps it in the app when off or without a channel, and leaves stale ones', () => {
    expect(routeNotification({ ...fresh, cadence: 'weekly' }, now).routing).toBe('weekly');
    expect(routeNotification({ ...fresh, cadence: 'off' }, now).routing).toBe('off');
    expect(routeNotification({ ...fresh, hasEmail: false, pushes: 0 }, now).routing).toBe('off');
    expect(routeNotification({ ...fresh, createdAt: '2026-11-30T00:00:00Z' }, now).routing).toBe('stale');
  });
  it('backs off retries: 1, 4, 16 minutes', () => {
    expect([1, 2, 3].map(retryDelayMinutes)).toEqual([1, 4, 16]);
  });
  it('a single message names the community and links the page', () => {
    const m = singleMessage(
      { text: '好消息：有空位了', link: '/activities/9' },
      { community: '翠竹园', origin: 'https://c.example', language: 'zh-CN' },
    );
    expect(m.subject).toBe('【翠竹园】好消息：有空位了');
    expect(m.body).toContain('查看：https://c.example/activities/9');
    expect(m.body).toContain('https://c.example/notifications/settings');
  });
});
