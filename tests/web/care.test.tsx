import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmList } from '../../web/src/features/care/coordinator-lists';
import { VisitForm } from '../../web/src/features/care/visit-form';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

vi.setConfig({ testTimeout: 20_000 });

let calls: { method: string; path: string; body: unknown }[] = [];
let answer: (path: string) => Response;

beforeEach(() => {
  calls = [];
  answer = () => jsonResponse({ id: 9 }, 201);
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (request.method !== 'GET')
        calls.push({
          method: request.method,
          path,
          body: await request
            .clone()
            .json()
            .catch(() => null),
        });
      return answer(path);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe('the visit log', () => {
  it('sends the visit with its concern and says who was told', async () => {
    const onLogged = vi.fn();
    render(withProviders(() => <VisitForm recipientId={5} onLogged={onLogged} />));
    fireEvent.input(screen.getByLabelText('做了什么'), { target: { value: '陪同去医院量血压' } });
    fireEvent.input(screen.getByLabelText('观察到的情况'), { target: { value: '说头晕' } });
    fireEvent.click(screen.getByLabelText('需要关注（身体、情绪或居家安全有异常）'));
    fireEvent.click(screen.getByRole('button', { name: '保存探访记录' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/care-recipients/5/visits',
      body: { minutes: 60, concern: true, done: '陪同去医院量血压' },
    });
    expect(screen.getByRole('status').textContent).toBe('已记录，并已通知协调员和楼栋联络人。');
  });

  it('shows the refusal when the visit is not accepted, in English too', async () => {
    answer = () =>
      jsonResponse(
        {
          error: {
            code: 'validation_failed',
            message: 'Log a visit once it has happened',
            details: { visitedOn: ['Log a visit once it has happened'] },
          },
        },
        400,
      );
    const onLogged = vi.fn();
    render(withProviders(() => <VisitForm recipientId={5} onLogged={onLogged} />, 'en'));
    fireEvent.input(screen.getByLabelText('What you did'), { target: { value: 'Shopping' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(onLogged).not.toHaveBeenCalled();
  });
});

describe('visits to confirm', () => {
  const visit = (id: number, volunteerId: number) => ({
    id,
    recipientId: 2,
    recipientName: '张桂兰',
    volunteerId,
    volunteerName: volunteerId === 7 ? '何琳' : '王小雨',
    visitedOn: '2026-11-20',
    minutes: 90,
    done: '代购买菜',
    observations: '',
    concern: false,
    followUp: null,
    followedUpAt: null,
    confirmedAt: null,
  });

  it('lets a coordinator confirm others’ visits, never their own', async () => {
    const onChanged = vi.fn();
    answer = () => jsonResponse({ ok: true }, 200);
    render(withProviders(() => <ConfirmList visits={[visit(1, 3), visit(2, 7)]} myId={7} onChanged={onChanged} />));
    const buttons = screen.getAllByRole('button', { name: '确认并存入时间银行' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/care-recipients/2/visits/1/confirmation']);
  });
});
