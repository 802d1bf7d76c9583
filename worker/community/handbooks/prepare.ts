import { loadMember } from '../../auth/access';
import type { AppContext } from '../../http/context';
import { identityOf, memberOf, tenantOf } from '../../http/context';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { communityFactsReads, factsFrom } from './facts';
import { communityTemplate, ensureHandbooks, handbookChapterCount } from './service';

/**
 * The community's template (at its version) with its handbooks in place, and the rows of `read` (the page's own
 * read), all in one round trip; a community whose handbooks are put in place now has `read` run again after.
 */
export async function preparedWith<R extends BatchItem<'sqlite'>>(c: AppContext, read: R) {
  const tenant = tenantOf(c);
  const { db } = tenant;
  const [profile, buildings, parties, programs, bodies, chapters, rows] = await db.batch([
    ...communityFactsReads(db),
    handbookChapterCount(db),
    read,
  ]);
  const facts = factsFrom([profile, buildings, parties, programs, bodies]);
  const template = communityTemplate(facts.templateKey, facts.templateVersion);
  const seeded = await ensureHandbooks(tenant.d1, template, chapters[0]?.n ?? 0);
  const { templateKey, templateVersion, ...rest } = facts;
  return { tenant, template, facts: rest, templateVersion, rows: (seeded ? await read : rows) as BatchResponse<[R]>[0] };
}

/** The community's template (at its version) with its handbooks in place, in one round trip. */
export function prepared(c: AppContext) {
  return preparedWith(c, handbookChapterCount(tenantOf(c).db));
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
