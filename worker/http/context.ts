import type { Context } from 'hono';
import type { RoleResolver } from '../auth/roles';
import type { Identity } from '../auth/session-token';
import type { MemberStatus } from '../community/members/rules';
import type { TenantDb } from '../db/client';
import type { Bindings, Config } from '../env';

export interface ActiveCommunity {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  databaseBinding: string;
}

export type HostContext = { kind: 'platform' } | { kind: 'community'; community: ActiveCommunity; db: TenantDb; d1: D1Database };

export interface MemberContext {
  id: number;
  displayName: string;
  /** Only an 'active' member is a member: `authorize` refuses the others, and the role resolver grants them nothing. */
  status: MemberStatus;
  roles: { role: string; partyKey: string; buildingId: number | null }[];
}

export interface Variables {
  config: Config;
  host: HostContext;
  identity: Identity | null;
  /** A token was sent but did not verify. */
  tokenRejected: boolean;
  member: MemberContext | null;
  /** The caller's community roles towards the route's object, resolved on demand (set for member routes). */
  roles: RoleResolver | null;
  accessChecked: boolean;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
export type AppContext = Context<AppEnv>;

/** The resolved community of a community-host route; `authorize` has already ensured there is one. */
export function tenantOf(c: AppContext): Extract<HostContext, { kind: 'community' }> {
  const host = c.get('host');
  if (host.kind !== 'community') throw new Error('route for a community host reached without one');
  return host;
}

export function identityOf(c: AppContext): Identity {
  const identity = c.get('identity');
  if (!identity) throw new Error('route for signed-in users reached without an identity');
  return identity;
}

export function memberOf(c: AppContext): MemberContext {
  const member = c.get('member');
  if (!member) throw new Error('route for members reached without a member');
  return member;
}

/** The resolver of the caller's roles on a member route; `authorize` has already set it. */
export function rolesOf(c: AppContext): RoleResolver {
  const roles = c.get('roles');
  if (!roles) throw new Error('route for members reached without its roles');
  return roles;
}
