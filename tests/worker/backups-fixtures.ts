import { env } from 'cloudflare:workers';
import type { Bindings } from '../../worker/env';
import { type BackupMessage, handleBackupMessage, startBackupRun } from '../../worker/platform/backups/runs';
import { signIn } from './helpers';

/**
 * The Worker's bindings with a backup queue that keeps what is sent, so a test advances backups itself, one message
 * at a time, and sees the progress between steps. Everything else is the real runtime (D1, R2).
 */
export function queueKeepingEnv() {
  const sent: BackupMessage[] = [];
  const queue = {
    send: async (body: BackupMessage) => {
      sent.push(body);
    },
    sendBatch: async (messages: Iterable<{ body: BackupMessage }>) => {
      for (const m of messages) sent.push(m.body);
    },
  };
  return { env: { ...env, BACKUP_QUEUE: queue as unknown as Bindings['BACKUP_QUEUE'] } as Bindings, sent };
}

/** Handles the kept messages until none is left (each step may queue the next); returns how many were handled. */
export async function drain(testEnv: Bindings, sent: BackupMessage[], now = new Date(), afterEach?: () => Promise<void>) {
  let handled = 0;
  while (sent.length > 0) {
    await handleBackupMessage(testEnv, sent.shift()!, now);
    handled++;
    await afterEach?.();
  }
  return handled;
}

/** Backs these communities up now, to the end; returns the run's id. */
export async function backUp(slugs: string[], now = new Date()) {
  const { env: testEnv, sent } = queueKeepingEnv();
  const { runId } = await startBackupRun(testEnv, 'operator', { slugs, now });
  await drain(testEnv, sent, now);
  return runId;
}

export async function communityId(slug: string): Promise<string> {
  const row = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(slug).first<{ id: string }>();
  if (!row) throw new Error(`no community ${slug}`);
  return row.id;
}

/** The backup of a community in a run. */
export async function backupOf(runId: string, slug: string) {
  const id = await communityId(slug);
  return env.PLATFORM_DB.prepare('SELECT * FROM community_backups WHERE run_id = ? AND community_id = ?').bind(runId, id).first<{
    id: string;
    status: string;
    r2_key: string | null;
    size: number | null;
    sha256: string | null;
    rows: number;
    tables_done: number;
    tables_total: number;
  }>();
}

/** A platform operator's user id and session token. */
export async function operatorToken() {
  const operator = `operator-${crypto.randomUUID().slice(0, 8)}`;
  await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
  return { operator, token: await signIn(operator) };
}
