import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClubReviseForm } from '../../web/src/features/clubs/club-revise-form';
import { SlotRequestForm } from '../../web/src/features/spaces/slot-request-form';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

vi.setConfig({ testTimeout: 20_000 });

const me = { userId: 'demo-resident', name: '王小雨', platformRoles: [], member: { id: 3, displayName: '王小雨', roles: [] } };
let sent: { method: string; path: string; body: unknown }[] = [];

beforeEach(() => {
  sent = [];
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/me') return jsonResponse(me);
      if (request.method !== 'GET') {
        sent.push({ method: request.method, path, body: await request.json() });
        return path.endsWith('slot-requests') ? jsonResponse({ issueId: 9 }, 201) : jsonResponse({ ok: true });
      }
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe('asking the federation for a regular slot', () => {
  it('sends the slot and the reason for the space, and says where the answer comes', async () => {
    render(withProviders(() => <SlotRequestForm spaceId={8} />));
    fireEvent.input(await screen.findByLabelText('想要的时段（如 周三 19:00–21:00）'), { target: { value: '周三 19:00–21:00' } });
    fireEvent.input(screen.getByLabelText('理由'), { target: { value: '书法社每周三练字，和棋友重叠' } });
    fireEvent.click(screen.getByRole('button', { name: '提交给联合会' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已提交'));
    expect(sent).toEqual([
      { method: 'POST', path: '/api/spaces/8/slot-requests', body: { slot: '周三 19:00–21:00', reason: '书法社每周三练字，和棋友重叠' } },
    ]);
  });
});

describe('revising a proposed club', () => {
  it('puts the changed proposal, starting from what was proposed', async () => {
    const run = vi.fn(async (call: () => Promise<unknown>) => {
      await call();
    });
    const club = { id: 5, name: '书法社', purpose: '周三晚上一起练字', meetingPattern: '每周三晚上' };
    render(withProviders(() => <ClubReviseForm club={club} run={run} />));
    const purpose = (await screen.findByLabelText('宗旨和活动内容')) as HTMLTextAreaElement;
    expect(purpose.value).toBe('周三晚上一起练字');
    fireEvent.input(purpose, { target: { value: '周三晚上一起练字，逢年节为邻居写春联' } });
    fireEvent.input(screen.getByLabelText('活动时间（可选）'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'PUT',
      path: '/api/clubs/5',
      body: { name: '书法社', purpose: '周三晚上一起练字，逢年节为邻居写春联', meetingPattern: null },
    });
  });
});
