import { env } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { METRICS_MAX_ATTEMPTS, type MetricsMessage } from '../../worker/metrics/snapshots';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/**
 * A slice whose handling throws as a whole. 101 community ids make the lookup of the slice's communities bind more
 * parameters than D1 allows in one statement, which is a failure of the message itself, not of one community.
 */
function failingSlice(runId: string, attempts: number) {
  const communityIds = Array.from({ length: 101 }, (_, i) => `missing-${i}`);
  return createMessageBatch<MetricsMessage>('huzhu-metrics', [
    { id: `m-${attempts}`, timestamp: new Date(), attempts, body: { kind: 'run', runId, communityIds } },
  ]);
}

async function runRow(runId: string) {
  return env.PLATFORM_DB.prepare('SELECT done, failed, finished_at AS finishedAt FROM snapshot_runs WHERE id = ?')
    .bind(runId)
    .first<{ done: number; failed: number; finishedAt: string | null }>();
}

describe('a snapshot run whose message keeps failing', () => {
  it('is retried while deliveries remain, and on the last one counts its slice as failed so the run finishes', async () => {
    const runId = uid('run-lost-slice');
    await env.PLATFORM_DB.prepare("INSERT INTO snapshot_runs (id, trigger, total) VALUES (?, 'operator', 101)").bind(runId).run();

    const early = failingSlice(runId, 1);
    const ctx = createExecutionContext();
    await worker.queue(early, env, ctx);
    const first = await getQueueResult(early, ctx);
    expect(first.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m-1']);
    expect(first.explicitAcks).toEqual([]);
    expect(await runRow(runId)).toMatchObject({ done: 0, failed: 0, finishedAt: null });

    const last = failingSlice(runId, METRICS_MAX_ATTEMPTS);
    const ctx2 = createExecutionContext();
    await worker.queue(last, env, ctx2);
    const final = await getQueueResult(last, ctx2);
    expect(final.explicitAcks).toEqual([`m-${METRICS_MAX_ATTEMPTS}`]);
    expect(final.retryMessages).toEqual([]);
    const run = await runRow(runId);
    expect(run).toMatchObject({ done: 0, failed: 101 });
    expect(run?.finishedAt).not.toBeNull();
  });
});
