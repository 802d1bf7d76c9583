import { describe, expect, it, vi } from 'vitest';
import { call, PLATFORM, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

describe('the demo seed', () => {
  it('creates two living demo communities, and seeding again adds nothing', async () => {
    const first = await call(PLATFORM, '/api/dev/seed', { method: 'POST' });
    expect(first.status).toBe(200);
    expect(first.json.created.sort()).toEqual(['cuizhuyuan', 'pingzhi']);
    const host = 'cuizhuyuan.localhost';
    const resident = await signIn('demo-resident', host, '王小雨');
    const snapshot = async () => ({
      community: (await call(host, '/api/community')).json.memberCount,
      clubs: (await call(host, '/api/clubs')).json.clubs.map((c: { name: string; status: string }) => `${c.name}:${c.status}`).sort(),
      activities: (await call(host, '/api/activities')).json.activities.map((a: { title: string; state: string; confirmed: number }) => `${a.title}:${a.state}:${a.confirmed}`),
      issues: (await call(host, '/api/issues', { token: resident })).json.issues.map((i: { title: string; state: string }) => `${i.title}:${i.state}`),
      spaces: (await call(host, '/api/spaces')).json.spaces.length,
    });
    const before = await snapshot();
    expect(before.clubs).toEqual(['书法社:proposed', '周末网球社:active']);
    expect(before.activities).toEqual(['周六网球友谊赛:open:2']);
    expect(before.issues).toEqual(['地下车库照明不足:acknowledged']);
    expect(before.spaces).toBe(3);
    const again = await call(PLATFORM, '/api/dev/seed', { method: 'POST' });
    expect(again.json.created).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // pingzhi stays on version 1 of the model, to show an upgrade.
    expect((await call('pingzhi.localhost', '/api/handbooks')).json.templateVersion).toBe(1);
  });
});
