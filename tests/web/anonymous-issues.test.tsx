import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import IssueDetail from '../../web/src/features/issues/issue-detail';
import Issues from '../../web/src/features/issues/issues';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const site = {
  host: 'community',
  platformHost: 'localhost',
  authMode: 'dev',
  clerkPublishableKey: null,
  community: { slug: 'cuizhuyuan', name: { zh: '翠竹园', en: 'Cuizhuyuan' } },
};
const person = (id: number, name: string, roles: { role: string; partyKey: string }[] = []) => ({
  userId: `u${id}`,
  name,
  platformRoles: [],
  member: { id, displayName: name, roles },
});
const neighbour = person(8, '邻居老陈');
const raiser = person(3, '王小雨');
const admin = person(1, '周明', [{ role: 'association-admin', partyKey: '' }]);

/** The issue as the API answers each reader: the raiser's id and name only to the raiser and the coordinators. */
function issueFor(reader: typeof neighbour) {
  const shown = reader.member.id === 3 || reader.member.id === 1;
  return {
    id: 4,
    title: '物业保安夜间脱岗',
    description: '夜里门岗经常没人。',
    category: 'safety',
    state: 'raised',
    buildingId: null,
    raisedBy: shown ? 3 : null,
    anonymous: true,
    mine: reader.member.id === 3,
    raiserName: shown ? '王小雨' : null,
    bodyKey: null,
    mergedInto: null,
    outcome: null,
    decisionText: null,
    implementationOwner: null,
    dueOn: null,
    stateSince: '2025-06-01T02:00:00.000Z',
    createdAt: '2025-06-01T02:00:00.000Z',
    supports: 0,
    supportedByMe: false,
    studyCommittee: null,
    recommendation: null,
    recommendedAt: null,
    assistCommittee: null,
    waitingDays: 1,
    overdue: false,
    events: [
      { fromState: null, toState: 'raised', note: '', at: '2025-06-01T02:00:00.000Z', actor: shown ? '王小雨' : null, byRaiser: true },
    ],
    stages: [{ state: 'raised', from: '2025-06-01T02:00:00.000Z', days: 1 }],
  };
}

let me = neighbour;
let posted: { url: string; body: unknown }[] = [];
beforeEach(() => {
  localStorage.clear();
  me = neighbour;
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : null;
      const url = String(request ? request.url : input);
      const method = request?.method ?? init?.method ?? 'GET';
      const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      if (method !== 'GET') {
        posted.push({ url: path ?? '', body: request ? await request.clone().json() : JSON.parse(String(init?.body)) });
        return jsonResponse({ id: 4 }, 201);
      }
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/issues/4') return jsonResponse(issueFor(me));
      if (path === '/api/issues') {
        const { id, title, category, state, buildingId, bodyKey, outcome, stateSince, createdAt, raisedBy, anonymous, mine } = issueFor(me);
        const summary = { id, title, category, state, buildingId, bodyKey, outcome, stateSince, createdAt, raisedBy, anonymous, mine };
        return jsonResponse({
          issues: [
            { ...summary, buildingName: null, studyCommitteeId: null, supports: 0, supportedByMe: false, waitingDays: 1, overdue: false },
          ],
        });
      }
      if (path === '/api/buildings') return jsonResponse({ buildings: [], coverage: { buildings: 0, covered: 0, share: 0 } });
      if (path === '/api/community') return jsonResponse({ bodies: [] });
      if (path === '/api/committees') return jsonResponse({ committees: [] });
      if (path === '/api/members/me') return jsonResponse({ id: me.member.id, displayName: me.name, buildingId: null, roles: [] });
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

function openIssue() {
  storeSessionToken('test-token');
  window.history.replaceState(null, '', '/issues/4');
  render(withProviders(() => <IssueDetail />, 'zh-CN', '/issues/:id'));
}

describe('raising an anonymous issue', () => {
  it('offers □ 对外匿名, unticked, and sends the choice with the issue', async () => {
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/issues');
    render(withProviders(() => <Issues />, 'zh-CN', '/issues'));
    const box = (await screen.findByLabelText('对外匿名（只有协调人能看到是谁提出的）')) as HTMLInputElement;
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    fireEvent.input(screen.getByLabelText('议题标题'), { target: { value: '物业保安夜间脱岗' } });
    fireEvent.input(screen.getByLabelText('具体情况'), { target: { value: '夜里门岗经常没人。' } });
    fireEvent.click(box);
    fireEvent.submit(box.closest('form')!);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      url: '/api/issues',
      body: expect.objectContaining({ title: '物业保安夜间脱岗', anonymous: true }),
    });
  });

  it('marks the raiser’s own anonymous issue in the list as theirs and anonymous, and lists it among theirs', async () => {
    me = raiser;
    storeSessionToken('test-token');
    window.history.replaceState(null, '', '/issues');
    render(withProviders(() => <Issues />, 'zh-CN', '/issues'));
    const card = (await screen.findByText('物业保安夜间脱岗')).closest('li')!;
    expect(card.textContent).toContain('我提出的');
    expect(card.textContent).toContain('对外匿名');
    fireEvent.change(screen.getByLabelText('显示'), { target: { value: 'mine' } });
    expect(await screen.findByText('物业保安夜间脱岗')).toBeTruthy();
  });
});

describe('an anonymous issue’s page', () => {
  it('shows another resident the badge and an anonymous resident, in the summary and on the path', async () => {
    openIssue();
    expect(await screen.findByText('匿名居民')).toBeTruthy();
    expect(screen.getByText('对外匿名')).toBeTruthy();
    expect(screen.getByTestId('issue-timeline').textContent).toContain('经办：匿名居民');
    expect(document.body.textContent).not.toContain('王小雨');
  });

  it('shows a coordinator the raiser, with a note that the others see an anonymous resident', async () => {
    me = admin;
    openIssue();
    expect((await screen.findAllByText(/王小雨/)).length).toBeGreaterThan(0);
    expect(screen.getByText('提出人选择了对外匿名：除互助会的协调人外，其他人看到的是“匿名居民”。请不要转告。')).toBeTruthy();
  });

  it('shows the raiser their own name, marked as theirs and anonymous to others', async () => {
    me = raiser;
    openIssue();
    expect(await screen.findByText('你选择了对外匿名：除互助会的协调人外，其他人看到的是“匿名居民”。')).toBeTruthy();
    expect(document.body.textContent).toContain('王小雨（你）');
  });
});
