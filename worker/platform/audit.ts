import { platformDb } from '../db/client';
import { auditLog } from '../db/platform-schema';

export interface AuditEntry {
  actorUserId: string | null;
  communityId: string | null;
  action: string;
  detail?: unknown;
}

/** Appends to the control plane's audit log of administrative actions. */
export async function recordAudit(platform: D1Database, entry: AuditEntry): Promise<void> {
  await platformDb(platform)
    .insert(auditLog)
    .values({ ...entry, detail: entry.detail ?? null });
}
