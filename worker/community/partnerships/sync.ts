import { and, eq, inArray, notExists, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { platformDb, type TenantDb } from '../../db/client';
import { now } from '../../db/columns';
import { communities } from '../../db/platform-schema';
import { ledgerPostings, ledgerTransactions } from '../../db/tenant-schema';
import { baseAccounts } from '../ledger/service';
import { partnershipLinks, partnershipSharedItems } from './platform-schema';
import { partnershipEntries, partnerships } from './schema';

/** The ledger reference of a shared donation: the same in the giver's and the receiver's ledger. */
export const ledgerRefOf = (itemId: string) => `partnership:${itemId}`;

/** The short form of a shared reference that both sites print beside a donation. */
export const shortRef = (itemId: string) => itemId.slice(0, 8).toUpperCase();

type SharedItem = typeof partnershipSharedItems.$inferSelect;

/** The memo of a donation's ledger entry on one side: whom it went to or came from, and the shared reference. */
export function donationMemo(item: Pick<SharedItem, 'id' | 'title'>, partnerName: string, given: boolean): string {
  return `${given ? '帮扶捐赠给' : '帮扶捐赠来自'}${partnerName}：${item.title}〔${shortRef(item.id)}〕`;
}

/** A balanced ledger transaction written at most once: a second write with the same ref adds nothing. */
export function idempotentTransaction(
  db: TenantDb,
  tx: { ref: string; occurredOn: string; memo: string; recordedBy: number; postings: { accountId: number; amountFen: number }[] },
): BatchItem<'sqlite'>[] {
  return [
    db
      .insert(ledgerTransactions)
      .values({ ref: tx.ref, occurredOn: tx.occurredOn, category: 'partnership-donation', memo: tx.memo, recordedBy: tx.recordedBy })
      .onConflictDoNothing({ target: ledgerTransactions.ref }),
    ...tx.postings.map((p) =>
      db.insert(ledgerPostings).select(
        db
          .select({
            id: sql<number>`NULL`.as('id'),
            transactionId: ledgerTransactions.id,
            accountId: sql<number>`${p.accountId}`.as('account_id'),
            amountFen: sql<number>`${p.amountFen}`.as('amount_fen'),
          })
          .from(ledgerTransactions)
          .where(
            and(
              eq(ledgerTransactions.ref, tx.ref),
              notExists(
                db
                  .select({ one: sql`1` })
                  .from(ledgerPostings)
                  .where(and(eq(ledgerPostings.transactionId, ledgerTransactions.id), eq(ledgerPostings.accountId, p.accountId))),
              ),
            ),
          ),
      ),
    ),
  ];
}

/**
 * Brings one community's own records up to date with the partnerships it has with other Huzhu communities: the state
 * and goals of each link, a copy of every shared visit and donation, and a ledger entry for every money donation it
 * gave or received. Everything is keyed by the shared ids, so it runs as often as needed (after each change, on
 * both sides, and whenever the partnerships are read) and a retry never writes anything twice. It reads the
 * control plane only — never the partner's database.
 */
export async function syncCommunity(platform: D1Database, db: TenantDb, communityId: string): Promise<void> {
  const p = platformDb(platform);
  const links = await p
    .select()
    .from(partnershipLinks)
    .where(or(eq(partnershipLinks.proposerCommunityId, communityId), eq(partnershipLinks.partnerCommunityId, communityId)));
  if (links.length === 0) return;
  const otherOf = (l: (typeof links)[number]) => (l.proposerCommunityId === communityId ? l.partnerCommunityId : l.proposerCommunityId);
  const otherIds = links.map(otherOf);
  const [others, items] = await p.batch([
    p
      .select({ id: communities.id, slug: communities.slug, nameZh: communities.nameZh })
      .from(communities)
      .where(inArray(communities.id, otherIds)),
    p
      .select()
      .from(partnershipSharedItems)
      .where(
        inArray(
          partnershipSharedItems.linkId,
          links.map((l) => l.id),
        ),
      ),
  ]);
  const { hub, external } = await baseAccounts(db);
  const statements: BatchItem<'sqlite'>[] = [];
  const byId = new Map(links.map((l) => [l.id, l]));
  for (const link of links) {
    const side = link.proposerCommunityId === communityId ? ('proposer' as const) : ('partner' as const);
    const other = others.find((o) => o.id === otherOf(link));
    const mirror = {
      status: link.status,
      goals: link.goals,
      startedOn: link.startedOn,
      endedOn: link.endedOn,
      partnerName: other?.nameZh ?? '',
    };
    statements.push(
      db
        .insert(partnerships)
        .values({ kind: 'huzhu', linkId: link.id, side, partnerSlug: other?.slug ?? null, ...mirror })
        .onConflictDoUpdate({ target: partnerships.linkId, set: mirror }),
    );
  }
  for (const item of items) {
    const link = byId.get(item.linkId);
    if (!link) continue;
    const ours = item.byCommunityId === communityId;
    statements.push(
      db
        .insert(partnershipEntries)
        .select(
          db
            .select({
              id: sql<number>`NULL`.as('id'),
              partnershipId: partnerships.id,
              ref: sql<string>`${item.id}`.as('ref'),
              kind: sql<string>`${item.kind}`.as('kind'),
              ours: sql<number>`${ours ? 1 : 0}`.as('ours'),
              occurredOn: sql<string>`${item.occurredOn}`.as('occurred_on'),
              title: sql<string>`${item.title}`.as('title'),
              place: sql<string>`${item.place}`.as('place'),
              residents: sql<number>`${item.residents}`.as('residents'),
              // The activity is the holding community's; the partner's copy names none of its ids.
              activityId: sql<number | null>`${ours ? item.activityId : null}`.as('activity_id'),
              donationKind: sql<string | null>`${item.donationKind}`.as('donation_kind'),
              amountFen: sql<number>`${item.amountFen}`.as('amount_fen'),
              createdAt: sql<string>`${now}`.as('created_at'),
            })
            .from(partnerships)
            .where(eq(partnerships.linkId, link.id)),
        )
        .onConflictDoNothing({ target: partnershipEntries.ref }),
    );
    if (item.kind !== 'donation' || item.donationKind !== 'money' || item.amountFen <= 0) continue;
    const recordedBy = link.proposerCommunityId === communityId ? link.proposerMemberId : link.partnerMemberId;
    if (recordedBy === null) continue;
    const other = others.find((o) => o.id === otherOf(link));
    statements.push(
      ...idempotentTransaction(db, {
        ref: ledgerRefOf(item.id),
        occurredOn: item.occurredOn,
        memo: donationMemo(item, other?.nameZh ?? '', ours),
        recordedBy,
        postings: ours
          ? [
              { accountId: hub.id, amountFen: -item.amountFen },
              { accountId: external.id, amountFen: item.amountFen },
            ]
          : [
              { accountId: hub.id, amountFen: item.amountFen },
              { accountId: external.id, amountFen: -item.amountFen },
            ],
      }),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
