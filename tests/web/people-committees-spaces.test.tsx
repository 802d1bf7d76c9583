import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommitteeTools, NewCommittee } from '../../web/src/features/committees/committee-admin';
import { MemberRoles } from '../../web/src/features/members/member-roles';
import { RoleInvitations } from '../../web/src/features/members/role-invitations';
import { SpaceForm } from '../../web/src/features/spaces/spaces-admin';
import { jsonResponse, withProviders } from './render';

let sent: { path: string; body: unknown }[] = [];
let answer: (path: string, method: string) => Response | undefined = () => undefined;

beforeEach(() => {
  sent = [];
  answer = () => undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url, 'http://x').pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (request.method !== 'GET') sent.push({ path: `${request.method} ${path}`, body: await request.json().catch(() => null) });
      const custom = answer(path, request.method);
      if (custom) return custom;
      if (path === '/api/role-invitations' && request.method === 'GET')
        return jsonResponse({
          invitations: [
            {
              id: 4,
              role: 'building-contact',
              buildingId: 2,
              buildingName: '2 栋',
              note: '',
              status: 'requested',
              createdAt: '2026-12-01T00:00:00Z',
              expiresAt: '2026-12-15T00:00:00Z',
              requestedBy: { id: 9, displayName: '张阿姨' },
              requestedAt: '2026-12-02T00:00:00Z',
            },
          ],
        });
      if (path === '/api/members' && request.method === 'GET')
        return jsonResponse({
          members: [{ id: 12, displayName: '周邻居', buildingId: 1, joinedAt: '2026-11-01T00:00:00Z', status: 'active', roles: [] }],
          total: 1,
        });
      if (path === '/api/role-invitations')
        return jsonResponse({ id: 5, token: 'tok-abcdefghijkl', expiresAt: '2026-12-16T00:00:00Z' }, 201);
      return jsonResponse({ ok: true });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const buildings = [
  { id: 1, name: '1 栋' },
  { id: 2, name: '2 栋' },
];

describe('people and roles', () => {
  it('creates an invitation for a building contact and shows its link; confirms a request', async () => {
    render(withProviders(() => <RoleInvitations buildings={buildings} onDecided={() => {}} />));
    fireEvent.change(screen.getByLabelText('楼栋'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: '生成邀请链接' }));
    await waitFor(() => expect(sent).toEqual([{ path: 'POST /api/role-invitations', body: { role: 'building-contact', buildingId: 2 } }]));
    expect((await screen.findByTestId('invite-link')).textContent).toContain('/invite/tok-abcdefghijkl');
    fireEvent.click(await screen.findByRole('button', { name: '确认张阿姨' }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ path: 'POST /api/role-invitations/4/decision', body: { confirm: true } }));
  });

  it('appoints an administrator keeping other roles, and explains the last-administrator refusal', async () => {
    const member = { id: 3, displayName: '老周', roles: [{ role: 'club-leader', partyKey: null, buildingId: null }] };
    render(withProviders(() => <MemberRoles member={member} buildings={buildings} onChanged={() => {}} />));
    fireEvent.click(screen.getByLabelText('老周 是互助会管理员'));
    await waitFor(() =>
      expect(sent).toEqual([
        { path: 'PUT /api/members/3/roles', body: { roles: [{ role: 'club-leader' }, { role: 'association-admin' }] } },
      ]),
    );
    answer = (path) => (path.endsWith('/roles') ? jsonResponse({ error: { code: 'conflict', message: 'last admin' } }, 409) : undefined);
    fireEvent.change(screen.getByLabelText('老周 担任联络人的楼栋'), { target: { value: '1' } });
    expect(await screen.findByText(/至少要有一位互助会管理员/)).toBeTruthy();
  });
});

describe('committees', () => {
  it('an ad hoc group asks for its end date; experts are added by name; a group is closed', async () => {
    render(withProviders(() => <NewCommittee onSaved={() => {}} />));
    expect(screen.queryByLabelText('结束日期')).toBeNull();
    fireEvent.change(screen.getByLabelText('类型'), { target: { value: 'ad-hoc' } });
    expect(screen.getByLabelText('结束日期')).toBeTruthy();
    cleanup();
    render(withProviders(() => <CommitteeTools committeeId={8} name="电梯组" onChanged={() => {}} />));
    fireEvent.input(screen.getByLabelText('外部专家姓名'), { target: { value: '李律师' } });
    fireEvent.input(screen.getByLabelText('专长或身份（如律师、社工）'), { target: { value: '律师' } });
    fireEvent.click(screen.getByRole('button', { name: '添加专家' }));
    await waitFor(() =>
      expect(sent).toEqual([{ path: 'POST /api/committees/8/members', body: { externalName: '李律师', expertise: '律师' } }]),
    );
    // A resident is seated by choosing them by name.
    const resident = screen.getByLabelText('加入委员会的居民');
    await waitFor(() => expect(resident.querySelectorAll('option')).toHaveLength(2));
    fireEvent.change(resident, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: '加入委员会' }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ path: 'POST /api/committees/8/members', body: { memberId: 12 } }));
    fireEvent.click(screen.getByRole('button', { name: '结束“电梯组”' }));
    await waitFor(() => expect(sent.at(-1)?.path).toBe('POST /api/committees/8/close'));
  });
});

describe('spaces', () => {
  it('marks the opening time the server refused', async () => {
    answer = (path) =>
      path === '/api/spaces/6'
        ? jsonResponse({ error: { code: 'validation_failed', message: 'bad', details: { opensAt: ['HH:MM'] } } }, 400)
        : undefined;
    const space = { id: 6, name: '棋牌室', capacity: 20, opensAt: '09:00', closesAt: '21:00', rules: '', photoUrl: null };
    render(withProviders(() => <SpaceForm space={space} onSaved={() => {}} />));
    fireEvent.input(screen.getByLabelText('开门时间（时:分）'), { target: { value: '9点' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByLabelText('开门时间（时:分）').getAttribute('aria-invalid')).toBe('true'));
    expect(sent[0]).toMatchObject({ path: 'PUT /api/spaces/6', body: { opensAt: '9点', capacity: 20 } });
    expect(screen.getByRole('alert').textContent).toContain('开门时间');
  });
});
