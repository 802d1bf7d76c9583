import type { AppContext, MemberContext } from '../http/context';
import { loadMember } from './access';

/**
 * Who is looking at a public page: the caller as an active member of this community, or null for a visitor (not
 * signed in, signed in without membership here, or still waiting for approval). Member routes have it already; public routes load it on demand.
 */
export async function viewerOf(c: AppContext): Promise<MemberContext | null> {
  const identity = c.get('identity');
  const member = c.get('member') ?? (identity ? await loadMember(c.get('host'), identity.userId) : null);
  // A member waiting for approval (or declined) sees what a visitor sees.
  return member?.status === 'active' ? member : null;
}
