import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ActivityDetail from '../../web/src/features/activities/activity-detail';
import ActivityEditor from '../../web/src/features/activities/activity-editor';
import SpaceCalendar from '../../web/src/features/spaces/space-calendar';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

// The first render in a file loads the pages lazily; give it room on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const me = { userId: 'demo-founder', name: '李社长', platformRoles: [], member: { id: 3, displayName: '李社长', roles: [] } };
const hall = { id: 7, name: '多功能厅', capacity: 40, opensAt: '08:00', closesAt: '21:30', rules: '用后复原桌椅。' };
const chess = { id: 8, name: '棋牌室', capacity: 20, opensAt: '09:00', closesAt: '21:00', rules: '' };
const clash = {
  bookingId: 31,
  startsAt: '2027-03-01T10:00:00.000Z',
  endsAt: '2027-03-01T12:00:00.000Z',
  purpose: '周一排练',
  who: '合唱团',
  activityId: 12,
};

/** An activity as GET /api/activities/{id} answers it. */
function activity(overrides: Record<string, unknown> = {}) {
  return {
    id: 5,
    clubId: null,
    title: '邻里读书会',
    description: '',
    responsibleMemberId: 3,
    startsAt: '2027-03-01T11:00:00.000Z',
    endsAt: '2027-03-01T13:00:00.000Z',
    place: '多功能厅',
    capacity: 20,
    waitlist: true,
    audience: 'residents',
    state: 'draft',
    expectedParticipants: 10,
    surplusRatePercent: 8,
    feeFen: 700,
    exceptionReason: null,
    approvedBy: null,
    approvedAt: null,
    cancelledReason: null,
    createdAt: '2027-02-01T00:00:00.000Z',
    checkinToken: 'abcdef0123456789',
    isOrganiser: true,
    club: null,
    responsible: { id: 3, displayName: '李社长' },
    space: hall,
    booking: { id: 41, startsAt: '2027-03-01T11:00:00.000Z', endsAt: '2027-03-01T13:00:00.000Z', seriesId: null, borrowed: false },
    budget: {
      lines: [{ label: '茶水', amountFen: 6000 }],
      costFen: 6000,
      surplusTargetFen: 480,
      targetFen: 6480,
      feeFen: 700,
      derivedFeeFen: 700,
      exactFeeFen: 648,
      incomeFen: 7000,
      surplusFen: 1000,
      coversCostsAndSurplus: true,
      breakEvenParticipants: 9,
      exceptionReason: null,
      problem: null,
    },
    places: { confirmed: 0, waitlisted: 0, checkedIn: 0, free: 20 },
    settlement: null,
    review: null,
    rating: null,
    mySignups: [],
    ...overrides,
  };
}

let posted: Record<string, unknown>[] = [];
let answer: () => Response = () => jsonResponse({ id: 9 }, 201);

beforeEach(() => {
  localStorage.clear();
  posted = [];
  answer = () => jsonResponse({ id: 9 }, 201);
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/handbooks') return jsonResponse({ templateVersion: 1, facts: { surplusRatePercent: 8 }, handbooks: [] });
      if (path === '/api/me/overview') return jsonResponse({ thisWeek: [], signups: [], clubs: [] });
      if (path === '/api/spaces') return jsonResponse({ spaces: [hall, chess] });
      if (path === '/api/spaces/7/bookings')
        return jsonResponse({
          bookings: [
            {
              id: 41,
              spaceId: 7,
              clubId: 2,
              clubName: '合唱团',
              bookedBy: '李社长',
              startsAt: '2027-03-01T11:00:00.000Z',
              endsAt: '2027-03-01T13:00:00.000Z',
              purpose: '邻里读书会',
              seriesId: null,
              activityId: 5,
              activityTitle: '邻里读书会',
            },
            {
              id: 42,
              spaceId: 7,
              clubId: null,
              clubName: null,
              bookedBy: '王小雨',
              startsAt: '2027-03-02T11:00:00.000Z',
              endsAt: '2027-03-02T12:00:00.000Z',
              purpose: '书法',
              seriesId: null,
              activityId: null,
              activityTitle: null,
            },
          ],
        });
      if (path === '/api/activity-places') return jsonResponse({ spaces: [hall, chess], bookings: [] });
      if (path === '/api/activities/5' && request.method === 'GET') return jsonResponse(activity());
      if (path === '/api/activities' && request.method === 'POST') {
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
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

async function fillBasics() {
  fireEvent.input(screen.getByLabelText('活动名称'), { target: { value: '合唱排练' } });
  fireEvent.input(screen.getByLabelText('开始时间'), { target: { value: '2027-03-01T19:00' } });
  fireEvent.input(screen.getByLabelText('结束时间'), { target: { value: '2027-03-01T21:00' } });
  fireEvent.input(screen.getByLabelText('预计人数'), { target: { value: '10' } });
}

async function chooseHall() {
  const chooser = await screen.findByLabelText('活动地点');
  await screen.findByRole('option', { name: '多功能厅（40 人，08:00–21:30）' });
  fireEvent.change(chooser, { target: { value: 'space:7' } });
  return chooser;
}

describe('the activity editor’s place chooser', () => {
  it('keeps the typed place by default, and choosing a shared space shows its hours and capacity and books it on save', async () => {
    render(withProviders(() => <ActivityEditor />));
    await fillBasics();
    expect(screen.getByLabelText('地点')).toBeTruthy();
    await chooseHall();
    await waitFor(() => expect(screen.queryByLabelText('地点')).toBeNull());
    expect(screen.getByText(/多功能厅：开放 08:00–21:30，最多 40 人/)).toBeTruthy();
    fireEvent.submit(screen.getByRole('button', { name: '保存草稿' }).closest('form')!);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ spaceId: 7, bookingId: null, title: '合唱排练' });
    expect(posted[0]!.place).toBeUndefined();
  });

  it('shows the clash inline, naming who holds the space and when, when saving is answered 409', async () => {
    answer = () =>
      jsonResponse(
        {
          error: {
            code: 'conflict',
            message: '多功能厅 is already booked then by 合唱团',
            details: { spaceId: ['Booked then by 合唱团'], clashes: [clash] },
          },
        },
        409,
      );
    render(withProviders(() => <ActivityEditor />));
    await fillBasics();
    const chooser = await chooseHall();
    fireEvent.submit(chooser.closest('form')!);
    const message = await screen.findByText(/这个时段已被「合唱团」预订/);
    expect(message.textContent).toContain('周一排练');
    expect(chooser.getAttribute('aria-invalid')).toBe('true');
    expect(chooser.getAttribute('aria-describedby')).toContain('a-place-problem');
  });

  it('refuses more places than the chosen space holds, before asking the server', async () => {
    render(withProviders(() => <ActivityEditor />));
    await fillBasics();
    await chooseHall();
    fireEvent.input(screen.getByLabelText('名额'), { target: { value: '41' } });
    expect(await screen.findByText('多功能厅最多容纳 40 人，名额不能超过。')).toBeTruthy();
    fireEvent.submit(screen.getByRole('button', { name: '保存草稿' }).closest('form')!);
    await new Promise((r) => setTimeout(r, 50));
    expect(posted).toHaveLength(0);
  });

  it('an activity that holds a booking opens with its space chosen', async () => {
    window.history.replaceState(null, '', '/activities/5/edit');
    render(withProviders(() => <ActivityEditor />, 'zh-CN', '/activities/:id/edit'));
    await screen.findByLabelText('活动地点');
    expect(await screen.findByRole('option', { name: '多功能厅（40 人，08:00–21:30）', selected: true })).toBeTruthy();
    expect(screen.queryByLabelText('地点')).toBeNull();
  });
});

describe('the activity page', () => {
  it('shows the booked shared space with its opening hours and capacity', async () => {
    window.history.replaceState(null, '', '/activities/5');
    render(withProviders(() => <ActivityDetail />, 'zh-CN', '/activities/:id'));
    const space = await screen.findByTestId('activity-space');
    expect(space.textContent).toContain('多功能厅');
    expect(space.textContent).toContain('开放 08:00–21:30，最多 40 人');
    expect(space.textContent).toContain('已为本活动预订');
  });

  it('in English too', async () => {
    window.history.replaceState(null, '', '/activities/5');
    render(withProviders(() => <ActivityDetail />, 'en', '/activities/:id'));
    const space = await screen.findByTestId('activity-space');
    expect(space.textContent).toContain('Open 08:00–21:30, up to 40 people');
  });
});

describe('the space calendar', () => {
  it('lists who holds the space when, and links a booking to the activity it is for', async () => {
    window.history.replaceState(null, '', '/spaces/7');
    render(withProviders(() => <SpaceCalendar />, 'zh-CN', '/spaces/:id'));
    const list = await screen.findByTestId('space-bookings');
    expect(await screen.findByRole('heading', { level: 1, name: '多功能厅' })).toBeTruthy();
    const link = screen.getByRole('link', { name: '活动：邻里读书会' });
    expect(link.getAttribute('href')).toBe('/activities/5');
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(list.textContent).toContain('王小雨 · 书法');
  });

  it('the activity page links its space to the calendar', async () => {
    window.history.replaceState(null, '', '/activities/5');
    render(withProviders(() => <ActivityDetail />, 'zh-CN', '/activities/:id'));
    await screen.findByTestId('activity-space');
    expect(screen.getByRole('link', { name: '查看这个空间的预订' }).getAttribute('href')).toBe('/spaces/7');
  });
});
