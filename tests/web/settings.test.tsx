import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CommunitySettings from '../../web/src/features/settings/community-settings';
import { jsonResponse, withProviders } from './render';

const facts = {
  name: { zh: '翠竹园', en: 'Cuizhuyuan' },
  city: '南京',
  district: null,
  households: 3000,
  foundedOn: null,
  surplusRatePercent: 8,
  buildings: ['1栋'],
  contactsRequired: 2,
  parties: {},
  programs: [],
  bodies: [],
};
let patches: unknown[] = [];

beforeEach(() => {
  patches = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/handbooks') return jsonResponse({ templateVersion: 2, facts, handbooks: [] });
      if (path === '/api/community' && request.method === 'PATCH') {
        patches.push(await request.json());
        return jsonResponse({ ok: true });
      }
      if (path === '/api/community') return jsonResponse({ parties: [] });
      return jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('community settings: issue wait limits', () => {
  it('sends the days each stage may wait, starting from the defaults', async () => {
    render(withProviders(() => <CommunitySettings />));
    const raised = (await screen.findByLabelText('已提出')) as HTMLInputElement;
    expect(raised.value).toBe('3');
    fireEvent.input(raised, { target: { value: '2' } });
    fireEvent.submit(raised.closest('form')!);
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toMatchObject({ issueWaitLimits: { raised: 2, acknowledged: 7, referred: 14 } });
  });
});
