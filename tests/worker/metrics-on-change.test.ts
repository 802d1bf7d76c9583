import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/http/context';
import { recomputeAfterChange } from '../../worker/metrics/on-change';
import type { MetricsMessage } from '../../worker/metrics/snapshots';

/** A tiny app with the middleware in front of routes that answer as told, and a queue that records sends. */
function harness(kind: 'community' | 'platform') {
  const sent: { body: MetricsMessage; delaySeconds?: number }[] = [];
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('host', kind === 'community' ? ({ kind, community: { id: 'community-1' } } as never) : { kind: 'platform' });
    await next();
  });
  app.use('/api/*', recomputeAfterChange);
  app.all('/api/*', (c) => c.json({}, Number(c.req.query('status') ?? 200) as 200));
  const env = {
    METRICS_QUEUE: {
      send: async (body: MetricsMessage, options?: { delaySeconds?: number }) =>
        void sent.push({ body, delaySeconds: options?.delaySeconds }),
    },
  };
  return { sent, request: (method: string, path: string) => app.request(path, { method }, env) };
}

describe('recomputing a community’s figures after a material change', () => {
  it('queues one delayed recomputation after a successful write that changes what metrics count', async () => {
    const { sent, request } = harness('community');
    await request('POST', '/api/activities/3/settlement');
    await request('PATCH', '/api/community');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toMatchObject({ kind: 'changed', communityId: 'community-1' });
    expect(sent[0]!.delaySeconds).toBeGreaterThan(0);
  });

  it('does not queue for reads, failed writes, writes that change no metric, or the platform host', async () => {
    const community = harness('community');
    await community.request('GET', '/api/activities');
    await community.request('POST', '/api/issues?status=400');
    await community.request('PUT', '/api/handbooks/operating/intro');
    await community.request('PUT', '/api/canvas/x');
    expect(community.sent).toEqual([]);
    const platform = harness('platform');
    await platform.request('POST', '/api/communities');
    expect(platform.sent).toEqual([]);
  });
});
