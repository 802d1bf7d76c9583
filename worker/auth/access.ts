import { and, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { platformDb } from '../db/client';
import { platformRoles } from '../db/platform-schema';
import { memberRoles, members } from '../db/tenant-schema';
import { AppError } from '../errors';
import type { AppEnv, MemberContext } from '../http/context';

/** Which host a route lives on, and who may call it. Every route declares one; nothing is open by default. */
export interface Access {
  host: 'platform' | 'community' | 'any';
  allow: 'public' | 'signed-in' | 'member' | 'association-admin' | 'operator' | 'consultant';
}

export async function loadMember(db: AppEnv['Variables']['host'], userId: string): Promise<MemberContext | null> {
  if (db.kind !== 'community') return null;
  const rows = await db.db
    .select({ id: members.id, displayName: members.displayName, role: memberRoles.role, partyKey: memberRoles.partyKey })
    .from(members)
    .leftJoin(memberRoles, eq(memberRoles.memberId, members.id))
    .where(eq(members.userId, userId));
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    displayName: first.displayName,
    roles: rows.flatMap((r) => (r.role ? [{ role: r.role, partyKey: r.partyKey ?? '' }] : [])),
  };
}

/**
 * The one place where access is decided. A route on the other kind of host does not exist (404);
 * a missing or rejected identity is 401; a signed-in person without the role is 403.
 */
export function authorize(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('accessChecked', true);
    const host = c.get('host');
    if (access.host !== 'any' && access.host !== host.kind) throw new AppError('not_found', 'Not found');
    if (access.allow === 'public') return next();

    const identity = c.get('identity');
    if (!identity) {
      if (c.get('tokenRejected')) throw new AppError('invalid_token', 'Your sign-in is not valid here; please sign in again');
      throw new AppError('unauthenticated', 'Please sign in');
    }
    if (access.allow === 'signed-in') return next();

    if (access.allow === 'operator' || access.allow === 'consultant') {
      const role = await platformDb(c.env.PLATFORM_DB)
        .select({ role: platformRoles.role })
        .from(platformRoles)
        .where(and(eq(platformRoles.userId, identity.userId), eq(platformRoles.role, access.allow)))
        .limit(1);
      if (role.length === 0) {
        throw new AppError(
          'forbidden',
          access.allow === 'operator' ? 'Only platform operators may do this' : 'Only consultants may do this',
        );
      }
      return next();
    }

    const member = await loadMember(host, identity.userId);
    if (!member) throw new AppError('not_a_member', 'Join this community first');
    c.set('member', member);
    if (access.allow === 'member') return next();

    if (access.allow === 'association-admin' && member.roles.some((r) => r.role === 'association-admin')) return next();
    throw new AppError('forbidden', 'Only association administrators may do this');
  });
}
