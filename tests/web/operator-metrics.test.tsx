import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsultantRegistry, SnapshotRuns } from '../../web/src/features/operator/operator-metrics';
import { jsonResponse, withProviders } from './render';

let calls: { method: string; path: string; body: unknown }[] = [];
let run: Record<string, unknown> | null;
let consultants: Record<string, unknown>[];

beforeEach(() => {
  calls = [];
  run = { id: 'r1', trigger: 'schedule', total: 200, done: 120, failed: 0, startedAt: '2026-12-02T03:17:00.000Z', finishedAt: null };
  consultants = [
    { userId: 'demo-consultant', displayName: '顾问林', organisation: '研究中心', createdAt: '2026-12-01T00:00:00Z', grants: 3 },
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      const body = request.method === 'GET' || request.method === 'DELETE' ? null : await request.json().catch(() => null);
      calls.push({ method: request.method, path, body });
      if (path === '/api/site')
        return jsonResponse({ host: 'platform', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/operator/metrics/runs/latest') return jsonResponse({ run });
      if (path === '/api/operator/metrics/runs') return jsonResponse({ runId: 'r2', total: 203 }, 202);
      if (path === '/api/operator/consultants') return jsonResponse({ consultants });
      if (path.startsWith('/api/operator/consultants/') && request.method === 'PUT') {
        if (!(body as { displayName: string }).displayName)
          return jsonResponse(
            { error: { code: 'validation_failed', message: 'Invalid input', details: { displayName: ['Required'] } } },
            400,
          );
        return jsonResponse({ ok: true });
      }
      if (path.startsWith('/api/operator/consultants/') && request.method === 'DELETE') return jsonResponse({ ok: true });
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('operator: metric snapshot runs', () => {
  it('shows the progress of a run that is going, and does not offer a second run meanwhile', async () => {
    render(withProviders(() => <SnapshotRuns />));
    const bar = (await screen.findByRole('progressbar')) as HTMLProgressElement;
    expect(bar.value).toBe(120);
    expect(bar.max).toBe(200);
    expect(screen.getByText('进度：120 / 200 个社区')).toBeTruthy();
    expect((screen.getByRole('button', { name: '立即重算全部社区' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('starts a run once the last one finished', async () => {
    run = { ...run!, done: 199, failed: 1, finishedAt: '2026-12-02T03:18:00.000Z' };
    render(withProviders(() => <SnapshotRuns />));
    expect(await screen.findByText(/失败 1 个/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '立即重算全部社区' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/operator/metrics/runs')).toBe(true));
  });
});

describe('operator: consultant registry', () => {
  it('lists consultants with their grants, registers one and removes one after confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(withProviders(() => <ConsultantRegistry />));
    expect(await screen.findByText('顾问林')).toBeTruthy();
    expect(screen.getByText(/3 个社区已授权/)).toBeTruthy();

    fireEvent.input(screen.getByLabelText(/用户 ID/), { target: { value: 'user_2abc' } });
    fireEvent.input(screen.getByLabelText('显示名称'), { target: { value: '顾问乙' } });
    fireEvent.input(screen.getByLabelText('所在机构（可选）'), { target: { value: '社工站' } });
    fireEvent.submit(screen.getByLabelText('显示名称').closest('form')!);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
        path: '/api/operator/consultants/user_2abc',
        body: { displayName: '顾问乙', organisation: '社工站' },
      }),
    );
    expect(await screen.findByText('已登记。')).toBeTruthy();

    // The list is drawn afresh once reloaded after registering; take the button from the new list.
    await waitFor(() => expect((screen.getByRole('button', { name: '取消顾问身份' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '取消顾问身份' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('顾问林'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/operator/consultants/demo-consultant']),
    );
  });
});
