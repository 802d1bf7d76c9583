import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgramList } from '../../web/src/features/home/program-list';
import ProgramPageView from '../../web/src/features/programs/program-page';
import SectionEditor from '../../web/src/features/programs/section-editor';
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
const admin = {
  userId: 'demo-admin',
  name: '周明',
  platformRoles: [],
  member: { id: 1, displayName: '周明', roles: [{ role: 'association-admin', partyKey: '' }] },
};

const months = ['2026-01', '2026-02', '2026-03'];
const values = (a: number, b: number, c: number) => ({ '2026-01': a, '2026-02': b, '2026-03': c });

/** The library's page as the API answers a visitor (no volunteers' names); members get `people`. */
function libraryPage(people: { id: number; displayName: string; hours: number }[] | null) {
  return {
    key: 'library',
    name: { zh: '明志书屋', en: 'Mingzhi Community Library' },
    description: { zh: '小区里的公共图书馆', en: 'A public library inside the estate' },
    enabled: true,
    sections: [
      { key: 'purpose', body: '在小区里开一间**共享书房**', edited: false, revision: 1, updatedAt: null },
      { key: 'roles', body: '- 项目负责人\n- 志愿馆员', edited: false, revision: 1, updatedAt: null },
      { key: 'how-to-run', body: '1. 借一间屋子\n2. 招募馆员', edited: true, revision: 3, updatedAt: '2026-03-02T02:00:00.000Z' },
      { key: 'measures', body: '- 月借阅量', edited: false, revision: 1, updatedAt: null },
    ],
    tool: '/library',
    clubs: [{ id: 5, name: '读书会', purpose: '每月读一本书', status: 'active', meetingPattern: null, memberCount: 12 }],
    activities: [
      {
        id: 31,
        title: '亲子绘本会',
        startsAt: '2026-03-07T01:00:00.000Z',
        endsAt: '2026-03-07T03:00:00.000Z',
        place: '书屋',
        state: 'open',
        capacity: 20,
        feeFen: 1000,
        clubId: 5,
        clubName: '读书会',
        confirmed: 8,
      },
    ],
    volunteers: { count: 2, people },
    figures: {
      timeZone: 'Asia/Shanghai',
      months,
      series: [
        { key: 'activitiesHeld', labelZh: '举办的活动', labelEn: 'Activities held', unit: 'count', values: values(1, 0, 4) },
        { key: 'participants', labelZh: '参与人次', labelEn: 'Participants', unit: 'count', values: values(12, 0, 37) },
        { key: 'volunteerHours', labelZh: '志愿服务时长', labelEn: 'Volunteer hours', unit: 'hours', values: values(2.5, 0, 10) },
        { key: 'activeClubs', labelZh: '办过活动的社团', labelEn: 'Clubs that held activities', unit: 'count', values: values(1, 0, 1) },
      ],
    },
  };
}

let saved: { body: unknown; locale: string | null }[] = [];

function serve(who: typeof admin | null) {
  if (who) storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const url = new URL(request.url);
      if (url.pathname === '/api/site') return jsonResponse(site);
      if (url.pathname === '/api/me')
        return who ? jsonResponse(who) : jsonResponse({ error: { code: 'unauthenticated', message: 'Sign in' } }, 401);
      if (url.pathname === '/api/programs/library')
        return jsonResponse(libraryPage(who ? [{ id: 9, displayName: '李建国', hours: 12.5 }] : null));
      if (url.pathname === '/api/programs/library/sections/how-to-run' && request.method === 'PUT') {
        saved.push({ body: await request.json(), locale: url.searchParams.get('locale') });
        return jsonResponse({ revision: 4 });
      }
      return jsonResponse({ error: { code: 'not_found', message: 'No such route' } }, 404);
    }),
  );
}

beforeEach(() => {
  localStorage.clear();
  saved = [];
  window.history.replaceState(null, '', '/programs/library');
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

describe("a program's page", () => {
  it("shows a visitor the sections (the community's words marked), the tool, clubs, activities, a volunteer count without names, and the figures as a table", async () => {
    serve(null);
    render(withProviders(() => <ProgramPageView />, 'zh-CN', '/programs/:key'));
    expect(await screen.findByRole('heading', { level: 1, name: '明志书屋' })).toBeTruthy();
    const howTo = document.querySelector('[data-section="how-to-run"]') as HTMLElement;
    expect(within(howTo).getByRole('heading', { name: '怎么做' })).toBeTruthy();
    expect(within(howTo).getByText('本社区的说法')).toBeTruthy();
    expect(howTo.querySelectorAll('ol li')).toHaveLength(2);
    const purpose = document.querySelector('[data-section="purpose"]') as HTMLElement;
    expect(within(purpose).getByText('模板原文')).toBeTruthy();
    expect(purpose.querySelector('strong')?.textContent).toBe('共享书房');
    expect(screen.getByRole('link', { name: '打开' }).getAttribute('href')).toBe('/library');
    expect(screen.getByRole('link', { name: '读书会' }).getAttribute('href')).toBe('/clubs/5');
    expect(screen.getByRole('link', { name: '亲子绘本会' }).getAttribute('href')).toBe('/activities/31');
    expect(screen.getByText('过去 12 个月有 2 位志愿者为这个项目服务。')).toBeTruthy();
    expect(screen.getByText('志愿者的名字只对本社区成员显示。')).toBeTruthy();
    expect(screen.queryByText('李建国')).toBeNull();
    // Visitors neither edit nor manage.
    expect(screen.queryByRole('link', { name: '编辑“怎么做”' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '管理这个项目' })).toBeNull();
    const table = await screen.findByTestId('program-figures');
    const march = table.querySelector('tr[data-month="2026-03"]') as HTMLElement;
    expect([...march.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['4', '37', '10.0', '1']);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '月份',
      '举办的活动',
      '参与人次',
      '志愿服务时长',
      '办过活动的社团',
    ]);
  });

  it('shows an administrator the volunteers by name, links to edit and to the history of each section, and the program settings', async () => {
    serve(admin);
    render(withProviders(() => <ProgramPageView />, 'zh-CN', '/programs/:key'));
    expect(await screen.findByText('李建国')).toBeTruthy();
    const edit = await screen.findByRole('link', { name: '编辑“怎么做”' });
    expect(edit.getAttribute('href')).toBe('/programs/library/how-to-run/edit');
    expect(screen.getByRole('link', { name: '“怎么做”的修改记录' }).getAttribute('href')).toBe('/programs/library/how-to-run/history');
    expect(screen.getByRole('heading', { name: '管理这个项目' })).toBeTruthy();
    expect((screen.getByLabelText('中文名称') as HTMLInputElement).value).toBe('明志书屋');
    expect(screen.getByRole('button', { name: '关闭项目' })).toBeTruthy();
  });

  it('in English too', async () => {
    serve(null);
    render(withProviders(() => <ProgramPageView />, 'en', '/programs/:key'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mingzhi Community Library' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How to run it' })).toBeTruthy();
    expect(await screen.findByRole('columnheader', { name: 'Volunteer hours' })).toBeTruthy();
  });
});

describe("editing a section in the community's words", () => {
  it('starts from the current text, previews the Markdown, and saves on top of the revision it started from', async () => {
    window.history.replaceState(null, '', '/programs/library/how-to-run/edit');
    serve(admin);
    render(withProviders(() => <SectionEditor />, 'zh-CN', '/programs/:key/:section/edit'));
    const body = (await screen.findByLabelText('正文（Markdown）')) as HTMLTextAreaElement;
    await waitFor(() => expect(body.value).toBe('1. 借一间屋子\n2. 招募馆员'));
    fireEvent.input(body, { target: { value: '1. 借一间屋子\n2. 招募 **十位** 馆员' } });
    expect(document.querySelector('.preview strong')?.textContent).toBe('十位');
    fireEvent.input(screen.getByLabelText('这次改了什么'), { target: { value: '写明人数' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存为第 4 版。')).toBeTruthy();
    expect(saved).toEqual([
      { body: { body: '1. 借一间屋子\n2. 招募 **十位** 馆员', summary: '写明人数', baseRevision: 3 }, locale: 'zh-CN' },
    ]);
  });
});

describe('the home page program cards', () => {
  it("each opens the program's page", () => {
    serve(null);
    const programs = [
      { key: 'library', name: { zh: '明志书屋', en: 'Library' }, description: { zh: '图书馆', en: 'A library' }, enabled: true },
    ];
    render(withProviders(() => <ProgramList programs={programs} />));
    expect(screen.getByRole('link', { name: '明志书屋' }).getAttribute('href')).toBe('/programs/library');
  });
});
