import { loadMember } from '../../auth/access';
import type { AppContext } from '../../http/context';
import { identityOf, memberOf, tenantOf } from '../../http/context';
import { communityFacts } from './facts';
import { communityTemplate, ensureHandbooks } from './service';

/** The community's template (at its version) with its handbooks in place. */
export async function prepared(c: AppContext) {
  const tenant = tenantOf(c);
  const facts = await communityFacts(tenant.db);
  const template = communityTemplate(facts.templateKey, facts.templateVersion);
  await ensureHandbooks(tenant.db, tenant.d1, template);
  const { templateKey, templateVersion, ...rest } = facts;
  return { tenant, template, facts: rest, templateVersion };
}

/** The signed-in author of an edit, as revisions record them. */
export function author(c: AppContext) {
  return { userId: identityOf(c).userId, name: memberOf(c).displayName };
}

/** Whether the caller of a public handbook route is an association administrator, who also sees drafts. */
export async function viewerIsAdmin(c: AppContext): Promise<boolean> {
  const identity = c.get('identity');
  if (!identity) return false;
  const member = await loadMember(c.get('host'), identity.userId);
  return member?.roles.some((r) => r.role === 'association-admin') ?? false;
}
