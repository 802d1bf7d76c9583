import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ActivityPoster from '../../web/src/features/print/activity-poster';
import SignInSheet, { WALK_IN_ROWS } from '../../web/src/features/print/sign-in-sheet';
import { jsonResponse, withProviders } from './render';

vi.setConfig({ testTimeout: 20_000 });

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
// 01:00 UTC is 09:00 in Shanghai, whatever zone the machine running the test is in.
const times = { startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:30:00.000Z', timeZone: 'Asia/Shanghai' };
const poster = {
  id: 7,
  title: '周六网球友谊赛',
  description: '',
  ...times,
  place: '小区网球场',
  state: 'open',
  clubName: '周末网球社',
  feeFen: 2750,
  capacity: 24,
  placesLeft: 3,
  waitlist: true,
};
const sheet = {
  id: 7,
  title: '周六网球友谊赛',
  ...times,
  place: '小区网球场',
  state: 'open',
  feeFen: 2750,
  capacity: 2,
  clubName: '周末网球社',
  responsible: '陈思远',
  rows: [
    { signupId: 1, name: '王小雨', heldBy: null, isChild: false, waitlisted: false },
    { signupId: 2, name: '小明', heldBy: '王小雨', isChild: true, waitlisted: false },
    { signupId: 3, name: '李建国', heldBy: null, isChild: false, waitlisted: true },
  ],
};

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/activities/7/poster') return jsonResponse(poster);
      if (path === '/api/activities/7/sign-in-sheet') return jsonResponse(sheet);
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("an activity's poster", () => {
  it("shows the time on the community's clock, the cost per person, places left, the club and a QR code to the activity", async () => {
    window.history.pushState({}, '', '/activities/7/poster');
    render(withProviders(() => <ActivityPoster />, 'zh-CN', '/activities/:id/poster'));
    await screen.findByRole('heading', { name: '周六网球友谊赛' });
    const sheetText = document.querySelector('.print-sheet')?.textContent ?? '';
    expect(sheetText).toContain('09:00');
    expect(sheetText).toContain('11:30');
    expect(sheetText).toContain('每人 ¥27.50（AA 制');
    expect(sheetText).toContain('还剩 3 个名额');
    expect(sheetText).toContain('主办：周末网球社');
    expect(sheetText).toContain('翠竹园');
    expect(document.querySelector('.print-qr')?.getAttribute('data-qr-url')).toBe(`${location.origin}/activities/7`);
    expect(screen.getByRole('button', { name: '打印' })).toBeTruthy();
  });

  it('speaks English too', async () => {
    window.history.pushState({}, '', '/activities/7/poster');
    render(withProviders(() => <ActivityPoster />, 'en', '/activities/:id/poster'));
    await screen.findByRole('heading', { name: '周六网球友谊赛' });
    const sheetText = document.querySelector('.print-sheet')?.textContent ?? '';
    expect(sheetText).toContain('3 places left');
    expect(sheetText).toContain('¥27.50 per person');
    expect(sheetText).toContain('Cuizhuyuan');
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });
});

describe('the sign-in sheet', () => {
  it('numbers the confirmed participants, then the waiting list marked, then blank rows for walk-ins, with a paid column', async () => {
    window.history.pushState({}, '', '/activities/7/sign-in-sheet');
    render(withProviders(() => <SignInSheet />, 'zh-CN', '/activities/:id/sign-in-sheet'));
    await screen.findByRole('heading', { name: '周六网球友谊赛' });
    expect(screen.getByRole('columnheader', { name: '已付 ¥27.50' })).toBeTruthy();
    const rows = [...document.querySelectorAll('table.sign-in tbody tr')].map((tr) => tr.textContent ?? '');
    expect(rows).toHaveLength(3 + WALK_IN_ROWS);
    expect(rows[0]).toMatch(/^1王小雨/);
    expect(rows[1]).toContain('小明（儿童）（王小雨 报名）');
    expect(rows[2]).toContain('李建国（候补）');
    expect(rows[3]).toMatch(/^4现场报名/);
    const header = document.querySelector('.sheet-header')?.textContent ?? '';
    expect(header).toContain('负责人：陈思远');
    expect(header).toContain('09:00');
  });
});
