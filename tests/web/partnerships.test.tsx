import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DonationItem } from '../../web/src/features/partnerships/partnership';
import { ProposeForm } from '../../web/src/features/partnerships/propose-form';
import { DonationForm } from '../../web/src/features/partnerships/record-forms';
import { jsonResponse, withProviders } from './render';

let calls: { method: string; path: string; body: Record<string, unknown> }[] = [];
let failNext = false;

beforeEach(() => {
  calls = [];
  failNext = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const url = new URL(request.url, 'http://x');
      if (url.pathname === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (url.pathname === '/api/me') return jsonResponse({ userId: 'u1', name: 'x', platformRoles: [], member: null, application: null });
      if (url.pathname === '/api/community') return jsonResponse({ programs: [] });
      if (request.method !== 'GET') {
        calls.push({ method: request.method, path: url.pathname, body: await request.json() });
        if (failNext) {
          failNext = false;
          return jsonResponse({ error: { code: 'internal', message: 'Something went wrong on our side' } }, 500);
        }
      }
      return jsonResponse({ ok: true, id: 5 }, 201);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('recording a designated donation', () => {
  it('sends the amount in fen with a reference, and the same reference again after a failed answer', async () => {
    render(withProviders(() => <DonationForm id="3" reload={() => undefined} />));
    fireEvent.input(await screen.findByLabelText('用途或物品'), { target: { value: '阅读角书架' } });
    fireEvent.input(screen.getByLabelText('金额（元）'), { target: { value: '500.5' } });
    failNext = true;
    fireEvent.click(screen.getByRole('button', { name: '记录一笔捐赠' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: '记录一笔捐赠' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    const [first, second] = calls;
    expect(first!.path).toBe('/api/partnerships/3/donations');
    expect(first!.body).toMatchObject({ kind: 'money', title: '阅读角书架', amountFen: 50050 });
    expect(second!.body.reference).toBe(first!.body.reference);
    await screen.findByText('已记录。');
  });

  it('refuses a money donation without an amount before calling', async () => {
    render(withProviders(() => <DonationForm id="3" reload={() => undefined} />));
    fireEvent.input(await screen.findByLabelText('用途或物品'), { target: { value: '善款' } });
    fireEvent.input(screen.getByLabelText('金额（元）'), { target: { value: 'abc' } });
    fireEvent.submit(screen.getByRole('button', { name: '记录一笔捐赠' }).closest('form')!);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(calls).toEqual([]);
  });
});

describe('proposing a partnership', () => {
  it('asks for the address of a Huzhu community, or the name, place and contact of an outside one', async () => {
    render(withProviders(() => <ProposeForm />));
    expect(await screen.findByLabelText('对方社区的网址（子域名）')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('不在互助平台上'));
    fireEvent.input(await screen.findByLabelText('社区名称'), { target: { value: '高芒村' } });
    fireEvent.input(screen.getByLabelText('所在地'), { target: { value: '贵州省黔东南州' } });
    fireEvent.input(screen.getByLabelText('联系人和联系方式'), { target: { value: '杨主任' } });
    expect(screen.queryByLabelText('对方社区的网址（子域名）')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '记录结对' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toMatchObject({ kind: 'outside', name: '高芒村', place: '贵州省黔东南州', contact: '杨主任' });
  });
});

describe('a donation in the list', () => {
  it('says who gave it, what kind, how much, and its shared reference', async () => {
    const entry = {
      id: 1,
      kind: 'donation' as const,
      ours: false,
      occurredOn: '2026-11-20',
      title: '阅读角书架',
      place: '',
      residents: 0,
      activityId: null,
      donationKind: 'money' as const,
      amountFen: 500_00,
      reference: '3A9E6B1C',
    };
    render(withProviders(() => <DonationItem donation={entry} />));
    const text = (await screen.findByText('阅读角书架')).closest('li')!.textContent!;
    expect(text).toContain('对方捐来');
    expect(text).toContain('¥500.00');
    expect(text).toContain('编号 3A9E6B1C');
  });
});
