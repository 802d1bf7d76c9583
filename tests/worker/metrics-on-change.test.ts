import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/http/context';
import { afterSuccess } from '../../worker/http/effects';
import type { MetricsMessage } from '../../worker/metrics/snapshots';
import { dispatch } from './helpers';

/** A tiny app with the effect on one route that answers as told, and a queue that records sends. */
function harness(kind: 'community' | 'platform') {
  const sent: { body: MetricsMessage; delaySeconds?: number }[] = [];
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('host', kind === 'community' ? ({ kind, community: { id: 'community-1' } } as never) : { kind: 'platform' });
    await next();
  });
  app.all('/api/counted', afterSuccess(['metrics']), (c) => c.json({}, Number(c.req.query('status') ?? 200) as 200));
  app.all('/api/uncounted', afterSuccess([]), (c) => c.json({}, 200));
  const env = {
    METRICS_QUEUE: {
      send: async (body: MetricsMessage, options?: { delaySeconds?: number }) =>
        void sent.push({ body, delaySeconds: options?.delaySeconds }),
    },
  };
  return { sent, request: (method: string, path: string) => app.request(path, { method }, env) };
}

describe('recomputing a community’s figures after a material change', () => {
  it('queues one delayed recomputation after each successful call of a route that affects the metrics', async () => {
    const { sent, request } = harness('community');
    await request('POST', '/api/counted');
    await request('PATCH', '/api/counted');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toMatchObject({ kind: 'changed', communityId: 'community-1' });
    expect(sent[0]!.delaySeconds).toBeGreaterThan(0);
  });

  it('does not queue for failed calls, routes that affect nothing, or the platform host', async () => {
    const community = harness('community');
    await community.request('POST', '/api/counted?status=400');
    await community.request('POST', '/api/uncounted');
    expect(community.sent).toEqual([]);
    const platform = harness('platform');
    await platform.request('POST', '/api/counted');
    expect(platform.sent).toEqual([]);
  });

  it('is declared on the routes whose writes change what the metrics count, and on no read', async () => {
    const doc = (await (await dispatch('http://localhost/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-affects'?: string[] }>>;
    };
    const affecting = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op['x-affects']?.includes('metrics'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    for (const op of [
      'POST /api/activities/{id}/settlement',
      'PATCH /api/community',
      'POST /api/issues',
      'POST /api/clubs',
      'POST /api/meetings/{id}/close',
      'POST /api/volunteer-hours',
      'POST /api/contact-applications/{id}/decision',
      'POST /api/ledger/transactions',
    ]) {
      expect(affecting).toContain(op);
    }
    expect(affecting.filter((op) => op.startsWith('GET '))).toEqual([]);
    expect(affecting.filter((op) => /\/api\/(handbooks|canvas|template)/.test(op))).toEqual([]);
  });
});
