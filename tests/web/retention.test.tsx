import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import RetentionSettings from '../../web/src/features/settings/retention-settings';
import { jsonResponse, withProviders } from './render';

const run = (id: number, day: string, careRecipients = 0) => ({
  id,
  ranAt: `${day}T19:17:00.000Z`,
  day,
  childDetails: 0,
  childNames: 0,
  careRecipients,
  careVisits: careRecipients * 2,
  libraryLoans: 0,
  assistedPhones: 0,
});
let puts: unknown[] = [];
let status = 200;

beforeEach(() => {
  puts = [];
  status = 200;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/retention') {
        if (status === 403) return jsonResponse({ error: { code: 'forbidden', message: 'Only administrators' } }, 403);
        const periods = request.method === 'PUT' ? ((await request.json()) as object) : { careMonths: 12, libraryMonths: 6 };
        if (request.method === 'PUT') puts.push(periods);
        return jsonResponse({ childDays: 30, periods, runs: [run(2, '2031-06-15'), run(1, '2031-06-14', 1)] });
      }
      return jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('数据保留', () => {
  it('explains the periods, lists the runs with what each erased, and saves the months', async () => {
    render(withProviders(() => <RetentionSettings />));
    const care = (await screen.findByLabelText('居家养老记录保留（月）')) as HTMLInputElement;
    expect(care.value).toBe('12');
    expect(screen.getByText(/活动或课程结束后保留 30 天/)).toBeTruthy();
    expect(screen.getByText('没有到期的内容，什么都没删。')).toBeTruthy();
    expect(screen.getByText('养老对象').nextElementSibling?.textContent).toBe('1');
    expect(screen.getByText('探访记录').nextElementSibling?.textContent).toBe('2');
    fireEvent.input(care, { target: { value: '18' } });
    fireEvent.submit(care.closest('form')!);
    await waitFor(() => expect(puts).toEqual([{ careMonths: 18, libraryMonths: 6 }]));
    await screen.findByText('已保存');
  });

  it('tells a member who is not an administrator that the page is not theirs', async () => {
    status = 403;
    render(withProviders(() => <RetentionSettings />));
    await screen.findByText('只有社区互助会管理员可以查看数据保留设置。');
  });
});
