import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
const me = { userId: 'demo-resident', name: '王小雨', platformRoles: [], member: { id: 4, displayName: '王小雨', roles: [] } };
const hall = { id: 7, name: '多功能厅', capacity: 40, opensAt: '08:00', closesAt: '21:30', rules: '' };

/** The calendar as a visitor receives it: a club's slot, a resident's own booking, and an activity not yet announced. */
const visitorBookings = [
  {
    id: 41,
    spaceId: 7,
    clubId: 2,
    clubName: '合唱团',
    bookedBy: '合唱团',
    startsAt: '2027-03-01T11:00:00.000Z',
    endsAt: '2027-03-01T13:00:00.000Z',
    purpose: '排练',
    people: 30,
    seriesId: null,
    activityId: null,
    activityTitle: null,
  },
  {
    id: 42,
    spaceId: 7,
    clubId: null,
    clubName: null,
    bookedBy: null,
    startsAt: '2027-03-02T11:00:00.000Z',
    endsAt: '2027-03-02T12:00:00.000Z',
    purpose: '书法',
    people: 4,
    seriesId: null,
    activityId: null,
    activityTitle: null,
  },
  {
    id: 43,
    spaceId: 7,
    clubId: null,
    clubName: null,
    bookedBy: null,
    startsAt: '2027-03-03T11:00:00.000Z',
    endsAt: '2027-03-03T12:00:00.000Z',
    purpose: null,
    people: null,
    seriesId: null,
    activityId: null,
    activityTitle: null,
  },
];

let posted: Record<string, unknown>[] = [];
let answer: () => Response = () => jsonResponse({ ids: [51], seriesId: null }, 201);

function serve(signedIn: boolean) {
  if (signedIn) storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/me/overview') return jsonResponse({ thisWeek: [], signups: [], clubs: [] });
      if (path === '/api/spaces') return jsonResponse({ spaces: [hall] });
      if (path === '/api/spaces/7/bookings' && request.method === 'POST') {
        posted.push((await request.json()) as Record<string, unknown>);
        return answer();
      }
      if (path === '/api/spaces/7/bookings') return jsonResponse({ bookings: visitorBookings });
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
}

beforeEach(() => {
  localStorage.clear();
  posted = [];
  answer = () => jsonResponse({ ids: [51], seriesId: null }, 201);
  window.history.replaceState(null, '', '/spaces/7');
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

function fill(people: string) {
  fireEvent.input(screen.getByLabelText('用途'), { target: { value: '书法练习' } });
  fireEvent.input(screen.getByLabelText('开始时间'), { target: { value: '2027-03-01T19:00' } });
  fireEvent.input(screen.getByLabelText('结束时间'), { target: { value: '2027-03-01T21:00' } });
  fireEvent.input(screen.getByLabelText('人数'), { target: { value: people } });
}

describe('the space calendar for a visitor', () => {
  it("shows a club's slot by the club, a resident's own booking without a name, and a hidden activity as booked", async () => {
    serve(false);
    render(withProviders(() => <SpaceCalendar />, 'zh-CN', '/spaces/:id'));
    const list = await screen.findByTestId('space-bookings');
    const rows = [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(rows[0]).toContain('合唱团 · 排练 · 30 人');
    expect(rows[1]).toContain('住户预订 · 书法 · 4 人');
    expect(rows[2]).toContain('住户预订 · 已预订');
    expect(screen.queryByRole('link', { name: /活动：/ })).toBeNull();
    // Booking is for members: a visitor is asked to sign in.
    expect(await screen.findByRole('link', { name: '登录后即可使用这里的功能。' })).toBeTruthy();
    expect(screen.queryByTestId('booking-form')).toBeNull();
  });

  it('in English too', async () => {
    serve(false);
    render(withProviders(() => <SpaceCalendar />, 'en', '/spaces/:id'));
    const list = await screen.findByTestId('space-bookings');
    expect(list.textContent).toContain('Booked by a resident · 书法 · 4 people');
    expect(list.textContent).toContain('Booked by a resident · Booked');
  });
});

describe('booking a space', () => {
  it('sends how many people come, and refuses more than the space holds before asking the server', async () => {
    serve(true);
    render(withProviders(() => <SpaceCalendar />, 'zh-CN', '/spaces/:id'));
    await screen.findByTestId('booking-form');
    fill('41');
    fireEvent.submit(screen.getByTestId('booking-form'));
    expect(await screen.findByText('这个空间最多容纳 40 人。')).toBeTruthy();
    expect(screen.getByLabelText('人数').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('人数'), { target: { value: '12' } });
    fireEvent.submit(screen.getByTestId('booking-form'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ purpose: '书法练习', people: 12, weeks: 1 });
    expect(Date.parse(String(posted[0]!.endsAt)) - Date.parse(String(posted[0]!.startsAt))).toBe(2 * 3600_000);
    expect(await screen.findByText('已预订。')).toBeTruthy();
  });

  it('shows the opening hours when the server says the time falls outside them, and the clash naming who holds it', async () => {
    serve(true);
    answer = () =>
      jsonResponse(
        {
          error: {
            code: 'validation_failed',
            message: '多功能厅 is open 08:00–21:30 (Asia/Shanghai); 2027-03-01 23:00 – 2027-03-02 00:00 falls outside',
            details: { startsAt: ['Within the opening hours 08:00–21:30'], endsAt: ['Within the opening hours 08:00–21:30'] },
          },
        },
        400,
      );
    render(withProviders(() => <SpaceCalendar />, 'zh-CN', '/spaces/:id'));
    await screen.findByTestId('booking-form');
    fill('12');
    fireEvent.submit(screen.getByTestId('booking-form'));
    expect(await screen.findByText('请在开放时间 08:00–21:30 内预订。')).toBeTruthy();

    answer = () =>
      jsonResponse(
        {
          error: {
            code: 'conflict',
            message: '多功能厅 is already booked then by 合唱团 (2027-03-01 19:00 – 2027-03-01 21:00, 排练)',
            details: { clashes: ['合唱团 (2027-03-01 19:00 – 2027-03-01 21:00, 排练)'] },
          },
        },
        409,
      );
    fireEvent.submit(screen.getByTestId('booking-form'));
    const clashes = await screen.findByTestId('booking-clashes');
    expect(clashes.textContent).toContain('这个时段已被预订');
    expect(clashes.textContent).toContain('合唱团 (2027-03-01 19:00 – 2027-03-01 21:00, 排练)');
  });
});
