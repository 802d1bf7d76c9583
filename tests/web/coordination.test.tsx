import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import IssueDetail from '../../web/src/features/issues/issue-detail';
import Issues from '../../web/src/features/issues/issues';
import MeetingDetail from '../../web/src/features/meetings/meeting-detail';
import Join from '../../web/src/features/members/join';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

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
  member: { id: 5, displayName: '周明', roles: [{ role: 'association-admin', partyKey: '' }] },
};
const t = (zh: string, en: string) => ({ zh, en });
const party = { kind: 'party', memberId: null, attendanceByChair: false };
const voters = [
  { key: 'residents-committee', title: t('居委会', "Residents' committee"), organisationName: null, attended: true, ...party },
  { key: 'owners-committee', title: t('业委会', "Owners' committee"), organisationName: null, attended: true, ...party },
  { key: 'property-company', title: t('物业', 'Property company'), organisationName: '金陵物业', attended: true, ...party },
  { key: 'association', title: t('互助会', 'Mutual-aid association'), organisationName: null, attended: true, ...party },
];
const meeting = {
  id: 7,
  title: '六月联席会议',
  scheduledFor: '2025-06-10T11:00:00.000Z',
  status: 'in-progress',
  openedAt: '2025-06-10T11:05:00.000Z',
  closedAt: null,
  committee: null,
  minutes: null,
  minutesPublishedAt: null,
  amendments: [],
  you: { chairs: true, recordsFor: ['association'] },
  body: { key: 'joint-meeting', name: t('多方联席会议', 'Multi-party joint meeting'), rule: 'unanimity' },
  voters,
  items: [
    {
      id: 31,
      issueId: 4,
      title: '地下车库增设充电桩',
      presenter: '李建国',
      minutesAllotted: 20,
      papers: '## 方案\n\n在 B1 增设 **12 个**充电桩。',
      position: 1,
      outcome: 'blocked',
      decisionText: null,
      revisedFrom: null,
      broughtBackTo: null,
      tally: { agree: 3, object: 0, block: 1, abstain: 0, missing: 0, present: 4 },
      stances: [
        { voter: 'residents-committee', position: 'agree', reason: null, written: false, byChair: false },
        { voter: 'owners-committee', position: 'agree', reason: null, written: false, byChair: false },
        { voter: 'property-company', position: 'block', reason: '现有电力容量不足，须先完成增容评估', written: false, byChair: false },
        { voter: 'association', position: 'agree', reason: null, written: false, byChair: false },
      ],
      actions: [],
    },
  ],
};
const meetingList = {
  meetings: [
    {
      id: 7,
      bodyKey: 'joint-meeting',
      title: '六月联席会议',
      scheduledFor: '2025-06-10T11:00:00.000Z',
      status: 'scheduled',
      minutesPublishedAt: null,
      committeeId: null,
      committeeName: null,
    },
    {
      id: 8,
      bodyKey: 'joint-meeting',
      title: '七月联席会议',
      scheduledFor: '2025-07-08T11:00:00.000Z',
      status: 'scheduled',
      minutesPublishedAt: null,
      committeeId: null,
      committeeName: null,
    },
    {
      id: 3,
      bodyKey: 'joint-meeting',
      title: '五月联席会议',
      scheduledFor: '2025-05-13T11:00:00.000Z',
      status: 'closed',
      minutesPublishedAt: '2025-05-15T00:00:00.000Z',
      committeeId: null,
      committeeName: null,
    },
  ],
  monthsWithoutJointMeeting: [],
};
const issue = {
  id: 4,
  title: '地下车库增设充电桩',
  description: '车库里没有充电桩，电动车只能拉线充电。',
  category: 'facilities',
  state: 'on-agenda',
  buildingId: 1,
  raisedBy: 3,
  raiserName: '王小雨',
  bodyKey: 'joint-meeting',
  mergedInto: null,
  outcome: null,
  decisionText: null,
  implementationOwner: null,
  dueOn: null,
  stateSince: '2025-06-01T02:00:00.000Z',
  createdAt: '2025-05-20T02:00:00.000Z',
  supports: 6,
  supportedByMe: false,
  studyCommittee: null,
  recommendation: null,
  recommendedAt: null,
  assistCommittee: null,
  waitingDays: 9,
  overdue: false,
  events: [
    { fromState: null, toState: 'raised', note: '', at: '2025-05-20T02:00:00.000Z', actor: '王小雨' },
    {
      fromState: 'raised',
      toState: 'acknowledged',
      note: '已在楼栋群里问过，很多人有同样的需要',
      at: '2025-05-21T03:00:00.000Z',
      actor: '李建国',
    },
    { fromState: 'acknowledged', toState: 'referred', note: '', at: '2025-05-25T03:00:00.000Z', actor: '李建国' },
    { fromState: 'referred', toState: 'on-agenda', note: '六月联席会议', at: '2025-06-01T02:00:00.000Z', actor: '周明' },
  ],
  stages: [
    { state: 'raised', from: '2025-05-20T02:00:00.000Z', days: 1 },
    { state: 'acknowledged', from: '2025-05-21T03:00:00.000Z', days: 4 },
    { state: 'referred', from: '2025-05-25T03:00:00.000Z', days: 6 },
    { state: 'on-agenda', from: '2025-06-01T02:00:00.000Z', days: 9 },
  ],
};
const buildings = {
  buildings: [
    { id: 1, name: '1栋', contactsRequired: 2, contacts: [{ id: 2, displayName: '李建国' }] },
    { id: 2, name: '2栋', contactsRequired: 2, contacts: [] },
  ],
  coverage: { buildings: 2, covered: 0, share: 0 },
};
const community = {
  slug: 'cuizhuyuan',
  name: t('翠竹园', 'Cuizhuyuan'),
  city: '南京',
  district: null,
  households: 3000,
  template: { key: 'cuizhuyuan', version: 1 },
  memberCount: 8,
  programs: [],
  parties: voters.map((v) => ({ key: v.key, title: v.title, organisationName: v.organisationName, remit: t('', '') })),
  bodies: [
    {
      key: 'joint-meeting',
      level: 1,
      name: t('多方联席会议', 'Multi-party joint meeting'),
      description: t('', ''),
      decisionRule: 'unanimity',
      cadence: 'monthly',
      parties: voters.map((v) => v.key),
    },
  ],
  buildings: [
    { id: 1, name: '1栋', contacts: 1, contactsRequired: 2 },
    { id: 2, name: '2栋', contacts: 0, contactsRequired: 2 },
  ],
  coverage: { buildings: 2, covered: 0, share: 0 },
};

/** A form control found by its label, as the select it is. */
function asSelect(element: HTMLElement): HTMLSelectElement {
  if (!(element instanceof HTMLSelectElement)) throw new Error('not a select');
  return element;
}

let me: unknown = admin;
let currentMeeting: unknown = meeting;
let issueList: unknown = { issues: [] };
let posted: { url: string; body: unknown }[] = [];
beforeEach(() => {
  localStorage.clear();
  me = admin;
  currentMeeting = meeting;
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : null;
      const url = String(request ? request.url : input);
      const method = request?.method ?? init?.method ?? 'GET';
      const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      if (method !== 'GET') {
        posted.push({
          url: path ?? '',
          body: request
            ? await request
                .clone()
                .json()
                .catch(() => null)
            : typeof init?.body === 'string'
              ? JSON.parse(init.body)
              : null,
        });
        return jsonResponse({ ok: true });
      }
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/meetings/7') return jsonResponse(currentMeeting);
      if (path === '/api/meetings') return jsonResponse(meetingList);
      if (path === '/api/issues/4') return jsonResponse(issue);
      if (path === '/api/issues') return jsonResponse(issueList);
      if (path === '/api/buildings') return jsonResponse(buildings);
      if (path === '/api/privacy/notice')
        return jsonResponse({
          version: 1,
          textZh: '# 隐私告知',
          textEn: '# Privacy notice',
          contact: '周会长',
          summaryZh: '',
          summaryEn: '',
          publishedAt: '2026-12-01T02:00:00Z',
        });
      if (path === '/api/community') return jsonResponse(community);
      if (path === '/api/committees') return jsonResponse({ committees: [] });
      if (path === '/api/members/me') return jsonResponse({ id: 5, displayName: '周明', buildingId: 2, joinedAt: '2025-01-01', roles: [] });
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

describe('MeetingDetail', () => {
  it('shows a blocked item with the blocking party and its reason, and offers to bring it back revised to a later meeting', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/meetings/7');
    render(withProviders(() => <MeetingDetail />, 'zh-CN', '/meetings/:id'));

    const banner = await screen.findByTestId('blocked-banner');
    expect(banner.textContent).toContain('被阻止：');
    expect(banner.textContent).toContain('物业：现有电力容量不足，须先完成增容评估');
    // The positions grid shows every party; the blocking one with its reason.
    const grid = screen.getByRole('list', { name: '“地下车库增设充电桩”的各方立场' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(4);
    expect(within(grid).getByText('阻止')).toBeTruthy();
    // A blocked item cannot be decided again, nor can positions change; it can be brought back.
    expect(screen.queryByRole('button', { name: '表决' })).toBeNull();
    expect(screen.queryByRole('button', { name: '登记立场' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '带回修改' }));
    const select = asSelect(await screen.findByLabelText('带到哪次会议'));
    await waitFor(() =>
      expect([...select.options].map((o) => o.textContent)).toEqual(['请选择会议', expect.stringContaining('七月联席会议')]),
    );
    expect((screen.getByLabelText('修改后的材料') as HTMLTextAreaElement).value).toContain('12 个');
    // The papers are rendered as Markdown.
    expect(screen.getByText('方案').tagName).toBe('H2');

    fireEvent.change(select, { target: { value: '8' } });
    fireEvent.input(screen.getByLabelText('修改后的材料'), { target: { value: '先做增容评估，再分两期建设。' } });
    const form = select.closest('form')!;
    fireEvent.submit(form);
    await waitFor(() => expect(posted.some((p) => p.url === '/api/meetings/7/items/31/bring-back')).toBe(true));
    const body = posted.find((p) => p.url.endsWith('/bring-back'))?.body as Record<string, unknown>;
    expect(body).toMatchObject({ toMeetingId: 8, papers: '先做增容评估，再分两期建设。', presenter: '李建国', minutesAllotted: 20 });
  });

  it('lets the association administrator record the association’s position, and requires a reason for a block', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/meetings/7');
    currentMeeting = { ...meeting, items: [{ ...meeting.items[0]!, outcome: null, stances: [] }] };
    render(withProviders(() => <MeetingDetail />, 'zh-CN', '/meetings/:id'));
    const fieldset = await screen.findByRole('group', { name: '互助会的立场' });
    // Only the association: the administrator speaks for no other party.
    expect(screen.queryByRole('group', { name: '物业的立场' })).toBeNull();
    fireEvent.click(within(fieldset).getByLabelText('阻止'));
    const save = screen.getByRole('button', { name: '登记立场' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(within(fieldset).getByLabelText('理由（必填）')).toBeTruthy();
    fireEvent.input(within(fieldset).getByLabelText('理由（必填）'), { target: { value: '需要先听取业主意见' } });
    expect(save.disabled).toBe(false);
    expect(screen.getByRole('button', { name: '表决' })).toBeTruthy();
  });
});

describe('IssueDetail', () => {
  it('renders the issue’s path as a timeline in order, with who acted, notes and time per stage', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/issues/4');
    render(withProviders(() => <IssueDetail />, 'zh-CN', '/issues/:id'));

    const timeline = await screen.findByTestId('issue-timeline');
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['已提出', '联络人已受理', '已提交议事', '已列入议程']);
    expect(items[1]!.textContent).toContain('经办：李建国');
    expect(items[1]!.textContent).toContain('已在楼栋群里问过');
    expect(items[1]!.textContent).toContain('停留 4 天');
    expect(items[3]!.textContent).toContain('至今 9 天');
    expect(items[3]!.getAttribute('class')).toContain('current');
    // The coordinator may defer an item on the agenda (with a reason), nothing else.
    const steps = screen.getByRole('heading', { name: '下一步' }).closest('section')!;
    expect(
      within(steps)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['暂缓']);
  });

  it('offers a building contact the steps for a raised issue in their own building', async () => {
    storeSessionToken('test-token');
    me = {
      userId: 'demo-contact',
      name: '李建国',
      platformRoles: [],
      member: { id: 2, displayName: '李建国', roles: [{ role: 'building-contact', partyKey: '' }] },
    };
    const original = { state: issue.state, events: issue.events, stages: issue.stages };
    Object.assign(issue, { state: 'raised', events: issue.events.slice(0, 1), stages: issue.stages.slice(0, 1) });
    try {
      window.history.replaceState(null, '', '/issues/4');
      render(withProviders(() => <IssueDetail />, 'zh-CN', '/issues/:id'));
      const heading = await screen.findByRole('heading', { name: '下一步' });
      const steps = heading.closest('section')!;
      expect(
        within(steps)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['受理', '合并到其他议题', '直接解决']);
      fireEvent.click(within(steps).getByRole('button', { name: '直接解决' }));
      const note = (await screen.findByLabelText('怎样解决的（必填）')) as HTMLTextAreaElement;
      expect(note.required).toBe(true);
      fireEvent.input(note, { target: { value: '已请物业更换灯泡' } });
      fireEvent.submit(note.closest('form')!);
      await waitFor(() =>
        expect(posted.find((p) => p.url === '/api/issues/4/transitions')?.body).toEqual({
          to: 'resolved-directly',
          note: '已请物业更换灯泡',
        }),
      );
    } finally {
      Object.assign(issue, original);
    }
  });
});

describe('Issues', () => {
  it('lists issues with state, building, supports, waiting days and the overdue flag', async () => {
    storeSessionToken('test-token');
    issueList = {
      issues: [
        {
          id: 9,
          title: '5栋门禁坏了',
          category: 'safety',
          state: 'raised',
          buildingId: 2,
          buildingName: '2栋',
          outcome: null,
          stateSince: '2025-06-01T00:00:00.000Z',
          createdAt: '2025-06-01T00:00:00.000Z',
          raisedBy: 3,
          supports: 2,
          waitingDays: 5,
          overdue: true,
        },
      ],
    };
    render(withProviders(() => <Issues />));
    const card = (await screen.findByText('5栋门禁坏了')).closest('li')!;
    expect(within(card).getByText('超时')).toBeTruthy();
    expect(within(card).getByText('已提出')).toBeTruthy();
    expect(within(card).getByText('2栋')).toBeTruthy();
    expect(within(card).getByText('5 天')).toBeTruthy();
    expect(within(card).getByText('2 人支持')).toBeTruthy();
    // The raise form preselects the reader's building.
    await waitFor(() => expect(asSelect(screen.getByLabelText('楼栋')).value).toBe('2'));
  });
});

describe('Join', () => {
  it('preselects the building from a building’s invitation link', async () => {
    storeSessionToken('test-token');
    me = { userId: 'new-neighbour', name: '新邻居', platformRoles: [], member: null };
    window.history.replaceState(null, '', '/join?building=2');
    render(withProviders(() => <Join />, 'zh-CN', '/join'));
    const select = asSelect(await screen.findByLabelText('你住在哪栋楼（可选）'));
    await waitFor(() => expect(select.value).toBe('2'));
  });
});
