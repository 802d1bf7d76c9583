import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { createCommunityRecord } from '../../worker/platform/provisioning';
import { communitySetupSchema } from '../../worker/platform/community-setup';
import { createCommunity, errorOf, PLATFORM, rawCall, setupBody, signIn, uniqueSlug } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

describe('what a stranger sees of a community being set up', () => {
  it('shows the progress to anyone, but why a step failed only to the founder and the operators', async () => {
    const founder = uid('founder');
    const slug = uniqueSlug('vis');
    const row = await createCommunityRecord(env, communitySetupSchema.parse(setupBody(slug)), { userId: founder, name: '创始人' });
    await env.PLATFORM_DB.prepare("UPDATE communities SET provision_error = 'D1_ERROR: internal detail of TENANT_DB_007' WHERE id = ?")
      .bind(row.id)
      .run();
    const path = `/api/communities/${slug}`;
    const errorFor = async (token?: string) => {
      const res = await rawCall(PLATFORM, path, { token });
      expect(res.status).toBe(200);
      return (res.json as { error: string | null }).error;
    };
    expect(await errorFor()).toBeNull();
    expect(await errorFor(await signIn(uid('neighbour')))).toBeNull();
    expect(await errorFor(await signIn(founder))).toContain('D1_ERROR');
    const operator = uid('operator');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
    expect(await errorFor(await signIn(operator))).toContain('D1_ERROR');
  });
});

describe('consultants read aggregates only', () => {
  it('refuses a consultant who tries to join a community as a resident, and writes no membership', async () => {
    const c = await createCommunity(uid('founder'));
    const consultant = uid('consultant');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(consultant).run();
    const token = await signIn(consultant, c.host, '顾问');
    const joined = await rawCall(c.host, '/api/members/me', { body: { privacyNoticeVersion: 1, displayName: '顾问' }, token });
    expect(joined.status).toBe(403);
    expect(errorOf(joined.json).code).toBe('forbidden');
    expect((await rawCall(c.host, '/api/members/me', { token })).status).toBe(403);
  });
});
