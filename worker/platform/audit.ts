import { platformDb } from '../db/client';
import { auditLog } from '../db/platform-schema';
import type { AppContext } from '../http/context';

/** Every action the audit log records; a new action is added here first, so the log's vocabulary stays known. */
export const auditActions = [
  'community.created',
  'archive.export-started',
  'archive.downloaded',
  'archive.imported',
  'community.activated',
  'community.suspended',
  'community.reactivated',
  'community.facts-updated',
  'community.settings-updated',
  'account.community-limit-set',
  'member.roles-set',
  'member.approved',
  'member.declined',
  'member.details-corrected',
  'member.left',
  /** A member left and had their data erased; the row names only the member number, never who they were. */
  'member.left-with-deletion',
  'invitation.created',
  'invitation.confirmed',
  'invitation.declined',
  'invitation.revoked',
  'committee.member-removed',
  'committee.closed',
  'space.created',
  'space.updated',
  'space.slot-granted',
  'space.slot-declined',
  'party.renamed',
  'party.representative-appointed',
  'party.representative-accepted',
  'party.representative-declined',
  'party.representative-removed',
  'program.updated',
  'body.renamed',
  'template.upgraded',
  'metrics.run-started',
  'backup.run-started',
  'backup.restored',
  'backup.restored-as-new',
  'consultant.registered',
  'consultant.removed',
  'consultant.granted',
  'consultant.revoked',
  'meeting.scheduled',
  'meeting.opened',
  'meeting.item-added',
  'meeting.attendance-recorded',
  'meeting.position-recorded',
  'meeting.item-decided',
  'meeting.item-brought-back',
  'meeting.action-added',
  'meeting.action-done',
  'meeting.closed',
  'meeting.minutes-published',
  'meeting.papers-sent',
  'meeting.amendment-recorded',
  'ledger.money-recorded',
  'ledger.advance-recorded',
  'ledger.repayment-recorded',
  'ledger.reversed',
  'ledger.receipt-attached',
  'shop.settings-updated',
  'shop.day-closed',
  'shop.proceeds-use-marked',
  'assisted.registered',
  'assisted.updated',
  'assisted.claim-code-issued',
  'assisted.claimed',
  'assisted.claim-refused',
  'assisted.signed-up',
  'assisted.checked-in',
  'assisted.issue-raised',
  'assisted.need-posted',
  'assisted.hours-recorded',
  'privacy.published',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  actorUserId: string | null;
  communityId: string | null;
  action: AuditAction;
  detail?: unknown;
}

/** Appends to the control plane's audit log of administrative actions. */
export async function recordAudit(platform: D1Database, entry: AuditEntry): Promise<void> {
  await platformDb(platform)
    .insert(auditLog)
    .values({ ...entry, detail: entry.detail ?? null });
}

/** Records what the signed-in caller of a route did, in the community of the host (or none, on the platform). */
export function audit(c: AppContext, action: AuditAction, detail?: unknown): Promise<void> {
  const host = c.get('host');
  return recordAudit(c.env.PLATFORM_DB, {
    actorUserId: c.get('identity')?.userId ?? null,
    communityId: host.kind === 'community' ? host.community.id : null,
    action,
    detail,
  });
}
