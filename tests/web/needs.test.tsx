import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextSteps } from '../../web/src/features/needs/need-detail/next-steps';
import type { NeedDetailData } from '../../web/src/features/needs/need-detail/need';
import { NeedCard } from '../../web/src/features/needs/need-card';
import { NeedOrigin } from '../../web/src/features/needs/need-origin';
import { createAction } from '../../web/src/lib/action';
import { jsonResponse, withProviders } from './render';

let calls: { method: string; path: string; body: unknown }[] = [];

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const url = new URL(request.url, 'http://x');
      const body = request.method === 'GET' ? undefined : await request.json().catch(() => undefined);
      if (request.method !== 'GET') calls.push({ method: request.method, path: url.pathname, body });
      if (url.pathname === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (url.pathname === '/api/me') return jsonResponse({ userId: 'u1', name: 'x', platformRoles: [], member: null, application: null });
      if (url.pathname === '/api/needs/origin')
        return jsonResponse({ need: url.searchParams.get('activityId') === '4' ? { id: 7, title: '周末有人教老人用手机吗？' } : null });
      if (url.pathname === '/api/community') return jsonResponse({ programs: [] });
      return jsonResponse({ on: true, count: 3, state: 'claimed' });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const card = {
  id: 7,
  title: '周末有人教老人用手机吗？',
  category: 'elderly' as const,
  state: 'unclaimed' as const,
  posterName: null,
  onBehalf: true,
  onBehalfName: null,
  createdAt: '2026-12-01T02:00:00Z',
  meToo: 2,
  canHelp: 1,
  meTooByMe: false,
  canHelpByMe: true,
  postedByMe: false,
  forReview: true,
};

function Card(props: { member: boolean; state?: 'unclaimed' | 'solved' }) {
  const action = createAction(() => undefined);
  return <NeedCard need={{ ...card, state: props.state ?? 'unclaimed' }} member={props.member} action={action} />;
}

describe('a need in the register', () => {
  it('shows counts to everyone, "a resident" for a hidden poster, and the review and on-behalf tags', async () => {
    render(withProviders(() => <Card member={false} />));
    expect(await screen.findByText('2 人也需要')).toBeTruthy();
    expect(screen.getByText('1 人能帮忙')).toBeTruthy();
    expect(screen.getByText('一位居民')).toBeTruthy();
    expect(screen.getByText('代邻居登记')).toBeTruthy();
    expect(screen.getByText('待月度评议')).toBeTruthy();
    // A visitor has no buttons to press.
    expect(screen.queryByRole('button', { name: /我也需要/ })).toBeNull();
  });

  it('lets a member toggle "me too", saying which need and whether it is on', async () => {
    render(withProviders(() => <Card member />));
    const meToo = await screen.findByRole('button', { name: '我也需要：周末有人教老人用手机吗？' });
    expect(meToo.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: '我能帮忙：周末有人教老人用手机吗？' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(meToo);
    await waitFor(() => expect(calls).toEqual([{ method: 'POST', path: '/api/needs/7/responses', body: { kind: 'me-too' } }]));
  });

  it('offers no responses once the need is closed', async () => {
    render(withProviders(() => <Card member state="solved" />));
    expect(await screen.findByText('已解决')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

const detail = (steps: NeedDetailData['steps']) =>
  ({ id: 7, title: '周末有人教老人用手机吗？', description: '', meToo: 0, steps }) as unknown as NeedDetailData;

function Steps(props: { steps: NeedDetailData['steps'] }) {
  const action = createAction(() => undefined);
  return <NextSteps need={detail(props.steps)} action={action} onTurned={() => undefined} />;
}

describe("a need's next steps", () => {
  it('offers the claim only when the API says the reader may claim', async () => {
    render(withProviders(() => <Steps steps={['claimed']} />));
    fireEvent.click(await screen.findByRole('button', { name: '认领这个需求' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'POST', path: '/api/needs/7/claim', body: undefined }]));
  });

  it('asks for a reason before declining', async () => {
    render(withProviders(() => <Steps steps={['unclaimed', 'became-activity', 'solved', 'wont-do']} />));
    expect(await screen.findByRole('heading', { name: '把需求变成…' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '不做' }));
    const note = screen.getByLabelText('说明（必填：为什么）') as HTMLTextAreaElement;
    expect(note.required).toBe(true);
    fireEvent.input(note, { target: { value: '属于物业维修范围' } });
    fireEvent.click(screen.getAllByRole('button', { name: '确定' }).at(-1)!);
    await waitFor(() =>
      expect(calls).toEqual([{ method: 'POST', path: '/api/needs/7/transitions', body: { to: 'wont-do', note: '属于物业维修范围' } }]),
    );
  });

  it('shows nothing to a reader without steps', async () => {
    const { container } = render(withProviders(() => <Steps steps={[]} />));
    await waitFor(() => expect(container.querySelector('.need-steps')).toBeNull());
  });
});

describe('an activity that came from a need', () => {
  it('says so and links the need; an activity from nowhere says nothing', async () => {
    render(withProviders(() => <NeedOrigin activityId={4} />));
    const link = await screen.findByRole('link', { name: '周末有人教老人用手机吗？' });
    expect(link.getAttribute('href')).toBe('/needs/7');
    cleanup();
    const { container } = render(withProviders(() => <NeedOrigin activityId={5} />));
    await waitFor(() => expect(calls).toEqual([]));
    expect(container.textContent).not.toContain('来自需求登记');
  });
});
