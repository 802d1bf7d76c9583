import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AssociationScores from '../../web/src/features/association/association-scores';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { METRICS, RULES } from '../../worker/metrics/definitions';
import { jsonResponse, withProviders } from './render';

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const coordinator = {
  userId: 'demo-rep',
  name: '业委会老李',
  platformRoles: [],
  member: { id: 7, displayName: '业委会老李', roles: [{ role: 'party-representative', partyKey: 'owners-committee' }] },
};

function figures(activitiesHeld: number) {
  return {
    values: Object.fromEntries(METRICS.map((m) => [m.key, m.key === 'activitiesHeld' ? activitiesHeld : null])),
    // The structure rule has its parties check met and the rest not.
    rules: Object.fromEntries(
      RULES.map((r) => [r.key, { score: 0.25, checks: Object.fromEntries(r.checks.map((c, i) => [c.key, i === 0])) }]),
    ),
  };
}

let answer: () => Response;

beforeEach(() => {
  answer = () =>
    jsonResponse({
      currentMonth: '2026-11',
      computedAt: '2026-11-05T03:00:00.000Z',
      months: [
        { month: '2026-09', figures: figures(7) },
        { month: '2026-10', figures: figures(12) },
        { month: '2026-11', figures: figures(3) },
      ],
      monthsWithoutJointMeeting: ['2026-09'],
      contacts: { buildings: 4, withTwo: 1, short: [{ name: '3 栋', contacts: 1, contactsRequired: 2 }] },
      nextSteps: [
        { key: 'building-second-contact', count: 3, href: '/buildings' },
        { key: 'statements', count: 2, href: '/clubs' },
        { key: 'joint-meeting', count: 1, href: '/meetings' },
      ],
      definitions: { metrics: [...METRICS], rules: [...RULES] },
    });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(coordinator);
      if (path === '/api/association/scores') return answer();
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  storeSessionToken('test-token');
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('where the association stands', () => {
  it('shows the next useful steps, each linking to the screen that fixes it', async () => {
    render(withProviders(() => <AssociationScores />));
    const steps = await screen.findByTestId('next-steps');
    const links = within(steps).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['3 栋楼还需要第二名联络人', '/buildings'],
      ['2 个社团还没有公开活动账目', '/clubs'],
      ['本月还没有安排联席会议', '/meetings'],
    ]);
  });

  it('renders the figures month by month with definitions, and the rules as checklists with what is missing', async () => {
    render(withProviders(() => <AssociationScores />));
    const table = await screen.findByRole('table');
    const row = table.querySelector('tr[data-row="activitiesHeld"]') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['7', '12', '3']);
    // The definition is one focus away, as on the consultant's pages.
    expect(
      within(row)
        .getByRole('button', { name: /举办活动/ })
        .getAttribute('aria-describedby'),
    ).toBeTruthy();
    const structure = screen.getByTestId('rules').querySelector('[data-rule="structure"]') as HTMLElement;
    expect(within(structure).getByText('四方都有代表').closest('li')?.textContent).toContain('达标');
    expect(within(structure).getByText('至少一个专业委员会有成员').closest('li')?.textContent).toContain('未达标');
    expect(screen.getByTestId('months-without-meeting').textContent).toContain('2026年9月');
    expect(screen.getByText('1 / 4 栋楼有至少两名联络人')).toBeTruthy();
    expect(screen.getByText('3 栋：1 名联络人')).toBeTruthy();
  });

  it('explains who may see it when the API refuses', async () => {
    answer = () => jsonResponse({ error: { code: 'forbidden', message: 'no' } }, 403);
    render(withProviders(() => <AssociationScores />));
    expect(await screen.findByText(/只有互助会管理员和协调人可以查看/)).toBeTruthy();
  });
});
