import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Join from '../../web/src/features/members/join';
import { PendingMembers } from '../../web/src/features/members/pending-members';
import { JoiningSettings } from '../../web/src/features/settings/joining-settings';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

type Application = { status: 'pending' | 'declined'; displayName: string; buildingId: number | null; appliedAt: string } | null;

let calls: { method: string; path: string; body: unknown }[] = [];
let settings = { joinPolicy: 'open', organiserNamesPublic: false, figuresForMembers: false, timeZone: 'Asia/Shanghai' };
let application: Application = null;
let joinPolicy = 'open';
/** Set to hold the privacy notice back until the test releases it, as a slow network would. */
let noticeHeld: Promise<void> | null = null;
let pending = [{ id: 7, displayName: '陈新邻', buildingId: 1, buildingName: '1栋', appliedAt: '2026-12-01T02:00:00Z' }];

beforeEach(() => {
  calls = [];
  settings = { joinPolicy: 'open', organiserNamesPublic: false, figuresForMembers: false, timeZone: 'Asia/Shanghai' };
  application = null;
  joinPolicy = 'open';
  noticeHeld = null;
  pending = [{ id: 7, displayName: '陈新邻', buildingId: 1, buildingName: '1栋', appliedAt: '2026-12-01T02:00:00Z' }];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      const body = request.method === 'GET' ? undefined : await request.json();
      if (request.method !== 'GET') calls.push({ method: request.method, path, body });
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/me') return jsonResponse({ userId: 'u1', name: '陈新邻', platformRoles: [], member: null, application });
      if (path === '/api/community')
        return jsonResponse({ name: { zh: '平治', en: 'Pingzhi' }, joinPolicy, buildings: [{ id: 1, name: '1栋' }], parties: [] });
      if (path === '/api/community/settings' && request.method === 'PATCH') {
        const change = body as { timeZone?: string };
        if (change.timeZone === 'Mars/Base')
          return jsonResponse(
            { error: { code: 'validation_failed', message: 'Invalid input: timeZone', details: { timeZone: ['x'] } } },
            400,
          );
        settings = { ...settings, ...(body as object) };
        return jsonResponse(settings);
      }
      if (path === '/api/community/settings') return jsonResponse(settings);
      if (path === '/api/privacy/notice') {
        if (noticeHeld) await noticeHeld;
        return jsonResponse({
          version: 1,
          textZh: '# 平治 隐私告知',
          textEn: '# Pingzhi privacy notice',
          contact: '周会长',
          summaryZh: '',
          summaryEn: '',
          publishedAt: '2026-12-01T02:00:00Z',
        });
      }
      if (path === '/api/buildings/1/pending-members' || path === '/api/members/pending') return jsonResponse({ pending });
      if (path === '/api/members/7/decision') {
        pending = [];
        return jsonResponse({ status: (body as { approve: boolean }).approve ? 'active' : 'declined' });
      }
      if (path === '/api/members/me' && request.method === 'POST') {
        application = { status: 'pending', displayName: '陈新邻', buildingId: 1, appliedAt: '2026-12-02T02:00:00Z' };
        return jsonResponse(
          { id: 7, displayName: '陈新邻', buildingId: 1, joinedAt: '2026-12-02T02:00:00Z', status: 'pending', roles: [] },
          201,
        );
      }
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe('the joining settings', () => {
  it('shows the current settings and saves the join policy, organisers’ names and time zone', async () => {
    render(withProviders(() => <JoiningSettings />));
    const open = (await screen.findByLabelText('开放：登录的居民可以直接加入')) as HTMLInputElement;
    expect(open.checked).toBe(true);
    fireEvent.click(screen.getByLabelText('需批准：由所在楼栋的联络人或互助会管理员批准'));
    fireEvent.click(screen.getByLabelText('向未登录的访客显示活动组织者和社团负责人的名字'));
    const zone = screen.getByLabelText('时区') as HTMLInputElement;
    expect(zone.value).toBe('Asia/Shanghai');
    fireEvent.input(zone, { target: { value: 'Asia/Urumqi' } });
    fireEvent.submit(zone.closest('form')!);
    await waitFor(() =>
      expect(calls).toEqual([
        {
          method: 'PATCH',
          path: '/api/community/settings',
          body: { joinPolicy: 'approval', organiserNamesPublic: true, figuresForMembers: false, timeZone: 'Asia/Urumqi' },
        },
      ]),
    );
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('marks the time zone the server refused', async () => {
    render(withProviders(() => <JoiningSettings />, 'en'));
    const zone = (await screen.findByLabelText('Time zone')) as HTMLInputElement;
    fireEvent.input(zone, { target: { value: 'Mars/Base' } });
    fireEvent.submit(zone.closest('form')!);
    expect(await screen.findByText('This time zone is not known; use an IANA name such as Asia/Shanghai.')).toBeTruthy();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('applications waiting for approval', () => {
  it("lists a building's applicants and approves one", async () => {
    render(withProviders(() => <PendingMembers buildingId={1} buildingName="1栋" />));
    expect(await screen.findByText(/陈新邻 · 1栋/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '批准陈新邻加入' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'POST', path: '/api/members/7/decision', body: { approve: true } }]));
    expect(await screen.findByText('陈新邻 已成为成员。')).toBeTruthy();
    expect(await screen.findByText('没有等待批准的申请。')).toBeTruthy();
  });

  it('declines one, from the list of every application', async () => {
    render(withProviders(() => <PendingMembers />, 'en'));
    fireEvent.click(await screen.findByRole('button', { name: 'Decline the application of 陈新邻' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'POST', path: '/api/members/7/decision', body: { approve: false } }]));
    expect(await screen.findByText('Declined the application of 陈新邻.')).toBeTruthy();
  });
});

describe('joining a community that approves its members', () => {
  it('says so before, and shows the waiting screen after applying', async () => {
    joinPolicy = 'approval';
    storeSessionToken('test-token');
    render(withProviders(() => <Join />));
    expect(await screen.findByText(/本社区的新成员需要所在楼栋的联络人或互助会管理员批准/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('你希望邻居怎么称呼你'), { target: { value: '陈新邻' } });
    await screen.findByText('阅读全文（第 1 版）');
    fireEvent.click(screen.getByLabelText('我已阅读并同意《隐私告知》'));
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('你的申请正在等待批准')).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/members/me', body: { displayName: '陈新邻', privacyNoticeVersion: 1 } });
    expect(screen.queryByRole('button', { name: '提交申请' })).toBeNull();
  });

  it('tells someone declined, and lets them apply again', async () => {
    joinPolicy = 'approval';
    application = { status: 'declined', displayName: '陈新邻', buildingId: 1, appliedAt: '2026-12-01T02:00:00Z' };
    storeSessionToken('test-token');
    render(withProviders(() => <Join />, 'en'));
    expect(await screen.findByText(/Your earlier application to join was not accepted/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Apply to join' })).toBeTruthy();
  });
});

describe('joining before the privacy notice has arrived', () => {
  it('waits for the notice and joins on its version, instead of ignoring the press', async () => {
    let release = () => {};
    noticeHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    storeSessionToken('test-token');
    render(withProviders(() => <Join />));
    fireEvent.input(await screen.findByLabelText('你希望邻居怎么称呼你'), { target: { value: '陈新邻' } });
    fireEvent.click(screen.getByLabelText('我已阅读并同意《隐私告知》'));
    fireEvent.click(screen.getByRole('button', { name: '加入' }));
    // Nothing can be sent without the version agreed to; the form is busy rather than idle.
    await waitFor(() => expect((screen.getByRole('button', { name: '加入' }) as HTMLButtonElement).disabled).toBe(true));
    expect(calls).toEqual([]);
    release();
    await waitFor(() =>
      expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/members/me', body: { displayName: '陈新邻', privacyNoticeVersion: 1 } }),
    );
  });
});
