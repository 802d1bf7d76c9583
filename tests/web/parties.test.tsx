import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppointmentOffers } from '../../web/src/features/parties/appointment-offers';
import { PartyRepresentatives } from '../../web/src/features/parties/party-representatives';
import { jsonResponse, withProviders } from './render';

const parties = [
  { key: 'residents-committee', title: { zh: '居委会', en: "Residents' committee" } },
  { key: 'owners-committee', title: { zh: '业委会', en: "Owners' committee" } },
  { key: 'property-company', title: { zh: '物业', en: 'Property company' } },
  { key: 'association', title: { zh: '互助会', en: 'Association' } },
];
let posted: { path: string; body: unknown }[] = [];
let offers: unknown[] = [];

beforeEach(() => {
  posted = [];
  offers = [
    { id: 7, partyKey: 'owners-committee', partyTitle: { zh: '业委会', en: "Owners' committee" }, createdAt: '2026-12-01T02:00:00Z' },
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/members') return jsonResponse({ members: [{ id: 5, displayName: '王业主', roles: [] }] });
      if (path === '/api/parties/owners-committee/appointments' && request.method === 'GET')
        return jsonResponse({
          appointments: [
            { id: 3, memberId: 9, displayName: '李代表', status: 'accepted', createdAt: '2026-11-01', decidedAt: '2026-11-02' },
          ],
        });
      if (/^\/api\/parties\/[a-z-]+\/appointments$/.test(path) && request.method === 'GET') return jsonResponse({ appointments: [] });
      if (path === '/api/me/appointments') return jsonResponse({ offers });
      if (request.method === 'POST' || request.method === 'DELETE') {
        posted.push({ path: `${request.method} ${path}`, body: request.method === 'POST' ? await request.json() : null });
        offers = [];
        return jsonResponse(path.endsWith('/appointments') ? { id: 11 } : { ok: true }, path.endsWith('/appointments') ? 201 : 200);
      }
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("appointing a party's representative", () => {
  it('shows each party’s current representative and proposes a resident for a party', async () => {
    render(withProviders(() => <PartyRepresentatives parties={parties} />));
    expect(await screen.findByText(/李代表/)).toBeTruthy();
    const select = await screen.findByLabelText('提名为居委会代表');
    await screen.findAllByRole('option', { name: '王业主' });
    fireEvent.change(select, { target: { value: '5' } });
    const buttons = screen.getAllByRole('button', { name: '提名代表' });
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(posted).toEqual([{ path: 'POST /api/parties/residents-committee/appointments', body: { memberId: 5 } }]));
  });

  it('ends a representative’s term', async () => {
    render(withProviders(() => <PartyRepresentatives parties={parties} />));
    fireEvent.click(await screen.findByRole('button', { name: '卸任' }));
    await waitFor(() => expect(posted.map((p) => p.path)).toEqual(['DELETE /api/parties/owners-committee/representatives/9']));
  });

  it('lets the appointee accept an offer addressed to them, and then shows it no more', async () => {
    render(withProviders(() => <AppointmentOffers />));
    expect(await screen.findByText(/管理员提名你为业委会代表/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '接受' }));
    await waitFor(() =>
      expect(posted).toEqual([{ path: 'POST /api/parties/owners-committee/appointments/7/answer', body: { accept: true } }]),
    );
    await waitFor(() => expect(screen.queryByText(/管理员提名你为业委会代表/)).toBeNull());
  });
});
