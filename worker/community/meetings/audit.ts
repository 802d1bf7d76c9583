/** The audit trail of meeting routes: every change to a meeting's record goes to the platform's audit log. */
import type { AppContext } from '../../http/context';
import { identityOf, tenantOf } from '../../http/context';
import { type AuditAction, recordAudit } from '../../platform/audit';

/** Records a change to a meeting's record, with who made it. */
export function audit(c: AppContext, action: AuditAction, detail: Record<string, unknown>) {
  return recordAudit(c.env.PLATFORM_DB, { actorUserId: identityOf(c).userId, communityId: tenantOf(c).community.id, action, detail });
}
