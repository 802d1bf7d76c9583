import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ActivityDetail from '../../web/src/features/activities/activity-detail';
import ActivityEditor from '../../web/src/features/activities/activity-editor';
import FundStatement from '../../web/src/features/ledger/fund-statement';
import { ZoneNote } from '../../web/src/components/zone-note';
import { localInputToIso, parseYuan, setCommunityTimeZone, yuan } from '../../web/src/lib/format';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const me = { userId: 'demo-resident', name: '王小雨', platformRoles: [], member: { id: 3, displayName: '王小雨', roles: [] } };
const facts = { surplusRatePercent: 8 };

const statement = {
  fund: { key: 'club:1', name: '网球社基金 / Tennis club fund', clubId: 1 },
  period: { from: '2025-01-01', to: '2026-01-01' },
  openingFen: 10000,
  income: [
    { category: 'activity-fees', amountFen: 105600 },
    { category: 'grant-from-district', amountFen: 5000 },
  ],
  spending: [{ category: 'activity-costs', amountFen: 96200 }],
  movements: [],
  incomeFen: 110600,
  spendingFen: 96200,
  movementsFen: 0,
  surplusFen: 14400,
  closingFen: 24400,
  entries: [
    {
      id: 7,
      occurredOn: '2025-05-18',
      category: 'activity-fees',
      memo: '周末网球：活动费收入',
      activityId: 4,
      reversesId: null,
      amountFen: 105600,
    },
    {
      id: 8,
      occurredOn: '2025-05-18',
      category: 'activity-costs',
      memo: '周末网球：活动支出',
      activityId: 4,
      reversesId: null,
      amountFen: -96200,
    },
    {
      id: 9,
      occurredOn: '2025-06-01',
      category: 'grant-from-district',
      memo: '街道补助',
      activityId: null,
      reversesId: null,
      amountFen: 5000,
    },
  ],
};

/** An activity as GET /api/activities/{id} answers it, for the responsible person (member 3). */
function activity(state: string, overrides: Record<string, unknown> = {}) {
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
    state,
    expectedParticipants: 10,
    surplusRatePercent: 8,
    feeFen: 700,
    exceptionReason: null,
    approvedBy: null,
    approvedAt: null,
    cancelledReason: null,
    createdAt: '2025-05-01T00:00:00.000Z',
    checkinToken: 'abcdef0123456789',
    isOrganiser: true,
    club: null,
    responsible: { id: 3, displayName: '王小雨' },
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
let detail: unknown = null;
let siteZone = 'Asia/Shanghai';

let calls: string[] = [];
beforeEach(() => {
  localStorage.clear();
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      calls.push(url);
      const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      if (path === '/api/site') return jsonResponse({ ...site, timeZone: siteZone });
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/handbooks') return jsonResponse({ templateVersion: 1, facts, handbooks: [] });
      if (path === '/api/me/overview') return jsonResponse({ thisWeek: [], signups: [], clubs: [] });
      if (path === '/api/ledger/funds/club:1/statement') return jsonResponse(statement);
      if (path === '/api/activities/5') return jsonResponse(detail);
      if (path === '/api/activities/5/signups') return jsonResponse({ signups: [] });
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  siteZone = 'Asia/Shanghai';
  setCommunityTimeZone('Asia/Shanghai');
  storeSessionToken(null);
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

describe('money and time helpers', () => {
  it('reads yuan as typed into whole fen, and shows fen as yuan', () => {
    expect(parseYuan('720')).toBe(72000);
    expect(parseYuan('43.29')).toBe(4329);
    expect(parseYuan('0.5')).toBe(50);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(yuan(4329)).toBe('¥43.29');
    expect(yuan(-500)).toBe('−¥5.00');
  });

  it('turns a datetime-local value into ISO 8601 with an offset', () => {
    expect(localInputToIso('2025-06-01T19:00')).toMatch(/^2025-06-01T19:00:00[+-]\d{2}:\d{2}$/);
    expect(localInputToIso('')).toBeNull();
  });
});

describe('ActivityEditor', () => {
  it('shows the live AA breakdown: ¥720 + ¥170 + ¥72 for 24 people at 8% is ¥44 per person', async () => {
    render(withProviders(() => <ActivityEditor />));
    const breakdown = await screen.findByTestId('budget-breakdown');
    fireEvent.input(screen.getByLabelText('预计人数'), { target: { value: '24' } });
    fireEvent.input(screen.getByLabelText('结余比例（%）'), { target: { value: '8' } });

    const amounts = [
      ['场地费', '720'],
      ['教练费', '170'],
      ['饮用水', '72'],
    ];
    for (const [i, [label, amount]] of amounts.entries()) {
      if (i > 0) fireEvent.click(screen.getByRole('button', { name: '添加一项费用' }));
      fireEvent.input(screen.getByLabelText(`第 ${i + 1} 项`), { target: { value: label } });
      fireEvent.input(screen.getAllByLabelText('金额（元）')[i]!, { target: { value: amount } });
    }

    await waitFor(() => expect(within(breakdown).getByTestId('fee').textContent).toContain('¥44.00'));
    const text = breakdown.textContent ?? '';
    expect(text).toContain('¥962.00'); // costs
    expect(text).toContain('¥76.96'); // surplus target, 8%
    expect(text).toContain('¥1038.96'); // costs + surplus
    expect(text).toContain('¥43.29'); // the exact share before rounding up
    expect(text).toContain('¥1056.00'); // income at 24 × ¥44
    expect(text).toContain('22 人'); // break-even: ⌈962 ÷ 44⌉

    // Removing a line recomputes at once.
    fireEvent.click(screen.getByRole('button', { name: '删除第 3 项' }));
    await waitFor(() => expect(within(breakdown).getByTestId('fee').textContent).toContain('¥41.00')); // 890 × 1.08 ÷ 24 = 40.05
  });

  it('uses the community default surplus rate when the field is left empty, and flags a fee that needs an exception', async () => {
    render(withProviders(() => <ActivityEditor />));
    await waitFor(() => expect(screen.getByLabelText('结余比例（%）').getAttribute('placeholder')).toBe('8'));
    fireEvent.input(screen.getByLabelText('预计人数'), { target: { value: '10' } });
    fireEvent.input(screen.getByLabelText('第 1 项'), { target: { value: '场地费' } });
    fireEvent.input(screen.getAllByLabelText('金额（元）')[0]!, { target: { value: '100' } });
    const breakdown = screen.getByTestId('budget-breakdown');
    await waitFor(() => expect(within(breakdown).getByTestId('fee').textContent).toContain('¥11.00'));
    fireEvent.input(screen.getByLabelText('实际收费（元，可选）'), { target: { value: '0' } });
    await waitFor(() => expect(within(breakdown).getByText(/需要记录例外原因/)).toBeTruthy());
    fireEvent.input(screen.getByLabelText('例外原因'), { target: { value: '由社团基金补贴' } });
    await waitFor(() => expect(within(breakdown).queryByText(/需要记录例外原因/)).toBeNull());
  });
});

describe('FundStatement', () => {
  it('renders opening, income and spending by category, surplus, closing and the entries of a stubbed statement', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/accounts/club:1');
    render(withProviders(() => <FundStatement />, 'zh-CN', '/accounts/:key'));

    const summary = await screen.findByTestId('statement-summary');
    const stat = (label: string) => within(summary).getByText(label).closest('.stat')?.querySelector('strong')?.textContent;
    expect(stat('期初余额')).toBe('¥100.00');
    expect(stat('收入')).toBe('¥1106.00');
    expect(stat('支出')).toBe('¥962.00');
    expect(stat('结余')).toBe('¥144.00');
    expect(stat('期末余额')).toBe('¥244.00');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('网球社基金');

    const income = screen.getByRole('heading', { name: '收入分类' }).closest('section')!;
    expect(within(income).getByText('活动费收入').closest('tr')?.textContent).toContain('¥1056.00');
    expect(within(income).getByText('grant-from-district')).toBeTruthy(); // unknown category: the raw key
    const spending = screen.getByRole('heading', { name: '支出分类' }).closest('section')!;
    expect(within(spending).getByText('活动支出').closest('tr')?.textContent).toContain('¥962.00');

    const entries = screen.getByRole('table', { name: '收支记录' });
    expect(within(entries).getAllByRole('row')).toHaveLength(4);
    expect(within(entries).getByText('街道补助')).toBeTruthy();

    const year = new Date().getFullYear();
    expect(
      calls.some(
        (u) => u.includes('/api/ledger/funds/club:1/statement') && u.includes(`from=${year}-01-01`) && u.includes(`to=${year + 1}-01-01`),
      ),
    ).toBe(true);
    expect(screen.getByRole('link', { name: '下载 CSV' }).getAttribute('href')).toBe(
      `/api/ledger/funds/club%3A1/statement.csv?from=${year}-01-01&to=${year + 1}-01-01`,
    );
  });
});

describe('ActivityDetail', () => {
  it('offers the responsible person the next steps of the process, and not the approval of their own budget', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/activities/5');
    detail = activity('budget-submitted', {
      exceptionReason: '由互助会基金承担',
      feeFen: 0,
      budget: { ...activity('x').budget, feeFen: 0, exceptionReason: '由互助会基金承担' },
    });
    render(withProviders(() => <ActivityDetail />, 'zh-CN', '/activities/:id'));
    await screen.findByRole('heading', { name: '组织者' });
    await waitFor(() => expect(screen.getByText(/须由负责人以外/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: '批准' })).toBeNull();
    expect(screen.getByText('负责人：王小雨', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('fee').textContent).toContain('免费');
  });

  it('shows the open activity its close and hold steps, and the check-in QR code with its alt text', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/activities/5');
    detail = activity('open');
    render(withProviders(() => <ActivityDetail />, 'zh-CN', '/activities/:id'));
    expect(await screen.findByRole('button', { name: '截止报名' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '标记为已举办' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交预算审批' })).toBeNull();
    const qr = await screen.findByRole('img', { name: '“邻里读书会”的签到二维码' });
    await waitFor(() => expect(qr.querySelector('svg')).toBeTruthy());
    expect(screen.getByText(/\/activities\/5\/check-in\?token=abcdef0123456789/)).toBeTruthy();
  });
});

describe("ActivityDetail on the community's clock", () => {
  // 01:00–03:00 UTC: 09:00–11:00 in Shanghai; this test runner's device clock is UTC (01:00).
  const nineInShanghai = { startsAt: '2025-06-01T01:00:00.000Z', endsAt: '2025-06-01T03:00:00.000Z' };
  const page = () => (
    <>
      <ZoneNote />
      <ActivityDetail />
    </>
  );

  it('shows a 09:00 Shanghai activity at 09:00 with a note naming the zone, on a device set to another zone', async () => {
    window.history.replaceState(null, '', '/activities/5');
    detail = activity('open', nineInShanghai);
    render(withProviders(page, 'zh-CN', '/activities/:id'));
    await waitFor(() => expect(screen.getByText(/6月1日周日 09:00 – 11:00/)).toBeTruthy());
    expect(screen.queryByText(/01:00/)).toBeNull();
    expect(screen.getByTestId('zone-note').textContent).toBe('时间均为北京时间（Asia/Shanghai）');
  });

  it('follows the zone the site gives: the same activity in a New York community is the evening before', async () => {
    window.history.replaceState(null, '', '/activities/5');
    siteZone = 'America/New_York';
    detail = activity('open', nineInShanghai);
    render(withProviders(page, 'en', '/activities/:id'));
    await waitFor(() => expect(screen.getByText(/Sat, May 31, 21:00 – 23:00/)).toBeTruthy());
    expect(screen.getByTestId('zone-note').textContent).toMatch(/^All times in .+ \(America\/New_York\)$/);
  });
});
