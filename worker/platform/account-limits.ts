import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { PlatformDb } from '../db/client';
import { accountLimits, communities } from '../db/platform-schema';

/** How many communities an account may have being set up or active at once, unless an operator set another limit. */
export const DEFAULT_MAX_COMMUNITIES = 3;

/** The statuses that count towards the limit; a suspended community does not. */
export const countedStatuses = ['provisioning', 'active'] as const;

const counted = (status: string) => (countedStatuses as readonly string[]).includes(status);

/**
 * A condition that holds while `userId` may found another community: fewer counted communities than the account's
 * limit. Sign-up puts it in the WHERE of its one INSERT…SELECT, so two sign-ups at once cannot both pass it.
 */
export function mayFoundAnother(userId: string): SQL {
  return sql`(SELECT COUNT(*) FROM communities WHERE founder_user_id = ${userId} AND status IN ('provisioning', 'active'))
    < COALESCE((SELECT max_communities FROM account_limits WHERE user_id = ${userId}), ${DEFAULT_MAX_COMMUNITIES})`;
}

/** What operators see of an account: its limit, who set it, and the communities it founded. */
export interface AccountView {
  userId: string;
  maxCommunities: number;
  /** No operator set a limit for this account: it has the default. */
  isDefault: boolean;
  setBy: string | null;
  setAt: string | null;
  /** The founded communities that count towards the limit (being set up or active). */
  counted: number;
  communities: { slug: string; nameZh: string; status: 'provisioning' | 'active' | 'suspended'; createdAt: string }[];
}

/** An account's limit and founded communities; an account the platform has never seen has the default and none. */
export async function accountView(db: PlatformDb, userId: string): Promise<AccountView> {
  const [limit, founded] = await Promise.all([
    db.query.accountLimits.findFirst({ where: eq(accountLimits.userId, userId) }),
    db
      .select({ slug: communities.slug, nameZh: communities.nameZh, status: communities.status, createdAt: communities.createdAt })
      .from(communities)
      .where(eq(communities.founderUserId, userId))
      .orderBy(asc(communities.createdAt)),
  ]);
  return {
    userId,
    maxCommunities: limit?.maxCommunities ?? DEFAULT_MAX_COMMUNITIES,
    isDefault: !limit,
    setBy: limit?.setBy ?? null,
    setAt: limit?.setAt ?? null,
    counted: founded.filter((c) => counted(c.status)).length,
    communities: founded,
  };
}

/**
 * Sets an account's limit, or with `null` returns it to the default. Lowering it below what the account already has
 * closes nothing: it only refuses the next sign-up.
 */
export async function setAccountLimit(db: PlatformDb, userId: string, maxCommunities: number | null, operatorUserId: string) {
  if (maxCommunities === null) {
    await db.delete(accountLimits).where(eq(accountLimits.userId, userId));
    return;
  }
  await db
    .insert(accountLimits)
    .values({ userId, maxCommunities, setBy: operatorUserId })
    .onConflictDoUpdate({
      target: accountLimits.userId,
      set: { maxCommunities, setBy: operatorUserId, setAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` },
    });
}
