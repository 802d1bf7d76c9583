import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsentPanel } from '../../web/src/features/consent/consent-panel';
import { jsonResponse, withProviders } from './render';

let calls: { method: string; path: string; body: unknown }[] = [];
const objection = {
  id: 5,
  objector: { id: 2, displayName: '副会长小林' },
  reason: '场地冲突',
  raisedAt: '2026-12-01T02:00:00Z',
  resolvedAt: null,
  resolution: null,
};

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      const body = request.method === 'GET' ? undefined : await request.json().catch(() => undefined);
      if (request.method !== 'GET') calls.push({ method: request.method, path, body });
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/me') return jsonResponse({ userId: 'u1', name: 'x', platformRoles: [], member: null, application: null });
      if (path === '/api/clubs/9/consent')
        return jsonResponse({
          rule: 'consent',
          days: 3,
          window: {
            status: 'blocked',
            openedAt: '2026-12-01T00:00:00Z',
            windowStart: '2026-12-01T00:00:00Z',
            deadline: '2026-12-04T00:00:00Z',
            approvedAt: null,
            asked: [
              { id: 1, displayName: '会长老周' },
              { id: 2, displayName: '副会长小林' },
            ],
            objections: [objection],
          },
        });
      return jsonResponse({ id: 6, ok: true }, request.method === 'POST' && path.endsWith('/objections') ? 201 : 200);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the consent window', () => {
  it('shows who was asked and the objection; an administrator objects with a reason', async () => {
    render(withProviders(() => <ConsentPanel kind="clubs" id={9} admin memberId={1} />));
    expect(await screen.findByText('有反对，待修改')).toBeTruthy();
    expect(screen.getByText('会长老周、副会长小林')).toBeTruthy();
    expect(screen.getByText(/场地冲突/)).toBeTruthy();
    // Not the objector: no Withdraw.
    expect(screen.queryByRole('button', { name: '撤回反对' })).toBeNull();
    fireEvent.input(screen.getByLabelText('反对理由'), { target: { value: '经费来源不清楚' } });
    fireEvent.click(screen.getByRole('button', { name: '提出反对' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'POST', path: '/api/clubs/9/objections', body: { reason: '经费来源不清楚' } }]));
  });

  it('the objector withdraws; a resident sees the window without the form', async () => {
    render(withProviders(() => <ConsentPanel kind="clubs" id={9} admin={false} memberId={2} />));
    fireEvent.click(await screen.findByRole('button', { name: '撤回反对' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'POST', path: '/api/clubs/9/objections/5/withdraw', body: undefined }]));
    expect(screen.queryByLabelText('反对理由')).toBeNull();
  });
});
