import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCadence, eventGroups, eventKinds } from '../../worker/community/notifications/rules';
import { tomorrowAt0805 } from '../../web/src/features/notifications/dev-mailbox';
import NotificationSettings from '../../web/src/features/notifications/notification-settings';
import Notifications from '../../web/src/features/notifications/notifications';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const me = { userId: 'demo-resident', name: '王小雨', platformRoles: [], member: { id: 3, displayName: '王小雨', roles: [] } };
const settings = {
  email: 'xiaoyu@example.org',
  language: 'zh-CN',
  quietStart: null,
  quietEnd: null,
  preferences: eventKinds.map((kind) => ({ kind, cadence: defaultCadence(kind), chosen: false })),
  pushDevices: 0,
};
const notifications = {
  unread: 1,
  notifications: [
    {
      id: 1,
      kind: 'activity.waitlist-promoted',
      issueId: null,
      link: '/activities/12',
      textZh: '你已从候补转为正式报名：周六徒步',
      textEn: 'You moved up from the waitlist: Saturday hike',
      createdAt: '2026-12-01T02:00:00Z',
      readAt: null,
    },
    {
      id: 2,
      kind: 'issue.moved',
      issueId: 5,
      link: '/issues/5',
      textZh: '议题 #5 已受理',
      textEn: 'Issue #5 acknowledged',
      createdAt: '2026-12-01T01:00:00Z',
      readAt: '2026-12-01T03:00:00Z',
    },
  ],
};
let puts: unknown[] = [];

beforeEach(() => {
  puts = [];
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/me/notification-settings' && request.method === 'PUT') {
        puts.push(await request.json());
        return jsonResponse(settings);
      }
      if (path === '/api/me/notification-settings') return jsonResponse(settings);
      if (path === '/api/me/notifications') return jsonResponse(notifications);
      if (path === '/api/me/appointment-offers') return jsonResponse({ offers: [] });
      if (path === '/api/push/key') return jsonResponse({ publicKey: null });
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe('notification settings', () => {
  it('lists every kind under its group, each showing its default', async () => {
    render(withProviders(() => <NotificationSettings />));
    const activities = (await screen.findByText('活动', { selector: 'legend' })).closest('fieldset') as HTMLElement;
    const waitlist = within(activities).getByLabelText('候补转正');
    expect(waitlist).toHaveProperty('value', 'immediate');
    expect(within(activities).getAllByRole('combobox')).toHaveLength(eventGroups.activities.length);
    expect(document.querySelectorAll('select[name^="cadence:"]')).toHaveLength(eventKinds.length);
    expect(document.getElementById(screen.getByLabelText('议题进展').getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '（默认：每日摘要）',
    );
  });

  it('saves only the kinds whose cadence changed, with the email and language', async () => {
    render(withProviders(() => <NotificationSettings />));
    const waitlist = await screen.findByLabelText('候补转正');
    fireEvent.change(waitlist, { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('议题进展'), { target: { value: 'weekly' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      email: 'xiaoyu@example.org',
      language: 'zh-CN',
      quietStart: null,
      quietEnd: null,
      preferences: { 'activity.waitlist-promoted': 'off', 'issue.moved': 'weekly' },
    });
    expect((await screen.findByRole('status')).textContent).toContain('已保存');
  });

  it('asks for both ends of quiet hours before saving', async () => {
    render(withProviders(() => <NotificationSettings />));
    fireEvent.click(await screen.findByLabelText('设定免打扰时段'));
    fireEvent.input(screen.getByLabelText('结束'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请同时填写免打扰的开始和结束时间。');
    expect(puts).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('结束'), { target: { value: '07:00' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({ quietStart: '22:00', quietEnd: '07:00' });
  });
});

describe('notification centre', () => {
  it('opens a notification at its link, an issue at its page, and links to the settings', async () => {
    render(withProviders(() => <Notifications />));
    const open = await screen.findByRole('link', { name: '查看：你已从候补转为正式报名：周六徒步' });
    expect(open.getAttribute('href')).toBe('/activities/12');
    expect(screen.getByRole('link', { name: '查看议题 #5' }).getAttribute('href')).toBe('/issues/5');
    expect(screen.getByRole('link', { name: '通知设置' }).getAttribute('href')).toBe('/notifications/settings');
  });
});

describe('dev mailbox', () => {
  it('delivers as if at 08:05 tomorrow on the community’s clock', () => {
    expect(tomorrowAt0805(new Date('2026-12-03T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-05T00:05:00.000Z');
    expect(tomorrowAt0805(new Date('2026-12-03T10:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-04T00:05:00.000Z');
    expect(tomorrowAt0805(new Date('2026-03-07T12:00:00Z'), 'America/New_York')).toBe('2026-03-08T12:05:00.000Z');
  });
});
