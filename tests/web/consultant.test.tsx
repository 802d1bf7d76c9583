import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsultantAccess } from '../../web/src/features/consultants/consultant-access';
import ConsultantCommunities from '../../web/src/features/consultants/consultant-communities';
import ConsultantCompare from '../../web/src/features/consultants/consultant-compare';
import {
  compareView,
  type DefinitionsView,
  type FiguresView,
  formatValue,
  type SeriesView,
  tableCsvRows,
  toCsv,
  trajectoryView,
  type ViewContext,
} from '../../web/src/lib/metrics-view';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { METRICS, RULES } from '../../worker/metrics/definitions';
import { HEADLINE_KEYS } from '../../worker/metrics/list-rules';
import { jsonResponse, withProviders } from './render';

const definitions = { metrics: [...METRICS], rules: [...RULES] };
const platformSite = { host: 'platform', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null };
const communitySite = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const consultant = { userId: 'demo-consultant', name: '顾问林', platformRoles: ['consultant'], member: null };
const admin = {
  userId: 'demo-admin',
  name: '周明',
  platformRoles: [],
  member: { id: 5, displayName: '周明', roles: [{ role: 'association-admin', partyKey: 'association' }] },
};

/** Figures with every metric set from `base` (null where not given), and rules scored as given. */
function figures(values: Record<string, number | null>, score = 0.5): FiguresView {
  return {
    values: Object.fromEntries(METRICS.map((m) => [m.key, values[m.key] ?? null])),
    rules: Object.fromEntries(RULES.map((r) => [r.key, { score, checks: Object.fromEntries(r.checks.map((c, i) => [c.key, i === 0])) }])),
  };
}

/** A card's figures as the list sends them: the headline figures and each rule's score. */
function headline(values: Record<string, number | null>, score = 0.5) {
  return {
    values: Object.fromEntries(HEADLINE_KEYS.map((key) => [key, values[key] ?? null])),
    scores: Object.fromEntries(RULES.map((r) => [r.key, score])),
  };
}

const MONTHS = [
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];
function series(slug: string, name: { zh: string; en: string }, households: number, participationStep: number): SeriesView {
  return {
    slug,
    name,
    city: '南京',
    computedAt: '2026-11-05T03:00:00.000Z',
    currentMonth: '2026-11',
    months: MONTHS.map((month, i) => ({
      month,
      figures: figures(
        {
          households,
          activitiesHeld: 10 + i,
          householdParticipation: participationStep * (i + 1),
          medianDaysToDecision: slug === 'pingzhi' ? null : 12.25,
        },
        i / 12,
      ),
    })),
  };
}
const cuizhuyuan = series('cuizhuyuan', { zh: '翠竹园', en: 'Cuizhuyuan' }, 3000, 0.01);
const pingzhi = series('pingzhi', { zh: '平治', en: 'Pingzhi' }, 800, 0.02);

let grantedList: unknown | ((url: URL) => unknown);
let compareAnswer: Response | (() => Response);
let accessAnswer: { grants: unknown[]; directory: unknown[] };
let writeAnswer: () => Response;
let me: unknown;
let site: unknown;
let requests: { method: string; path: string }[];

beforeEach(() => {
  localStorage.clear();
  requests = [];
  me = consultant;
  site = platformSite;
  grantedList = {
    communities: [
      {
        slug: 'cuizhuyuan',
        name: cuizhuyuan.name,
        city: '南京',
        grantedAt: '2026-01-01T00:00:00.000Z',
        computedAt: '2026-11-05T03:00:00.000Z',
        month: '2026-10',
        headline: headline({ households: 3000, members: 412, householdParticipation: 0.125, contactCoverage: 0.8, programsActive: 7 }),
      },
      {
        slug: 'pingzhi',
        name: pingzhi.name,
        city: '常州',
        grantedAt: '2026-02-01T00:00:00.000Z',
        computedAt: '2026-11-05T03:00:00.000Z',
        month: '2026-10',
        headline: headline({ households: 800, members: 95, householdParticipation: 0.05, contactCoverage: null, programsActive: 3 }),
      },
    ],
    total: 2,
    nextCursor: null,
    definitions,
  };
  compareAnswer = () => jsonResponse({ communities: [cuizhuyuan, pingzhi], definitions });
  accessAnswer = {
    grants: [
      {
        userId: 'demo-consultant',
        displayName: '顾问林',
        organisation: '社区营造研究中心',
        grantedAt: '2026-03-01T02:00:00.000Z',
        grantedBy: 'demo-admin',
        grantedByName: '周明',
        revokedAt: null,
      },
      {
        userId: 'old-consultant',
        displayName: '顾问王',
        organisation: '',
        grantedAt: '2025-05-01T02:00:00.000Z',
        grantedBy: 'demo-admin',
        grantedByName: null,
        revokedAt: '2025-09-01T02:00:00.000Z',
      },
    ],
    directory: [
      { userId: 'demo-consultant', displayName: '顾问林', organisation: '社区营造研究中心' },
      { userId: 'demo-consultant-2', displayName: '顾问苏', organisation: '城乡社区发展工作室' },
    ],
  };
  writeAnswer = () => jsonResponse({ ok: true });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const url = new URL(request.url);
      requests.push({ method: request.method, path: url.pathname + url.search });
      if (url.pathname === '/api/site') return jsonResponse(site);
      if (url.pathname === '/api/me') return jsonResponse(me);
      if (url.pathname === '/api/consultant/communities')
        return jsonResponse(typeof grantedList === 'function' ? grantedList(url) : grantedList);
      if (url.pathname === '/api/consultant/compare') return typeof compareAnswer === 'function' ? compareAnswer() : compareAnswer;
      if (url.pathname === '/api/consultant-access') return jsonResponse(accessAnswer);
      if (url.pathname.startsWith('/api/consultant-access/')) return writeAnswer();
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
  // jsdom has no canvas: the charts must say so and keep their captions rather than fail the page.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const zhContext: ViewContext = {
  locale: 'zh-CN',
  labels: {
    metric: '指标',
    groups: { scale: '规模', participation: '参与', coordination: '协同', finance: '财务', rules: '运营原则（达标比例）' },
    monthToDate: '（本月至今）',
  },
};

/** The text of each row of a rendered metrics table, names without their definitions. */
function tableRows(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => (cell.querySelector('.metric-label') ?? cell).textContent?.trim() ?? ''),
  );
}

describe('metrics view and CSV', () => {
  const defs: DefinitionsView = {
    metrics: [
      {
        key: 'households',
        group: 'scale',
        unit: 'count',
        higherIsBetter: null,
        label: { zh: '户数', en: 'Households' },
        definition: { zh: '申报户数。', en: 'Declared.' },
      },
      {
        key: 'householdParticipation',
        group: 'participation',
        unit: 'share',
        higherIsBetter: true,
        label: { zh: '家庭参与率', en: 'Participation' },
        definition: { zh: '参与户 ÷ 户数。', en: 'Share.' },
      },
      {
        key: 'medianDaysToDecision',
        group: 'coordination',
        unit: 'days',
        higherIsBetter: false,
        label: { zh: '议题决定天数，中位数', en: 'Median days' },
        definition: { zh: '中位数。', en: 'Median.' },
      },
    ],
    rules: [{ key: 'needs', label: { zh: '需求导向', en: 'Needs' }, definition: { zh: '议题在流动。', en: 'Flowing.' }, checks: [] }],
  };
  const one = (values: Record<string, number | null>, score: number): FiguresView => ({ values, rules: { needs: { score, checks: {} } } });
  const a: SeriesView = {
    slug: 'a',
    name: { zh: '翠竹园', en: 'Cuizhuyuan' },
    city: null,
    computedAt: null,
    currentMonth: '2026-11',
    months: [{ month: '2026-10', figures: one({ households: 3000, householdParticipation: 0.125, medianDaysToDecision: null }, 2 / 3) }],
  };
  const b: SeriesView = {
    slug: 'b',
    name: { zh: '平治"东区"', en: 'Pingzhi' },
    city: null,
    computedAt: null,
    currentMonth: '2026-11',
    months: [
      { month: '2026-10', figures: one({ households: 800, householdParticipation: null, medianDaysToDecision: 9.04 }, 1) },
      { month: '2026-11', figures: one({ households: 800, householdParticipation: 0.01, medianDaysToDecision: 3 }, 0) },
    ],
  };

  it('formats figures by unit, with "—" for a figure that does not apply', () => {
    expect(formatValue(null, 'share', 'zh-CN')).toBe('—');
    expect(formatValue(0, 'share', 'zh-CN')).toBe('0%');
    expect(formatValue(0.4567, 'share', 'zh-CN')).toBe('45.7%');
    expect(formatValue(2.345, 'per100', 'en')).toBe('2.3');
    expect(formatValue(12, 'hours', 'en')).toBe('12.0');
    expect(formatValue(7, 'of-nine', 'zh-CN')).toBe('7 / 9');
    expect(formatValue(3000, 'count', 'zh-CN')).toBe('3,000');
  });

  it('builds the comparison rows and the CSV from the same view, in Chinese, with nulls as "—"', () => {
    const view = compareView([a, b], defs, '2026-10', zhContext);
    const rows = tableCsvRows(view, ['月份：2026年10月', '数据计算于 2026年11月5日']);
    expect(rows).toEqual([
      ['月份：2026年10月', '数据计算于 2026年11月5日', ''],
      ['指标', '翠竹园', '平治"东区"'],
      ['规模', '', ''],
      ['户数', '3,000', '800'],
      ['参与', '', ''],
      ['家庭参与率', '12.5%', '—'],
      ['协同', '', ''],
      ['议题决定天数，中位数', '—', '9.0'],
      ['运营原则（达标比例）', '', ''],
      ['需求导向', '67%', '100%'],
    ]);
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"3,000"');
    expect(csv).toContain('"平治""东区"""');
    expect(csv).toContain('议题决定天数，中位数,—,9.0');
    // Read back, the file is exactly the rows.
    expect(Papa.parse<string[]>(csv.slice(1)).data).toEqual(rows);
  });

  it('labels the month in progress as month-to-date in a trajectory', () => {
    const view = trajectoryView(b, defs, zhContext);
    expect(view.columns.map((c) => c.label)).toEqual(['2026年10月', '2026年11月（本月至今）']);
    expect(view.sections.find((s) => s.key === 'participation')?.rows[0]?.cells).toEqual(['—', '1%']);
  });
});

describe('the consultant’s list of communities', () => {
  it('shows each granted community’s headline figures: shares as %, "—" where a figure does not apply', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <ConsultantCommunities />));
    const heading = await screen.findByRole('link', { name: '平治' });
    const pingzhiCard = heading.closest('li')!;
    const cuizhuyuanCard = screen.getByRole('link', { name: '翠竹园' }).closest('li')!;
    const figure = (card: Element, key: string) => card.querySelector(`[data-metric="${key}"] dd`)?.textContent;
    expect(figure(cuizhuyuanCard, 'householdParticipation')).toBe('12.5%');
    expect(figure(cuizhuyuanCard, 'contactCoverage')).toBe('80%');
    expect(figure(cuizhuyuanCard, 'households')).toBe('3,000');
    expect(figure(cuizhuyuanCard, 'programsActive')).toBe('7 / 9');
    expect(figure(pingzhiCard, 'contactCoverage')).toBe('—');
    expect(within(pingzhiCard as HTMLElement).getByText(/数据计算于/)).toBeTruthy();
    expect(within(pingzhiCard as HTMLElement).getByText(/社区于 .* 授权/)).toBeTruthy();
    expect(within(pingzhiCard as HTMLElement).getByText('2026年10月数据', { exact: false })).toBeTruthy();
  });

  it('makes each figure’s definition reachable by keyboard, as the info button’s description, and opens it on activation', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <ConsultantCommunities />));
    const cuizhuyuanCard = (await screen.findByRole('link', { name: '翠竹园' })).closest('li') as HTMLElement;
    const info = within(cuizhuyuanCard).getByRole('button', { name: '“家庭参与率”的定义' });
    info.focus();
    expect(document.activeElement).toBe(info);
    const definition = document.getElementById(info.getAttribute('aria-describedby') ?? '');
    expect(definition?.textContent).toContain('当月至少报名成功一次活动的户数');
    expect(info.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(info);
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(info.closest('.metric-name')?.classList.contains('open')).toBe(true);
    fireEvent.keyDown(info, { key: 'Escape' });
    expect(info.getAttribute('aria-expanded')).toBe('false');
  });

  it('asks the server to search and order, and says how many of how many are shown', async () => {
    storeSessionToken('test-token');
    const all = (grantedList as { communities: { slug: string; name: { zh: string } }[] }).communities;
    grantedList = (url: URL) => {
      const q = url.searchParams.get('q') ?? '';
      const communities = all.filter((c) => c.name.zh.includes(q));
      if (url.searchParams.get('order') === 'householdParticipation') communities.sort((a) => (a.slug === 'cuizhuyuan' ? -1 : 1));
      return { communities, total: communities.length, nextCursor: null, definitions };
    };
    render(withProviders(() => <ConsultantCommunities />));
    await screen.findByRole('link', { name: '平治' });
    const names = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    const listRequests = () => requests.filter((r) => r.path.startsWith('/api/consultant/communities'));
    expect(screen.getByText('显示 2 / 2 个社区')).toBeTruthy();
    expect(listRequests().at(-1)?.path).toBe('/api/consultant/communities?order=name');

    fireEvent.change(screen.getByLabelText('排序'), { target: { value: 'householdParticipation' } });
    await waitFor(() => expect(listRequests().at(-1)?.path).toBe('/api/consultant/communities?order=householdParticipation'));
    expect(screen.getByRole('option', { name: '最近授权的在前' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('按名称、城市查找'), { target: { value: ' 平治 ' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    await waitFor(() => expect(names()).toEqual(['平治']));
    expect(new URL(listRequests().at(-1)!.path, 'http://x').searchParams.get('q')).toBe('平治');
    expect(screen.getByText('显示 1 / 1 个社区')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('按名称、城市查找'), { target: { value: '没有这个' } });
    fireEvent.submit(screen.getByLabelText('按名称、城市查找').closest('form')!);
    expect(await screen.findByText('没有找到与“没有这个”匹配的社区。')).toBeTruthy();
    // A search that finds nothing is not "no community granted access".
    expect(screen.queryByText('还没有社区向你开放数据。')).toBeNull();
  });

  it('loads the next page after the last one, keeps what was ticked, and moves the focus to the first new community', async () => {
    storeSessionToken('test-token');
    const [first, second] = (grantedList as { communities: unknown[] }).communities;
    grantedList = (url: URL) =>
      url.searchParams.get('cursor') === 'after-cuizhuyuan'
        ? { communities: [second], total: 2, nextCursor: null, definitions }
        : { communities: [first], total: 2, nextCursor: 'after-cuizhuyuan', definitions };
    render(withProviders(() => <ConsultantCommunities />));
    await screen.findByRole('link', { name: '翠竹园' });
    expect(screen.getByText('显示 1 / 2 个社区')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '加入对比 翠竹园' }));
    fireEvent.click(screen.getByRole('button', { name: '加载更多社区' }));
    const pingzhi = await screen.findByRole('link', { name: '平治' });
    await waitFor(() => expect(document.activeElement).toBe(pingzhi));
    expect(requests.at(-1)?.path).toBe('/api/consultant/communities?order=name&cursor=after-cuizhuyuan');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['翠竹园', '平治']);
    expect(screen.getByText('显示 2 / 2 个社区')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多社区' })).toBeNull();
    expect((screen.getByRole('checkbox', { name: '加入对比 翠竹园' }) as HTMLInputElement).checked).toBe(true);
  });

  it('compares the communities ticked, and explains how access is granted when there are none', async () => {
    storeSessionToken('test-token');
    const { unmount } = render(withProviders(() => <ConsultantCommunities />));
    const compare = (await screen.findByRole('button', { name: '对比所选社区' })) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: '加入对比 翠竹园' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '加入对比 平治' }));
    expect(compare.disabled).toBe(false);
    fireEvent.click(compare);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/consultant/compare?slugs=cuizhuyuan,pingzhi'));
    unmount();

    window.history.replaceState(null, '', '/consultant');
    grantedList = { communities: [], total: 0, nextCursor: null, definitions };
    render(withProviders(() => <ConsultantCommunities />));
    expect(await screen.findByText('还没有社区向你开放数据。')).toBeTruthy();
    expect(screen.getByText(/在社区网站的「设置 → 顾问访问」中向你授权/)).toBeTruthy();
  });
});

describe('the comparison page', () => {
  it('shows the communities side by side for the latest complete month, and another month when picked', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/consultant/compare?slugs=cuizhuyuan,pingzhi');
    render(withProviders(() => <ConsultantCompare />));
    const table = await screen.findByRole('table', { name: '2026年10月各社区指标对比' });
    expect(
      requests.some(
        (r) =>
          r.path === '/api/consultant/compare?slugs=cuizhuyuan%2Cpingzhi' || r.path === '/api/consultant/compare?slugs=cuizhuyuan,pingzhi',
      ),
    ).toBe(true);
    const rows = tableRows(table);
    expect(rows[0]).toEqual(['指标', '翠竹园', '平治']);
    // October is the 12th month of the series: participation 12 × 1% and 12 × 2%.
    expect(rows).toContainEqual(['家庭参与率', '12%', '24%']);
    expect(rows).toContainEqual(['举办活动', '21', '21']);
    expect(rows).toContainEqual(['议题决定天数（中位数）', '12.3', '—']);
    // The month in progress is not offered: twelve complete months, newest first.
    const month = screen.getByLabelText('月份');
    if (!(month instanceof HTMLSelectElement)) throw new Error('not a select');
    expect([...month.options].map((o) => o.value)).toEqual([...MONTHS.slice(0, 12)].reverse());
    fireEvent.change(month, { target: { value: '2026-03' } });
    const march = await screen.findByRole('table', { name: '2026年3月各社区指标对比' });
    expect(tableRows(march)).toContainEqual(['家庭参与率', '5%', '10%']);
  });

  it('draws bars, the rules radar and trends in figures whose captions point at the table, with the rules’ checklists', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/consultant/compare?slugs=cuizhuyuan,pingzhi');
    render(withProviders(() => <ConsultantCompare />));
    const table = await screen.findByRole('table', { name: '2026年10月各社区指标对比' });
    const charts = document.querySelectorAll('figure.chart-figure');
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      const canvas = chart.querySelector('canvas')!;
      expect(canvas.getAttribute('role')).toBe('img');
      expect(canvas.getAttribute('aria-label')).toBeTruthy();
      const describedBy = (canvas.getAttribute('aria-describedby') ?? '').split(' ');
      for (const id of describedBy) expect(document.getElementById(id)).toBeTruthy();
      expect(chart.querySelector('figcaption')?.textContent).toBeTruthy();
      // No canvas context in jsdom: the figure says where the figures are instead of breaking.
      expect(chart.textContent).toContain('此处无法绘制图表');
    }
    const bar = screen.getByRole('img', { name: '家庭参与率，2026年10月，各社区对比' });
    expect(bar.getAttribute('aria-describedby')).toBe(table.querySelector('caption')?.id);
    expect(screen.getByRole('img', { name: '2026年10月各社区五项运营原则的达标比例（0–100%）' })).toBeTruthy();
    // Under the radar, each community's checklist: met and not met, in words for screen readers.
    const checklist = screen.getByText('翠竹园', { selector: 'summary' }).closest('details') as HTMLElement;
    expect(within(checklist).getByText('四方都有代表').closest('li')?.textContent).toContain('达标');
    expect(within(checklist).getByText('至少一个专业委员会有成员').closest('li')?.textContent).toContain('未达标');
  });

  it('downloads as CSV exactly the table shown, with a BOM and a line naming the month and when it was computed', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/consultant/compare?slugs=cuizhuyuan,pingzhi');
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(withProviders(() => <ConsultantCompare />));
    const table = await screen.findByRole('table', { name: '2026年10月各社区指标对比' });
    fireEvent.click(screen.getByRole('button', { name: '下载 CSV' }));
    expect(names).toEqual(['huzhu-compare-2026-10.csv']);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [preamble, ...rows] = Papa.parse<string[]>(text).data;
    expect(preamble?.[0]).toBe('月份：2026年10月');
    expect(preamble?.[1]).toMatch(/^数据计算于 /);
    // Group heading rows are padded with empty cells in the file; otherwise, row for row, the table.
    expect(rows.map((r) => (r.slice(1).every((c) => c === '') ? r.slice(0, 1) : r))).toEqual(tableRows(table));
  });

  it('names the communities that have not granted access', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/consultant/compare?slugs=cuizhuyuan,dafang');
    compareAnswer = () => jsonResponse({ error: { code: 'forbidden', message: 'No access', details: { slugs: ['dafang'] } } }, 403);
    render(withProviders(() => <ConsultantCompare />));
    expect((await screen.findByRole('alert')).textContent).toContain('dafang');
  });
});

describe('consultant access in the community’s settings', () => {
  beforeEach(() => {
    site = communitySite;
    me = admin;
  });

  it('lists active and revoked grants with when and by whom, and grants a consultant from the directory', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <ConsultantAccess />));
    const active = (await screen.findByText('顾问林')).closest('li') as HTMLElement;
    expect(active.textContent).toContain('由 周明 授权');
    expect(within(active).getByText('有效')).toBeTruthy();
    const revoked = screen.getByText('顾问王').closest('li') as HTMLElement;
    expect(revoked.textContent).toContain('撤销');
    expect(within(revoked).queryByRole('button')).toBeNull();
    expect(screen.getByText(/永远看不到居民的姓名、联系方式或报名记录/)).toBeTruthy();

    const choice = screen.getByLabelText('授权给顾问');
    if (!(choice instanceof HTMLSelectElement)) throw new Error('not a select');
    // Someone who already has access is not offered again.
    expect([...choice.options].map((o) => o.value)).toEqual(['', 'demo-consultant-2']);
    fireEvent.change(choice, { target: { value: 'demo-consultant-2' } });
    fireEvent.click(screen.getByRole('button', { name: '授权' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'PUT', path: '/api/consultant-access/demo-consultant-2' }));
    expect(await screen.findByText('已授权。')).toBeTruthy();
  });

  it('revokes only after confirmation', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <ConsultantAccess />));
    fireEvent.click(await screen.findByRole('button', { name: '撤销授权 · 顾问林' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    expect(screen.getByText(/确定撤销顾问林的访问权限吗/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确定撤销' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'DELETE', path: '/api/consultant-access/demo-consultant' }));
    expect(await screen.findByText('已撤销授权。')).toBeTruthy();
  });

  it('shows the error when a grant fails', async () => {
    storeSessionToken('test-token');
    writeAnswer = () =>
      jsonResponse({ error: { code: 'not_found', message: 'No consultant with this id is registered on the platform' } }, 404);
    render(withProviders(() => <ConsultantAccess />));
    const choice = await screen.findByLabelText('授权给顾问');
    fireEvent.change(choice, { target: { value: 'demo-consultant-2' } });
    fireEvent.click(screen.getByRole('button', { name: '授权' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('没有找到。');
    expect(alert.textContent).toContain('No consultant with this id');
  });
});
