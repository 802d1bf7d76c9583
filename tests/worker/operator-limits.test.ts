import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_COMMUNITIES } from '../../worker/platform/account-limits';
import { communitySetupSchema } from '../../worker/platform/community-setup';
import { createCommunityRecord } from '../../worker/platform/provisioning';
import { claimFreeDatabase, DEFAULT_POOL_WARN_BELOW, poolHealth, poolWarnBelow, registerPoolBindings } from '../../worker/tenancy/pool';
import { client, createCommunity, errorOf, expectStatus, PLATFORM, rawCall, read, setupBody, signIn, uniqueSlug } from './helpers';

/** A user id no other test uses. */
const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function operatorToken() {
  const operator = uid('operator');
  await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
  return { operator, token: await signIn(operator) };
}

/** Signs up through the API, as the wizard does. */
async function signUp(token: string, slug = uniqueSlug('lim')) {
  return read(client(PLATFORM, token).api.communities.$post({ json: setupBody(slug) }));
}

/** `n` sign-ups recorded in the control plane and left being set up (they count towards the limit, and claim no database). */
async function pendingSignUps(founder: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = await createCommunityRecord(env, communitySetupSchema.parse(setupBody(uniqueSlug('pend'))), { userId: founder });
    ids.push(row.id);
  }
  return ids;
}

async function forget(ids: string[]) {
  await env.PLATFORM_DB.batch(ids.map((id) => env.PLATFORM_DB.prepare('DELETE FROM communities WHERE id = ?').bind(id)));
}

describe('communities per founding account', () => {
  it(`refuses a founder's ${DEFAULT_MAX_COMMUNITIES + 1}th community with 409 community_limit_reached and keeps its address free; a suspended community does not count`, async () => {
    const founder = uid('busy-founder');
    const created = [];
    for (let i = 0; i < DEFAULT_MAX_COMMUNITIES; i++) created.push(await createCommunity(founder));
    const token = await signIn(founder);

    const slug = uniqueSlug('fourth');
    const refused = await signUp(token, slug);
    expectStatus(refused, 409);
    expect(refused.json.error).toMatchObject({ code: 'community_limit_reached', details: { limit: 3, counted: 3 } });
    expect(refused.json.error.message).toMatch(/limit/);
    expect((await read(client(PLATFORM).api.communities[':slug'].$get({ param: { slug } }))).status).toBe(404);

    const { token: opToken } = await operatorToken();
    const suspended = await read(
      client(PLATFORM, opToken).api.operator.communities[':slug'].status.$post({
        param: { slug: created[0]!.slug },
        json: { status: 'suspended' },
      }),
    );
    expectStatus(suspended, 200);
    expect((await signUp(token, slug)).status).toBe(201);
  });

  it('holds under concurrent sign-ups: with 2 of 3 taken, 3 at once give exactly 1 community', async () => {
    const founder = uid('racing-founder');
    const ids = await pendingSignUps(founder, 2);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => createCommunityRecord(env, communitySetupSchema.parse(setupBody(uniqueSlug('race'))), { userId: founder })),
    );
    const made = results.filter((r) => r.status === 'fulfilled');
    expect(made).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect(r.reason).toMatchObject({ code: 'community_limit_reached' });
    const row = await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM communities WHERE founder_user_id = ? AND status = 'provisioning'")
      .bind(founder)
      .first<{ n: number }>();
    expect(row?.n).toBe(3);
    await forget([...ids, ...made.map((r) => r.value.id)]);
  });

  it('an operator looks an account up, raises its limit (audited), and returns it to the default', async () => {
    const founder = uid('growing-founder');
    const ids = await pendingSignUps(founder, 3);
    const founderToken = await signIn(founder);
    const { operator, token } = await operatorToken();
    const ops = client(PLATFORM, token).api.operator.accounts[':userId'];

    const before = await read(ops.$get({ param: { userId: founder } }));
    expectStatus(before, 200);
    expect(before.json).toMatchObject({ userId: founder, maxCommunities: 3, isDefault: true, setBy: null, counted: 3 });
    expect(before.json.communities.map((c) => c.status)).toEqual(['provisioning', 'provisioning', 'provisioning']);
    expect((await signUp(founderToken)).status).toBe(409);

    const raised = await read(ops['community-limit'].$put({ param: { userId: founder }, json: { maxCommunities: 4 } }));
    expectStatus(raised, 200);
    expect(raised.json).toMatchObject({ maxCommunities: 4, isDefault: false, setBy: operator, counted: 3 });
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id, community_id, detail FROM audit_log WHERE action = 'account.community-limit-set' AND detail LIKE ?",
    )
      .bind(`%${founder}%`)
      .first<{ actor_user_id: string; community_id: string | null; detail: string }>();
    expect(audit).toMatchObject({ actor_user_id: operator, community_id: null });
    expect(JSON.parse(audit!.detail)).toEqual({ userId: founder, from: null, to: 4 });

    expect((await signUp(founderToken)).status).toBe(201);
    const full = await signUp(founderToken);
    expectStatus(full, 409);
    expect(full.json.error).toMatchObject({ code: 'community_limit_reached', details: { limit: 4, counted: 4 } });

    const reset = await read(ops['community-limit'].$put({ param: { userId: founder }, json: { maxCommunities: null } }));
    expectStatus(reset, 200);
    expect(reset.json).toMatchObject({ maxCommunities: 3, isDefault: true, counted: 4 });
    await forget(ids);
  });

  it('lets only operators read or set a limit, and only to a whole number from 0 to 1000', async () => {
    const someone = await signIn(uid('someone'));
    const target = uid('target');
    expect((await read(client(PLATFORM, someone).api.operator.accounts[':userId'].$get({ param: { userId: target } }))).status).toBe(403);
    const put = (token: string, body: unknown) =>
      rawCall(PLATFORM, `/api/operator/accounts/${target}/community-limit`, { method: 'PUT', token, body });
    expect((await put(someone, { maxCommunities: 10 })).status).toBe(403);
    const { token } = await operatorToken();
    for (const maxCommunities of [-1, 2.5, 1001, '5']) {
      const res = await put(token, { maxCommunities });
      expect(res.status, String(maxCommunities)).toBe(400);
      expect(errorOf(res.json).code).toBe('validation_failed');
    }
    const none = await env.PLATFORM_DB.prepare('SELECT COUNT(*) AS n FROM account_limits WHERE user_id = ?')
      .bind(target)
      .first<{ n: number }>();
    expect(none?.n).toBe(0);
  });
});

describe('the database pool warning on the operator page', () => {
  it('reads the threshold from POOL_WARN_BELOW, falling back to 5 when unset or malformed', () => {
    expect(env.POOL_WARN_BELOW).toBe('5');
    expect(poolWarnBelow('12')).toBe(12);
    expect(poolWarnBelow('0')).toBe(0);
    for (const bad of [undefined, '', 'few', '-1', '2.5']) expect(poolWarnBelow(bad)).toBe(DEFAULT_POOL_WARN_BELOW);
    const shards = [{ shard: 'main', total: 32, used: 28, free: 4, prepared: 2 }];
    expect(poolHealth({ total: 32, used: 28, free: 4, prepared: 2, shards }, 5)).toEqual({
      total: 32,
      used: 28,
      free: 4,
      prepared: 2,
      shards,
      warnBelow: 5,
      low: true,
    });
    expect(poolHealth({ total: 32, used: 27, free: 5, prepared: 2, shards }, 5).low).toBe(false);
  });

  it('GET /api/operator/overview gives the free count, the threshold and low: true once fewer than 5 are free', async () => {
    await registerPoolBindings(env);
    const { token } = await operatorToken();
    const overview = async () => {
      const res = await read(client(PLATFORM, token).api.operator.overview.$get());
      expectStatus(res, 200);
      return res.json;
    };
    const tag = uid('held');
    try {
      let pool = (await overview()).pool;
      expect(pool.warnBelow).toBe(5);
      // Hold databases until exactly 5 are free (all but five in one statement): not yet low.
      await env.PLATFORM_DB.prepare(
        `UPDATE database_pool SET community_id = ?1 || '-' || binding, claimed_at = 'now'
          WHERE binding IN (SELECT binding FROM database_pool
                             WHERE community_id IS NULL AND held_for IS NULL AND retired_at IS NULL
                             ORDER BY binding LIMIT ?2)`,
      )
        .bind(tag, Math.max(0, pool.free - 5))
        .run();
      pool = (await overview()).pool;
      expect(pool).toMatchObject({ free: 5, low: false });
      // One Worker: the whole pool is shard `main`, with the same counts.
      expect(pool.shards).toEqual([{ shard: 'main', total: pool.total, free: 5, prepared: pool.prepared, used: pool.used }]);
      expect(await claimFreeDatabase(env.PLATFORM_DB, `${tag}-last`)).not.toBeNull();
      expect((await overview()).pool).toMatchObject({ free: 4, used: pool.used + 1, warnBelow: 5, low: true });
    } finally {
      await env.PLATFORM_DB.prepare('UPDATE database_pool SET community_id = NULL, claimed_at = NULL WHERE community_id LIKE ?')
        .bind(`${tag}-%`)
        .run();
    }
  });

  it("lists each community's founder, so an operator can look up that account's limit", async () => {
    const founder = uid('listed-founder');
    const { slug } = await createCommunity(founder);
    const { token } = await operatorToken();
    const res = await read(client(PLATFORM, token).api.operator.overview.$get());
    expectStatus(res, 200);
    expect(res.json.communities.find((c) => c.slug === slug)?.founderUserId).toBe(founder);
  });
});
