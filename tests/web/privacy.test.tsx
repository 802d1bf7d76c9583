import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Join from '../../web/src/features/members/join';
import MyPrivacy from '../../web/src/features/privacy/my-privacy';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

let calls: { method: string; path: string; body: unknown }[] = [];
let member: { id: number; displayName: string; roles: [] } | null = null;
const items = (given: string[]) =>
  ['children', 'care', 'phone'].map((item) => ({
    item,
    given: given.includes(item),
    givenAt: given.includes(item) ? '2026-12-01T02:00:00Z' : null,
    withdrawnAt: null,
  }));
let mine = {
  currentVersion: 2,
  agreedVersion: 1,
  agreedAt: '2026-11-01T02:00:00Z',
  needsAgreement: true,
  changes: [{ version: 2, summaryZh: '新增照片的保存期限', summaryEn: 'Photos' }],
  items: items([]),
};

beforeEach(() => {
  calls = [];
  member = null;
  mine = { ...mine, agreedVersion: 1, needsAgreement: true, items: items([]) };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      const body = request.method === 'GET' ? undefined : await request.json();
      if (request.method !== 'GET') calls.push({ method: request.method, path, body });
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/me') return jsonResponse({ userId: 'u1', name: '陈新邻', platformRoles: [], member, application: null });
      if (path === '/api/community')
        return jsonResponse({ name: { zh: '平治', en: 'Pingzhi' }, joinPolicy: 'open', buildings: [], parties: [] });
      if (path === '/api/privacy/notice')
        return jsonResponse({
          version: 2,
          textZh: '# 平治 隐私告知\n\n我们保存你的名字。',
          textEn: '# Pingzhi privacy notice',
          contact: '周会长',
          summaryZh: '',
          summaryEn: '',
          publishedAt: '2026-12-01T02:00:00Z',
        });
      if (path === '/api/members/me' && request.method === 'POST')
        return jsonResponse(
          { id: 7, displayName: '陈新邻', buildingId: null, joinedAt: '2026-12-02T02:00:00Z', status: 'active', roles: [] },
          201,
        );
      if (path === '/api/privacy/me') return jsonResponse(mine);
      if (path === '/api/privacy/me/agreement') {
        mine = { ...mine, agreedVersion: 2, needsAgreement: false, changes: [] };
        return jsonResponse(mine);
      }
      if (path.startsWith('/api/privacy/me/items/')) {
        const item = path.split('/').pop() ?? '';
        mine = { ...mine, items: items((body as { given: boolean }).given ? [item] : []) };
        return jsonResponse(mine);
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

describe('the privacy consent on the join form', () => {
  it('will not join until the notice is agreed to, then sends its version and the items ticked', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <Join />));
    fireEvent.input(await screen.findByLabelText('你希望邻居怎么称呼你'), { target: { value: '陈新邻' } });
    await screen.findByText('阅读全文（第 2 版）');
    // The full notice unfolds in place, rendered from Markdown.
    expect(screen.getByRole('heading', { name: '平治 隐私告知' })).toBeTruthy();
    const submit = screen.getByRole('button', { name: '加入' });
    fireEvent.submit(submit.closest('form')!);
    expect(await screen.findByText('请先勾选同意《隐私告知》。')).toBeTruthy();
    expect(calls).toEqual([]);
    const agree = screen.getByLabelText('我已阅读并同意《隐私告知》') as HTMLInputElement;
    expect(agree.required).toBe(true);
    fireEvent.click(agree);
    fireEvent.click(screen.getByLabelText('电话号码'));
    fireEvent.click(screen.getByLabelText('子女信息'));
    fireEvent.submit(submit.closest('form')!);
    await waitFor(() =>
      expect(calls).toEqual([
        {
          method: 'POST',
          path: '/api/members/me',
          body: { displayName: '陈新邻', privacyNoticeVersion: 2, sensitiveItems: ['children', 'phone'] },
        },
      ]),
    );
    expect(screen.queryByText('请先勾选同意《隐私告知》。')).toBeNull();
  });
});

describe('我的隐私', () => {
  it('asks to agree to the new version, and gives and withdraws a separate consent', async () => {
    member = { id: 7, displayName: '陈新邻', roles: [] };
    storeSessionToken('test-token');
    render(withProviders(() => <MyPrivacy />));
    expect(await screen.findByText('《隐私告知》已更新到第 2 版')).toBeTruthy();
    expect(screen.getByText(/新增照片的保存期限/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '我已阅读并同意第 2 版' }));
    expect(await screen.findByText('谢谢，已记录你的同意。')).toBeTruthy();
    expect(calls[0]).toEqual({ method: 'POST', path: '/api/privacy/me/agreement', body: { noticeVersion: 2 } });

    expect(screen.getByTestId('item-children-state').textContent).toBe('未同意');
    fireEvent.click(screen.getAllByRole('button', { name: '同意' })[0]!);
    await waitFor(() => expect(screen.getByTestId('item-children-state').textContent).toMatch(/^已同意/));
    expect(calls[1]).toEqual({ method: 'PUT', path: '/api/privacy/me/items/children', body: { given: true } });
    // How to have existing data erased is said on the page.
    expect(screen.getByText(/撤回同意后，新的相关信息不再保存，但已有信息不会自动删除/)).toBeTruthy();
  });
});
