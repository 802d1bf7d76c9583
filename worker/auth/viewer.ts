import type { AppContext, MemberContext } from '../http/context';
import { loadMember } from './access';

/**
 * Who is looking at a public page: the caller as a member of this community, or null for a visitor (not signed
 * in, or signed in without membership here). Member routes have it already; public routes load it on demand.
 */
export async function viewerOf(c: AppContext): Promise<MemberContext | null> {
  const member = c.get('member');
  if (member) return member;
  const identity = c.get('identity');
  return identity ? loadMember(c.get('host'), identity.userId) : null;
}
