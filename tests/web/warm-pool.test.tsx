import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WarmPool } from '../../web/src/features/operator/warm-pool';
import { jsonResponse, withProviders } from './render';

let posted: unknown[] = [];
let answer: { status: number; body: unknown };

beforeEach(() => {
  posted = [];
  answer = { status: 200, body: { template: 'cuizhuyuan@2', prepared: ['TENANT_DB_007', 'TENANT_DB_008'], failed: [] } };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'platform', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/operator/pool/prepare' && request.method === 'POST') {
        posted.push(await request.json());
        return jsonResponse(answer.body, answer.status);
      }
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('operator: databases prepared ahead', () => {
  it('shows how many are ready against the target, prepares the missing ones and says what happened', async () => {
    const refetch = vi.fn();
    render(withProviders(() => <WarmPool prepared={18} target={20} free={40} refetch={refetch} />));
    expect(await screen.findByText('已备好 18 个，目标 20 个')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '现在备好 2 个' }));
    expect(await screen.findByText('刚备好 2 个数据库，失败 0 个。')).toBeTruthy();
    expect(posted).toEqual([{ count: 2 }]);
    expect(refetch).toHaveBeenCalled();
  });

  it('offers nothing to prepare once the target is met, nor more than the free databases allow', async () => {
    render(withProviders(() => <WarmPool prepared={20} target={20} free={40} refetch={() => undefined} />));
    await screen.findByText('已备好 20 个，目标 20 个');
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    render(withProviders(() => <WarmPool prepared={1} target={20} free={3} refetch={() => undefined} />));
    expect(await screen.findByRole('button', { name: '现在备好 2 个' })).toBeTruthy();
  });

  it('shows the error when the operator may not prepare', async () => {
    answer = { status: 403, body: { error: { code: 'forbidden', message: 'Operators only' } } };
    render(withProviders(() => <WarmPool prepared={0} target={20} free={40} refetch={() => undefined} />));
    fireEvent.click(await screen.findByRole('button', { name: '现在备好 20 个' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText(/刚备好/)).toBeNull();
  });
});
