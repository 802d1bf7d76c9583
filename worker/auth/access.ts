import { and, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { platformDb } from '../db/client';
import { platformRoles } from '../db/platform-schema';
import { membershipRefusal } from '../community/members/rules';
import { memberRoles, members } from '../db/tenant-schema';
import { AppError } from '../errors';
import type { AppEnv, HostContext, MemberContext } from '../http/context';
import { type CommunityRole, RoleResolver, subjectOf } from './roles';

export type { CommunityRole } from './roles';

/** Who may call a route: nobody in particular, anyone signed in, a platform role, or any of the community roles named. */
export type Allow = 'public' | 'signed-in' | 'operator' | 'consultant' | CommunityRole | readonly CommunityRole[];

/**
 * A further rule chosen by the JSON body. With `allow`, the roles are needed when the body has `field`, and
 * `otherwise` when it has not; an id field (`clubId`, `activityId`, `committeeId`) makes the roles be held towards
 * the object it names. With `is`, the
 * value of `field` picks the roles (the steps of an activity, say).
 */
export type BodyRule =
  | { field: string; allow: readonly CommunityRole[]; otherwise?: readonly CommunityRole[] }
  | { field: string; is: Readonly<Record<string, readonly CommunityRole[]>> };

/** Which host a route lives on, and who may call it. Every route declares one; nothing is open by default. */
export interface Access {
  host: 'platform' | 'community' | 'any';
  allow: Allow;
  body?: BodyRule;
}

const standing = new Set<Allow>(['public', 'signed-in', 'operator', 'consultant']);

/** The community roles an access rule names, in the order it names them. */
export function rolesOf(allow: Allow): readonly CommunityRole[] {
  if (typeof allow !== 'string') return allow;
  return standing.has(allow) ? [] : [allow as CommunityRole];
}

/**
 * The caller's membership row and roles, whatever its status: callers that act for members go through `authorize`,
 * which refuses anyone not active.
 */
export async function loadMember(db: HostContext, userId: string): Promise<MemberContext | null> {
  if (db.kind !== 'community') return null;
  const rows = await db.db
    .select({
      id: members.id,
      displayName: members.displayName,
      status: members.status,
      role: memberRoles.role,
      partyKey: memberRoles.partyKey,
      buildingId: memberRoles.buildingId,
    })
    .from(members)
    .leftJoin(memberRoles, eq(memberRoles.memberId, members.id))
    .where(eq(members.userId, userId));
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    displayName: first.displayName,
    status: first.status,
    roles: rows.flatMap((r) => (r.role ? [{ role: r.role, partyKey: r.partyKey ?? '', buildingId: r.buildingId }] : [])),
  };
}

async function jsonBody(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]): Promise<Record<string, unknown> | null> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) return null;
  try {
    const body: unknown = await c.req.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null; // the route's validator answers malformed JSON with 400
  }
}

const roleText: Record<CommunityRole, string> = {
  member: 'a member',
  'association-admin': 'an association administrator',
  coordinator: 'a coordinator (an administrator or a party representative)',
  'party-representative': "this party's representative",
  'meeting-chair': "the meeting's chair",
  'meeting-voter': 'the voter, or who speaks for it',
  'club-responsible': "the club's responsible person",
  'club-member': 'a member of the club',
  'activity-responsible': "the activity's responsible person",
  participant: 'a participant',
  'committee-member': 'a member of the committee',
  'committee-chair': "the committee's chair",
  'building-contact': "the building's contact",
  owner: 'the person it belongs to',
  'figures-reader': 'a member, when the community shows its figures to every member',
  'need-steward': 'a coordinator, a building contact or the responsible person of an active club',
  'need-claimant': 'whoever claimed this need',
  'shop-volunteer': 'a volunteer of the charity shop',
  librarian: 'a librarian of the community library',
  'course-teacher': "the course's teacher",
  guardian: 'a guardian of a child signed up for the activity',
  'care-coordinator': 'a coordinator of home elder care',
  'care-volunteer': 'a volunteer paired with this elder',
  'assisted-steward':
    'an administrator or a contact of the building of a resident registered on their behalf who has not claimed the record',
};

function refusal(roles: readonly CommunityRole[]) {
  return new AppError('forbidden', `Only ${roles.map((r) => roleText[r]).join(', or ')} may do this`, { allow: [...roles] });
}

/**
 * The one place where access is decided. A route on the other kind of host does not exist (404); a missing or
 * rejected identity is 401; a signed-in person who is not an active member, or without the role, is 403 (a pending
 * applicant with the code `membership_pending`). Roles towards an object are resolved from
 * the route's path (`/api/clubs/{id}` names a club) and, where the rule says so, from the body.
 */
export function authorize(access: Access, path: string) {
  const subject = subjectOf(path);
  const roles = rolesOf(access.allow);
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

    if (host.kind !== 'community') throw new AppError('not_found', 'Not found');
    const member = await loadMember(host, identity.userId);
    if (!member) throw new AppError('not_a_member', 'Join this community first');
    // A pending (or declined) applicant is not a member yet, whatever roles their row might carry.
    const refused = membershipRefusal(member.status);
    if (refused) throw new AppError(refused.code, refused.message, { membership: member.status });
    c.set('member', member);

    const body = access.body ? await jsonBody(c) : null;
    const resolver = new RoleResolver(host.db, member, { subject, params: c.req.param() as Record<string, string>, body });
    const anyOf = async (wanted: readonly CommunityRole[]) => {
      for (const role of wanted) if (await resolver.holds(role)) return true;
      return false;
    };
    if (!(await anyOf(roles))) throw refusal(roles);

    const rule = access.body;
    if (rule) {
      let wanted: readonly CommunityRole[] | undefined;
      if ('is' in rule) {
        const value = body?.[rule.field];
        wanted = typeof value === 'string' ? rule.is[value] : undefined;
      } else {
        wanted = body?.[rule.field] !== undefined && body?.[rule.field] !== null ? rule.allow : rule.otherwise;
      }
      if (wanted && !(await anyOf(wanted))) throw refusal(wanted);
    }
    // A handler that must know in which of the allowed roles the caller acts (an issue's step) asks the same resolver.
    c.set('roles', resolver);
    return next();
  });
}
