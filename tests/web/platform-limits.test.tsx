import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Operator from '../../web/src/features/operator/operator';
import StartCommunity from '../../web/src/features/platform/start-community';
import type { Locale } from '../../web/src/i18n';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const site = { host: 'platform', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null };
const me = { userId: 'founder-1', name: '周明', platformRoles: ['operator'], member: null };

let calls: { method: string; path: string; body: unknown }[] = [];
let pool: Record<string, unknown>;
let signUpAnswer: Response;
let account: Record<string, unknown>;

beforeEach(() => {
  localStorage.clear();
  calls = [];
  pool = { total: 32, free: 7, used: 25, warnBelow: 5, low: false, shards: [{ shard: 'main', total: 32, free: 7, used: 25 }] };
  account = {
    userId: 'founder-1',
    maxCommunities: 3,
    isDefault: true,
    setBy: null,
    setAt: null,
    counted: 3,
    communities: [
      { slug: 'wutong', nameZh: '梧桐里', status: 'active', createdAt: '2026-11-01T02:00:00Z' },
      { slug: 'xiangzhang', nameZh: '香樟园', status: 'provisioning', createdAt: '2026-11-02T02:00:00Z' },
    ],
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      const body = request.method === 'GET' ? null : await request.json().catch(() => null);
      calls.push({ method: request.method, path, body });
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/operator/overview')
        return jsonResponse({
          pool,
          communities: [
            {
              slug: 'wutong',
              nameZh: '梧桐里',
              founderUserId: 'founder-1',
              status: 'active',
              step: 'active',
              databaseBinding: 'TENANT_DB_001',
              createdAt: '2026-11-01T02:00:00Z',
            },
          ],
          recent: [],
        });
      if (path === '/api/operator/metrics/runs/latest') return jsonResponse({ run: null });
      if (path === '/api/operator/consultants') return jsonResponse({ consultants: [] });
      if (path === '/api/operator/accounts/founder-1') return jsonResponse(account);
      if (path === '/api/operator/accounts/founder-1/community-limit' && request.method === 'PUT') {
        const max = (body as { maxCommunities: number | null }).maxCommunities;
        account = { ...account, maxCommunities: max ?? 3, isDefault: max === null, setBy: max === null ? null : 'demo-operator' };
        return jsonResponse(account);
      }
      if (path === '/api/communities' && request.method === 'POST') return signUpAnswer.clone();
      if (path.startsWith('/api/communities/')) return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe('operator page: the database pool warning', () => {
  it('warns, with the free count and the threshold, when the API says the pool is low', async () => {
    pool = { total: 32, free: 4, used: 28, warnBelow: 5, low: true, shards: [{ shard: 'main', total: 32, free: 4, used: 28 }] };
    render(withProviders(() => <Operator />));
    expect(await screen.findByText('空闲数据库只剩 4 个，少于预警线 5 个，请按运维手册扩充数据库池。')).toBeTruthy();
  });

  it('does not warn when the API says the pool is fine, whatever the free count', async () => {
    render(withProviders(() => <Operator />));
    expect(await screen.findByText('梧桐里')).toBeTruthy();
    expect(screen.queryByText(/空闲数据库只剩/)).toBeNull();
    // One Worker: no table of shards.
    expect(screen.queryByRole('table', { name: '各分区的数据库' })).toBeNull();
  });

  it('lists each shard’s free, used and total databases when the pool is split across shards', async () => {
    pool = {
      total: 8000,
      free: 3,
      used: 7997,
      warnBelow: 5,
      low: true,
      shards: [
        { shard: 'shard-1', total: 4000, free: 0, used: 4000 },
        { shard: 'shard-2', total: 4000, free: 3, used: 3997 },
      ],
    };
    render(withProviders(() => <Operator />));
    const table = await screen.findByRole('table', { name: '各分区的数据库' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows.slice(1)).toEqual(['shard-1040004000', 'shard-2339974000']);
  });
});

describe('operator page: community limit per account', () => {
  it("looks up a listed community's founder, raises the account's limit and returns it to the default", async () => {
    render(withProviders(() => <Operator />));
    fireEvent.click(await screen.findByRole('button', { name: '查看“梧桐里”创建者的社区上限' }));
    expect(await screen.findByText(/有 3 个创建中或运行中的社区，上限 3 个/)).toBeTruthy();
    expect(screen.getByText(/（默认上限）/)).toBeTruthy();
    expect(screen.getByText('香樟园 · xiangzhang · 创建中')).toBeTruthy();
    expect((screen.getByLabelText('用户 ID') as HTMLInputElement).value).toBe('founder-1');

    fireEvent.input(screen.getByLabelText('新的上限（0–1000）'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存上限' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
        path: '/api/operator/accounts/founder-1/community-limit',
        body: { maxCommunities: 5 },
      }),
    );
    expect(await screen.findByText(/上限 5 个/)).toBeTruthy();
    expect(screen.getByText(/由 demo-operator 于/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '恢复默认上限' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ maxCommunities: null }));
    expect(await screen.findByText(/（默认上限）/)).toBeTruthy();
  });

  it('looks up any account by user id', async () => {
    render(withProviders(() => <Operator />));
    await screen.findByText('梧桐里');
    fireEvent.input(screen.getByLabelText('用户 ID'), { target: { value: ' founder-1 ' } });
    fireEvent.click(screen.getByRole('button', { name: '查找账号' }));
    expect(await screen.findByText(/有 3 个创建中或运行中的社区/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'GET' && c.path === '/api/operator/accounts/founder-1')).toBe(true);
  });
});

/** Walks the wizard to its last step and submits it. */
async function submitWizard(locale: Locale) {
  storeSessionToken('founder-token');
  render(withProviders(() => <StartCommunity />, locale));
  const next = locale === 'en' ? 'Next' : '下一步';
  for (let i = 0; i < 4; i++) fireEvent.click(await screen.findByRole('button', { name: next }));
  fireEvent.click(await screen.findByRole('button', { name: locale === 'en' ? 'Create the community' : '创建社区' }));
}

describe('start-community wizard: refusals about the account', () => {
  const limitReached = () =>
    jsonResponse({ error: { code: 'community_limit_reached', message: 'limit', details: { limit: 3, counted: 3 } } }, 409);

  it('explains the community limit in Chinese, with the count and the limit', async () => {
    signUpAnswer = limitReached();
    await submitWizard('zh-CN');
    expect(
      await screen.findByText(
        '你的账号已有 3 个创建中或运行中的社区，每个账号最多 3 个（已暂停的社区不计入）。如需创建更多，请联系平台运营人员为你的账号提高上限。',
      ),
    ).toBeTruthy();
  });

  it('and in English', async () => {
    signUpAnswer = limitReached();
    await submitWizard('en');
    expect(
      await screen.findByText(/Your account already has 3 communities being set up or active, and an account may have at most 3/),
    ).toBeTruthy();
  });

  it('says how long to wait when sign-ups are rate-limited, and keeps the answers', async () => {
    signUpAnswer = jsonResponse({ error: { code: 'rate_limited', message: 'Too many attempts', details: { retryAfterSeconds: 60 } } }, 429);
    await submitWizard('zh-CN');
    expect(await screen.findByText('创建社区的尝试太频繁了，请 60 秒后再试。你填写的内容都还在。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '创建社区' })).toBeTruthy();
  });
});
