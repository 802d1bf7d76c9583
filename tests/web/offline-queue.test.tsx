import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ActivityDetail from '../../web/src/features/activities/activity-detail';
import ThisWeek from '../../web/src/features/home/this-week';
import { ApiError } from '../../web/src/lib/api';
import {
  createOfflineQueue,
  isWorthRetrying,
  memoryStorage,
  offlineQueue,
  type QueuedSignup,
  type ReplayOutcome,
  type SignupResult,
} from '../../web/src/lib/offline-queue';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { readPushMessage } from '../../web/sw/push-message';
import { jsonResponse, withProviders } from './render';

const placed = (status: SignupResult['status'], participant = ''): SignupResult => ({ id: 1, participant, isChild: false, status });

describe('the offline sign-up queue', () => {
  it('keeps sign-ups in the order they were made and sends them so when the connection returns', async () => {
    const sent: string[] = [];
    const queue = createOfflineQueue({
      storage: memoryStorage(),
      send: async (entry) => {
        sent.push(`${entry.activityId}:${entry.body.participant ?? ''}`);
        return placed('confirmed', entry.body.participant);
      },
    });
    const outcomes: ReplayOutcome[] = [];
    queue.onOutcome((outcome) => outcomes.push(outcome));
    await queue.enqueue('5', {});
    await queue.enqueue('5', { participant: '王奶奶' });
    await queue.enqueue('8', {});
    expect(queue.pendingFor('5').map((entry) => entry.body.participant ?? '')).toEqual(['', '王奶奶']);
    expect(queue.pendingFor('8')).toHaveLength(1);

    await queue.replay();
    expect(sent).toEqual(['5:', '5:王奶奶', '8:']);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
    expect(queue.queued()).toEqual([]);
  });

  it('stops at the first sign-up that still cannot go and keeps it and the ones after it', async () => {
    const send = vi.fn(async (_entry: QueuedSignup): Promise<SignupResult> => {
      throw new ApiError(0, 'network', 'network error');
    });
    const queue = createOfflineQueue({ storage: memoryStorage(), send });
    await queue.enqueue('5', {});
    await queue.enqueue('6', {});
    await queue.replay();
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.queued().map((entry) => entry.activityId)).toEqual(['5', '6']);
  });

  it('drops a sign-up the API refuses, reports why, and goes on with the next', async () => {
    const queue = createOfflineQueue({
      storage: memoryStorage(),
      send: async (entry) => {
        if (entry.activityId === '5') throw new ApiError(409, 'conflict', 'Sign-up is closed');
        return placed('waitlisted');
      },
    });
    const outcomes: ReplayOutcome[] = [];
    queue.onOutcome((outcome) => outcomes.push(outcome));
    await queue.enqueue('5', {});
    await queue.enqueue('6', {});
    await queue.replay();
    expect(outcomes[0]).toMatchObject({ ok: false, entry: { activityId: '5' } });
    expect(outcomes[0]?.ok === false && outcomes[0].error.code).toBe('conflict');
    expect(outcomes[1]).toMatchObject({ ok: true, result: { status: 'waitlisted' } });
    expect(queue.queued()).toEqual([]);
  });

  it('sends each sign-up once when the connection event and the app start replay together', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const send = vi.fn(async () => {
      await gate;
      return placed('confirmed');
    });
    const queue = createOfflineQueue({ storage: memoryStorage(), send });
    await queue.enqueue('5', {});
    const first = queue.replay();
    const second = queue.replay();
    release();
    await Promise.all([first, second]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('forgets every queued sign-up on sign-out, so none is sent as the next person', async () => {
    const send = vi.fn(async () => placed('confirmed'));
    const queue = createOfflineQueue({ storage: memoryStorage(), send });
    await queue.enqueue('5', {});
    await queue.clear();
    await queue.replay();
    expect(send).not.toHaveBeenCalled();
    expect(queue.queued()).toEqual([]);
  });

  it('retries after no connection, not signed in yet, too many requests and server trouble; not after a refusal', () => {
    expect(isWorthRetrying(new ApiError(0, 'network', ''))).toBe(true);
    expect(isWorthRetrying(new ApiError(401, 'unauthenticated', ''))).toBe(true);
    expect(isWorthRetrying(new ApiError(429, 'rate_limited', ''))).toBe(true);
    expect(isWorthRetrying(new ApiError(503, 'internal', ''))).toBe(true);
    expect(isWorthRetrying(new ApiError(409, 'conflict', ''))).toBe(false);
    expect(isWorthRetrying(new ApiError(404, 'not_found', ''))).toBe(false);
    expect(isWorthRetrying(new ApiError(403, 'forbidden', ''))).toBe(false);
  });
});

describe('push messages', () => {
  const origin = 'http://cuizhuyuan.localhost:8787';

  it('reads title, body, link and tag from the JSON the server sends', () => {
    const text = JSON.stringify({ title: '活动提醒', body: '明天 9:00 读书会', url: '/activities/5', tag: 'activity-5' });
    expect(readPushMessage(text, origin)).toEqual({ title: '活动提醒', body: '明天 9:00 读书会', url: '/activities/5', tag: 'activity-5' });
  });

  it('never links elsewhere than the site, and still shows a payload that is not JSON', () => {
    expect(readPushMessage(JSON.stringify({ title: 'x', body: 'y', url: 'https://evil.example/' }), origin).url).toBe('/');
    expect(readPushMessage(JSON.stringify({ title: 'x', url: `${origin}/needs/3?from=push` }), origin).url).toBe('/needs/3?from=push');
    expect(readPushMessage('你有一条新通知', origin)).toEqual({ title: '互助', body: '你有一条新通知', url: '/' });
    expect(readPushMessage(null, origin)).toEqual({ title: '互助', body: '', url: '/' });
  });
});

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const me = { userId: 'demo-resident', name: '王小雨', platformRoles: [], member: { id: 7, displayName: '王小雨', roles: [] } };

/** An open activity as GET /api/activities/5 answers a member who is not its organiser. */
function openActivity(mySignups: unknown[] = []) {
  return {
    id: 5,
    clubId: null,
    title: '邻里读书会',
    description: '',
    responsibleMemberId: 3,
    startsAt: '2025-06-01T11:00:00.000Z',
    endsAt: '2025-06-01T13:00:00.000Z',
    place: '明志书屋',
    capacity: 20,
    waitlist: true,
    audience: 'residents',
    state: 'open',
    expectedParticipants: 10,
    surplusRatePercent: 8,
    feeFen: 700,
    exceptionReason: null,
    approvedBy: null,
    approvedAt: null,
    cancelledReason: null,
    createdAt: '2025-05-01T00:00:00.000Z',
    checkinToken: null,
    isOrganiser: false,
    club: null,
    responsible: { id: 3, displayName: '李阿姨' },
    budget: {
      lines: [],
      costFen: 0,
      surplusTargetFen: 0,
      targetFen: 0,
      feeFen: 700,
      derivedFeeFen: 700,
      exactFeeFen: 700,
      incomeFen: 0,
      surplusFen: 0,
      coversCostsAndSurplus: true,
      breakEvenParticipants: 0,
      exceptionReason: null,
      problem: null,
    },
    places: { confirmed: 0, waitlisted: 0, checkedIn: 0, free: 20 },
    settlement: null,
    review: null,
    rating: null,
    mySignups,
  };
}

describe('signing up without a connection', () => {
  /** How POST /api/activities/5/signups answers: no connection, a place, or a refusal. */
  let signupAnswer: 'offline' | 'confirmed' | 'closed' = 'offline';
  let mySignups: unknown[] = [];

  beforeEach(() => {
    signupAnswer = 'offline';
    mySignups = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        const method = (input instanceof Request ? input.method : init?.method) ?? 'GET';
        const path = new URL(url, 'http://cuizhuyuan.localhost').pathname;
        if (path === '/api/site') return jsonResponse(site);
        if (path === '/api/me') return jsonResponse(me);
        if (path === '/api/activities/5/signups' && method === 'POST') {
          if (signupAnswer === 'offline') throw new TypeError('Failed to fetch');
          if (signupAnswer === 'closed') return jsonResponse({ error: { code: 'conflict', message: 'Sign-up is closed' } }, 409);
          mySignups = [{ id: 11, participant: '', isChild: false, status: 'confirmed', checkedInAt: null }];
          return jsonResponse({ id: 11, participant: '', isChild: false, status: 'confirmed' }, 201);
        }
        if (path === '/api/activities/5') return jsonResponse(openActivity(mySignups));
        if (path === '/api/me/overview') {
          const week = { id: 5, title: '邻里读书会', clubName: null, startsAt: '2025-06-01T11:00:00.000Z', place: '明志书屋' };
          return jsonResponse({
            thisWeek: [{ ...week, state: 'open', feeFen: 0, capacity: 20, confirmed: mySignups.length }],
            signups: mySignups.map(() => ({ ...week, activityId: 5, signupId: 11, participant: '', status: 'confirmed', state: 'open' })),
            clubs: [],
          });
        }
        return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
      }),
    );
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/activities/5');
  });
  afterEach(async () => {
    cleanup();
    await offlineQueue.clear();
    storeSessionToken(null);
    window.history.replaceState(null, '', '/');
    vi.unstubAllGlobals();
  });

  it('shows the sign-up as pending, then as confirmed once the connection returns', async () => {
    render(withProviders(() => <ActivityDetail />, 'zh-CN', '/activities/:id'));
    fireEvent.click(await screen.findByRole('button', { name: '为自己报名' }));
    expect(await screen.findByText('待联网后提交')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('联网后会自动提交'));
    // Pending for oneself: no second button to sign up again.
    expect(screen.queryByRole('button', { name: '为自己报名' })).toBeNull();
    expect(offlineQueue.pendingFor('5')).toHaveLength(1);

    signupAnswer = 'confirmed';
    await offlineQueue.replay();
    await waitFor(() => expect(screen.queryByText('待联网后提交')).toBeNull());
    expect(await screen.findByText('已确认')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('报名成功'));
    expect(offlineQueue.queued()).toEqual([]);
  });

  it('says why a sign-up made offline was refused once sent, and drops it', async () => {
    render(withProviders(() => <ActivityDetail />, 'en', '/activities/:id'));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign myself up' }));
    expect(await screen.findByText('Pending — will be sent when you are back online')).toBeTruthy();

    signupAnswer = 'closed';
    await offlineQueue.replay();
    await waitFor(() => expect(screen.queryByText('Pending — will be sent when you are back online')).toBeNull());
    expect(screen.getByRole('status').textContent).toContain('was not accepted');
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(offlineQueue.queued()).toEqual([]);
  });

  it('shows the one-tap sign-up of this week as pending offline, then as signed up once sent', async () => {
    window.history.replaceState(null, '', '/this-week');
    render(withProviders(() => <ThisWeek />));
    fireEvent.click(await screen.findByRole('button', { name: '报名：邻里读书会' }));
    expect(await screen.findByText('待联网后提交')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '报名：邻里读书会' })).toBeNull();

    signupAnswer = 'confirmed';
    await offlineQueue.replay();
    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(screen.queryByText('待联网后提交')).toBeNull();
  });
});
