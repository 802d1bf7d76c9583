import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemberRoles } from '../../web/src/features/members/member-roles';
import { DayClosing } from '../../web/src/features/shop/shop-desk/day-closing';
import { SellPanel } from '../../web/src/features/shop/shop-desk/sell-panel';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const site = { host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null };
const me = { userId: 'v', name: '店员', platformRoles: [], member: { id: 4, displayName: '店员', roles: [{ role: 'shop-volunteer' }] } };
const day = {
  day: '2026-05-02',
  today: '2026-05-02',
  sales: [{ saleId: 1, itemId: 42, code: 'CH-0042', title: '绘本', priceFen: 1000, soldAt: '2026-05-02T02:00:00Z', soldBy: '店员' }],
  salesCount: 1,
  systemTotalFen: 1000,
  closing: null,
  unclosedDays: ['2026-05-01', '2026-05-02'],
};
const item = {
  id: 42,
  code: 'CH-0042',
  title: '绘本',
  category: 'books',
  condition: 'good',
  priceFen: 1000,
  status: 'in-stock',
  receivedAt: '2026-05-01T02:00:00Z',
  leftAt: null,
  donor: { kind: 'anonymous', name: null, follows: false },
  leftNote: null,
};
let sent: { method: string; path: string; body: unknown }[] = [];

beforeEach(() => {
  sent = [];
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = decodeURIComponent(new URL(request.url).pathname);
      if (request.method !== 'GET') {
        sent.push({ method: request.method, path, body: await request.json() });
        if (path.endsWith('/closing'))
          return jsonResponse(
            {
              ...day,
              closing: {
                salesCount: 1,
                systemTotalFen: 1000,
                countedFen: 800,
                differenceFen: -200,
                note: '找零',
                fundKey: 'hub',
                closedAt: '',
                closedBy: '店员',
              },
            },
            201,
          );
        if (path.endsWith('/sale')) return jsonResponse({ saleId: 7, code: 'CH-0042', priceFen: 500, day: '2026-05-02' }, 201);
        return jsonResponse({ member: {} });
      }
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path.startsWith('/api/shop/days/')) return jsonResponse(day);
      if (path === '/api/shop/desk/items/42') return jsonResponse(item);
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe('closing the day at the desk', () => {
  it('shows the difference, asks why, and sends the total seen, the cash counted and the note', async () => {
    render(withProviders(() => <DayClosing version={0} />));
    await screen.findByText('¥10.00', { selector: '.system-total' });
    expect(screen.getByRole('button', { name: '2026-05-01' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('清点现金（元）'), { target: { value: '8' } });
    await screen.findByText('差额：−¥2.00');
    const note = screen.getByLabelText('差额说明') as HTMLInputElement;
    expect(note.required).toBe(true);
    fireEvent.input(note, { target: { value: '找零' } });
    fireEvent.click(screen.getByRole('button', { name: '结束今天并记账' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'POST',
      path: '/api/shop/days/2026-05-02/closing',
      body: { seenTotalFen: 1000, countedFen: 800, note: '找零' },
    });
    await screen.findByText(/2026-05-02 已对账/);
  });
});

describe('selling in two taps', () => {
  it('finds the item by its code and sells it at the band confirmed', async () => {
    let code = 'ch42';
    render(withProviders(() => <SellPanel bandsFen={[200, 500, 1000]} code={code} onCode={(c) => (code = c)} onChanged={() => {}} />));
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    await screen.findByRole('button', { name: '确认售出 ¥10.00' });
    fireEvent.click(screen.getByRole('radio', { name: '¥5.00' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认售出 ¥5.00' }));
    await waitFor(() => expect(sent).toEqual([{ method: 'POST', path: '/api/shop/items/42/sale', body: { priceFen: 500 } }]));
    await screen.findByText('CH-0042 已售出，¥5.00。');
  });
});

describe('appointing a shop volunteer', () => {
  it('adds the role and keeps the others the member holds', async () => {
    const member = { id: 9, displayName: '小林', roles: [{ role: 'association-admin', partyKey: null, buildingId: null }] };
    render(withProviders(() => <MemberRoles member={member} buildings={[]} onChanged={() => {}} />));
    fireEvent.click(screen.getByLabelText('小林 是彩虹屋店员'));
    await waitFor(() =>
      expect(sent).toEqual([
        { method: 'PUT', path: '/api/members/9/roles', body: { roles: [{ role: 'association-admin' }, { role: 'shop-volunteer' }] } },
      ]),
    );
  });
});
