import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogHoursForm } from '../../web/src/features/volunteers/log-hours-form';
import { today } from '../../web/src/lib/format';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

vi.setConfig({ testTimeout: 20_000 });

const programs = [
  { key: 'library', name: '明志书屋' },
  { key: 'elder-care', name: '居家养老计划' },
];
let posted: Record<string, unknown>[] = [];
let answer: () => Response;

beforeEach(() => {
  posted = [];
  answer = () => jsonResponse({ id: 4 }, 201);
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/volunteers/me/hours' && request.method === 'POST') {
        posted.push((await request.json()) as Record<string, unknown>);
        return answer();
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

describe('logging service outside an activity', () => {
  it('sends the program, the day, the minutes and the note, and says an administrator will confirm', async () => {
    const onLogged = vi.fn();
    render(withProviders(() => <LogHoursForm programs={programs} onLogged={onLogged} />));
    const date = (await screen.findByLabelText('日期')) as HTMLInputElement;
    expect(date.value).toBe(today());
    expect(date.max).toBe(today());
    expect(date.min < today()).toBe(true);
    fireEvent.change(screen.getByLabelText('服务的项目'), { target: { value: 'elder-care' } });
    fireEvent.input(screen.getByLabelText('小时'), { target: { value: '1.5' } });
    fireEvent.input(screen.getByLabelText('备注'), { target: { value: '陪老人散步' } });
    fireEvent.click(screen.getByRole('button', { name: '登记时长' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalled());
    expect(posted).toEqual([{ programKey: 'elder-care', servedOn: today(), minutes: 90, note: '陪老人散步' }]);
    expect(screen.getByRole('status').textContent).toContain('等待管理员确认');
  });

  it('shows the server’s refusal of a day outside the week, in English too', async () => {
    answer = () =>
      jsonResponse(
        { error: { code: 'validation_failed', message: 'Log service within 7 days of the day served', details: { servedOn: ['late'] } } },
        400,
      );
    const onLogged = vi.fn();
    render(withProviders(() => <LogHoursForm programs={programs} onLogged={onLogged} />, 'en'));
    fireEvent.input(await screen.findByLabelText('Hours'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log hours' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ programKey: 'library', minutes: 120 });
    expect(onLogged).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(document.body.textContent).toMatch(/7 days|check|invalid|error/i);
  });
});
