import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Committees from '../../web/src/features/committees/committees';
import IssueDetail from '../../web/src/features/issues/issue-detail';
import MeetingDetail from '../../web/src/features/meetings/meeting-detail';
import Meetings from '../../web/src/features/meetings/meetings';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const t = (zh: string, en: string) => ({ zh, en });
const chairMe = { userId: 'chair', name: '陈主任', platformRoles: [], member: { id: 11, displayName: '陈主任', roles: [] } };
const person = (id: number, name: string, kind: 'member' | 'expert' = 'member') => ({
  key: kind === 'member' ? `member:${id}` : `expert:${id}`,
  kind,
  title: t(name, name),
  organisationName: kind === 'expert' ? '物业法律' : null,
  memberId: kind === 'member' ? id : null,
  attended: true,
  attendanceByChair: kind === 'expert',
});
const committeeMeeting = {
  id: 20,
  title: '三月委员会例会',
  scheduledFor: '2025-03-10T11:00:00.000Z',
  status: 'in-progress',
  openedAt: '2025-03-10T11:02:00.000Z',
  closedAt: null,
  committee: { id: 4, name: '物业监督委员会' },
  minutes: null,
  minutesPublishedAt: null,
  amendments: [],
  you: { chairs: true, recordsFor: ['member:11', 'member:12', 'expert:3'] },
  body: { key: 'professional-committees', name: t('社区专业委员会', 'Professional committees'), rule: 'majority' },
  voters: [person(11, '陈主任'), person(12, '刘委员'), person(3, '张律师', 'expert')],
  items: [
    {
      id: 51,
      issueId: null,
      title: '物业费收缴情况公示',
      presenter: '陈主任',
      minutesAllotted: 10,
      papers: '',
      position: 1,
      outcome: 'adopted',
      decisionText: '每季度公示物业费收缴总额',
      revisedFrom: null,
      broughtBackTo: null,
      tally: { agree: 2, object: 1, block: 0, abstain: 0, missing: 0, present: 3 },
      stances: [
        { voter: 'member:11', position: 'agree', reason: null, written: false, byChair: false },
        { voter: 'member:12', position: 'agree', reason: null, written: false, byChair: false },
        { voter: 'expert:3', position: 'object', reason: '须先核对欠费名单', written: false, byChair: true },
      ],
      actions: [],
    },
    {
      id: 52,
      issueId: null,
      title: '增设电梯广告',
      presenter: '刘委员',
      minutesAllotted: 10,
      papers: '',
      position: 2,
      outcome: null,
      decisionText: null,
      revisedFrom: null,
      broughtBackTo: null,
      tally: null,
      stances: [],
      actions: [],
    },
  ],
};
const committees = {
  committees: [
    {
      id: 4,
      name: '物业监督委员会',
      kind: 'standing',
      remit: '监督物业服务质量',
      proposes: true,
      supervises: true,
      assists: true,
      endsOn: null,
      members: [
        { id: 1, memberId: 11, name: '陈主任', external: false, expertise: '', role: 'chair' },
        { id: 3, memberId: null, name: '张律师', external: true, expertise: '物业法律', role: 'member' },
      ],
      studies: [{ id: 9, title: '物业费上涨两成', state: 'referred', recommendation: null, recommendedAt: null }],
      assisting: [{ id: 7, title: '电梯维保公开', state: 'implementing', decisionText: '每月公开电梯维保记录' }],
    },
  ],
};
const issue = {
  id: 9,
  title: '物业费上涨两成',
  description: '物业通知明年物业费上涨两成。',
  category: 'property-service',
  state: 'referred',
  buildingId: null,
  raisedBy: 3,
  raiserName: '王小雨',
  bodyKey: 'professional-committees',
  mergedInto: null,
  outcome: null,
  decisionText: null,
  implementationOwner: null,
  dueOn: null,
  stateSince: '2025-03-01T02:00:00.000Z',
  createdAt: '2025-02-20T02:00:00.000Z',
  supports: 4,
  supportedByMe: true,
  studyCommittee: { id: 4, name: '物业监督委员会' },
  recommendation: null,
  recommendedAt: null,
  assistCommittee: null,
  waitingDays: 9,
  overdue: false,
  events: [{ fromState: null, toState: 'raised', note: '', at: '2025-02-20T02:00:00.000Z', actor: '王小雨' }],
  stages: [{ state: 'raised', from: '2025-02-20T02:00:00.000Z', days: 9 }],
};

let me: unknown = chairMe;
let currentMeeting: unknown = committeeMeeting;
let currentIssue: Record<string, unknown> = issue;
let posted: { url: string; body: unknown }[] = [];
beforeEach(() => {
  localStorage.clear();
  me = chairMe;
  currentMeeting = committeeMeeting;
  currentIssue = issue;
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
      if (path === '/api/meetings/20') return jsonResponse(currentMeeting);
      if (path === '/api/meetings')
        return jsonResponse({
          meetings: [
            {
              id: 20,
              bodyKey: 'professional-committees',
              title: '三月委员会例会',
              scheduledFor: '2025-03-10T11:00:00.000Z',
              status: 'in-progress',
              minutesPublishedAt: null,
              committeeId: 4,
              committeeName: '物业监督委员会',
            },
          ],
          monthsWithoutJointMeeting: [],
        });
      if (path === '/api/issues/9') return jsonResponse(currentIssue);
      if (path === '/api/issues') return jsonResponse({ issues: [] });
      if (path === '/api/committees') return jsonResponse(committees);
      if (path === '/api/buildings') return jsonResponse({ buildings: [], coverage: { buildings: 0, covered: 0, share: 0 } });
      if (path === '/api/community') return jsonResponse({ bodies: [], parties: [] });
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

function renderMeeting() {
  storeSessionToken('test-token');
  window.history.replaceState(null, '', '/meetings/20');
  render(withProviders(() => <MeetingDetail />, 'zh-CN', '/meetings/:id'));
}

describe('a committee meeting in progress', () => {
  it('shows the state, the majority tally, and marks what the chair recorded by a show of hands', async () => {
    renderMeeting();
    expect((await screen.findByTestId('meeting-status')).textContent).toBe('进行中');
    expect(screen.getByText(/会议进行中/)).toBeTruthy();
    expect(screen.getByText('物业监督委员会')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '表决人' })).toBeTruthy();
    expect(screen.getByTestId('tally').textContent).toBe('计票：同意 2 · 反对 1 · 弃权 0 · 未表态 0 · 出席 3');
    const grid = screen.getByRole('list', { name: '“物业费收缴情况公示”的各方立场' });
    const expert = within(grid)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('张律师'))!;
    expect(expert.textContent).toContain('主持人代为登记（举手表决）');
    expect(
      within(grid)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes('刘委员'))!.textContent,
    ).not.toContain('主持人代为登记');
    // The expert's attendance card says the chair recorded it.
    expect(screen.getAllByText('外部专家').length).toBeGreaterThan(0);
    expect(screen.getAllByText('主持人登记').length).toBe(1);
  });

  it('lets the chair record their own position and the others’ by a show of hands, clearly labelled', async () => {
    renderMeeting();
    await screen.findByTestId('meeting-status');
    const item = screen.getByRole('heading', { name: /增设电梯广告/ }).closest('li')!;
    expect(within(item).getByRole('group', { name: '陈主任的立场' })).toBeTruthy();
    const forExpert = within(item).getByRole('group', { name: '代张律师登记（举手表决）' });
    expect(within(item).getByRole('group', { name: '代刘委员登记（举手表决）' })).toBeTruthy();
    expect(within(item).getByText(/可以按现场举手的结果代委员登记/)).toBeTruthy();
    fireEvent.click(within(forExpert).getByLabelText('同意'));
    fireEvent.submit(forExpert.closest('form')!);
    await waitFor(() => expect(posted.map((p) => p.url)).toContain('/api/meetings/20/items/52/stances/expert:3'));
    expect(posted.find((p) => p.url.endsWith('/stances/expert:3'))?.body).toEqual({ position: 'agree', written: false });
    expect(within(item).getByText('按多数规则表决：过半数表决人出席，同意多于反对即通过；阻止按反对计。')).toBeTruthy();
  });
});

describe('meeting states', () => {
  it('a scheduled meeting shows no position forms; its chair opens it', async () => {
    currentMeeting = { ...committeeMeeting, status: 'scheduled', openedAt: null, items: [committeeMeeting.items[1]] };
    renderMeeting();
    expect((await screen.findByTestId('meeting-status')).textContent).toBe('已安排');
    expect(screen.getByText(/会议尚未开始/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '登记立场' })).toBeNull();
    expect(screen.queryByRole('button', { name: '表决' })).toBeNull();
    expect(screen.queryByRole('button', { name: '出席' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '宣布开会' }));
    await waitFor(() => expect(posted.map((p) => p.url)).toContain('/api/meetings/20/open'));
  });

  it('a closed meeting shows its amendments beside the minutes, and a coordinator records one with its reason', async () => {
    me = {
      userId: 'admin',
      name: '周明',
      platformRoles: [],
      member: { id: 5, displayName: '周明', roles: [{ role: 'association-admin', partyKey: '' }] },
    };
    currentMeeting = {
      ...committeeMeeting,
      status: 'closed',
      closedAt: '2025-03-10T12:00:00.000Z',
      minutes: '# 三月委员会例会 会议纪要\n\n表决：同意 2，反对 1',
      minutesPublishedAt: '2025-03-11T00:00:00.000Z',
      amendments: [
        { id: 1, text: '出席人数应为 3 人', reason: '纪要漏记张律师', recordedBy: '周明', recordedAt: '2025-03-12T02:00:00.000Z' },
      ],
    };
    renderMeeting();
    const list = await screen.findByTestId('amendments');
    expect(list.textContent).toContain('出席人数应为 3 人');
    expect(list.textContent).toContain('理由：纪要漏记张律师');
    expect(list.textContent).toContain('周明');
    // Nothing in the record can change any more.
    expect(screen.queryByRole('button', { name: '登记立场' })).toBeNull();
    expect(screen.queryByRole('button', { name: '表决' })).toBeNull();
    expect(screen.queryByRole('button', { name: '宣布开会' })).toBeNull();
    const save = screen.getByRole('button', { name: '补记更正' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('更正内容'), { target: { value: '决定文本中的“季度”应为“月度”' } });
    fireEvent.input(screen.getByLabelText('更正理由'), { target: { value: '与会议录音核对' } });
    expect(save.disabled).toBe(false);
    fireEvent.submit(save.closest('form')!);
    await waitFor(() =>
      expect(posted.find((p) => p.url === '/api/meetings/20/amendments')?.body).toEqual({
        text: '决定文本中的“季度”应为“月度”',
        reason: '与会议录音核对',
      }),
    );
  });
});

describe('an issue studied by a committee', () => {
  it('shows the study, lets a committee member record the recommendation, and shows that the reader already supported it', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/issues/9');
    render(withProviders(() => <IssueDetail />, 'zh-CN', '/issues/:id'));
    expect(await screen.findByText(/物业监督委员会正在研究这个议题/)).toBeTruthy();
    const supported = screen.getByRole('button', { name: '已支持' }) as HTMLButtonElement;
    expect(supported.disabled).toBe(true);
    const text = (await screen.findByLabelText('委员会的建议')) as HTMLTextAreaElement;
    fireEvent.input(text, { target: { value: '涨幅不超过一成，先公开成本测算' } });
    fireEvent.submit(text.closest('form')!);
    await waitFor(() =>
      expect(posted.find((p) => p.url === '/api/issues/9/recommendation')?.body).toEqual({ text: '涨幅不超过一成，先公开成本测算' }),
    );
  });

  it('a resident who has not supported it can; after adoption the assisting committee is shown', async () => {
    me = { userId: 'resident', name: '王小雨', platformRoles: [], member: { id: 3, displayName: '王小雨', roles: [] } };
    currentIssue = {
      ...issue,
      state: 'implementing',
      bodyKey: 'joint-meeting',
      supportedByMe: false,
      outcome: 'adopted',
      decisionText: '涨幅不超过一成',
      recommendation: '涨幅不超过一成',
      recommendedAt: '2025-03-05T00:00:00.000Z',
      assistCommittee: { id: 4, name: '物业监督委员会' },
    };
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/issues/9');
    render(withProviders(() => <IssueDetail />, 'zh-CN', '/issues/:id'));
    expect(await screen.findByText('物业监督委员会协助落实这项决定。')).toBeTruthy();
    expect(screen.getByText('物业监督委员会的建议')).toBeTruthy();
    // A resident neither recommends nor assigns.
    expect(screen.queryByLabelText('委员会的建议')).toBeNull();
    expect(screen.queryByLabelText('指派哪个委员会协助落实')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '我也支持' }));
    await waitFor(() => expect(posted.map((p) => p.url)).toContain('/api/issues/9/support'));
  });
});

describe('Committees', () => {
  it('lists each committee with its members, the issues it studies and the decisions it assists', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <Committees />));
    const card = (await screen.findByRole('heading', { name: '物业监督委员会' })).closest('li')!;
    expect(within(card).getByText('主任')).toBeTruthy();
    expect(within(card).getByText('外部专家')).toBeTruthy();
    expect(within(card).getByTestId('studies-4').textContent).toContain('#9 物业费上涨两成');
    expect(within(card).getByTestId('studies-4').textContent).toContain('研究中');
    expect(within(card).getByTestId('assisting-4').textContent).toContain('每月公开电梯维保记录');
    expect(within(card).getByRole('link', { name: '三月委员会例会' }).getAttribute('href')).toBe('/meetings/20');
  });
});

describe('scheduling meetings', () => {
  it('a committee chair without a coordinator role schedules a meeting of their own committee', async () => {
    storeSessionToken('test-token');
    render(withProviders(() => <Meetings />));
    const committee = (await screen.findByLabelText('哪个委员会开会')) as unknown as HTMLSelectElement;
    await waitFor(() => expect([...committee.options].map((o) => o.textContent)).toContain('物业监督委员会'));
    fireEvent.change(committee, { target: { value: '4' } });
    fireEvent.input(screen.getByLabelText('会议名称'), { target: { value: '四月委员会例会' } });
    fireEvent.input(screen.getByLabelText('时间'), { target: { value: '2025-04-10T19:00' } });
    fireEvent.submit(committee.closest('form')!);
    await waitFor(() =>
      expect(posted.find((p) => p.url === '/api/meetings')?.body).toMatchObject({
        bodyKey: 'professional-committees',
        committeeId: 4,
        title: '四月委员会例会',
      }),
    );
  });

  it('a resident who chairs nothing sees no scheduling form', async () => {
    me = { ...chairMe, userId: 'someone', member: { id: 99, displayName: '路人', roles: [] } };
    storeSessionToken('test-token');
    render(withProviders(() => <Meetings />));
    await screen.findByText('三月委员会例会');
    expect(screen.queryByLabelText('会议名称')).toBeNull();
  });
});
