import { and, eq, inArray } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { platformDb, tenantDb } from '../db/client';
import { communities } from '../db/platform-schema';
import { members, partnerships } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { partnershipLinks, partnershipSharedItems } from '../community/partnerships/platform-schema';
import { pairKey } from '../community/partnerships/rules';
import { propose, recordDonation, recordVisit } from '../community/partnerships/service';
import { syncCommunity } from '../community/partnerships/sync';
import { tenantDatabase } from '../tenancy/pool';

const DAY = 86400_000;

/** A day `days` ago, kept within the current year so that the ledger's default statement (this year) shows it. */
function daysAgo(now: number, days: number): string {
  const day = new Date(now - days * DAY).toISOString().slice(0, 10);
  const today = new Date(now).toISOString().slice(0, 10);
  return day.slice(0, 4) === today.slice(0, 4) ? day : today;
}

/** Fixed ids, so seeding again finds what it wrote. */
const LINK_ID = '7c1f0d52-5a0e-4c6b-9f7e-0b2d3c4e5f60';
const DONATION_ID = '3a9e6b1c-2d4f-4e8a-b7c6-1d2e3f4a5b6c';
const VISIT_OUT_ID = '8b2c4d6e-1f3a-4b5c-9d7e-2f4a6b8c0d1e';
const VISIT_BACK_ID = '9c3d5e7f-2a4b-4c6d-8e9f-3a5b7c9d1e2f';
const OUTSIDE_DONATION_ID = '4b7d9f1a-3c5e-4a7b-8c9d-5e7f9a1b3c5d';
const OUTSIDE_GOODS_ID = '5c8e0a2b-4d6f-4b8c-9daf-6f8a0b2c4d6e';

async function demoAdmin(env: Bindings, binding: string) {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.userId, 'demo-admin'));
  return { db, d1, binding, adminId: row?.id ?? null };
}

/**
 * 翠竹园 and 平治 partner on Huzhu: 翠竹园's 周明 proposed, 平治's accepted; 翠竹园 gave 平治 money for a reading corner
 * (in both ledgers under one reference), its volunteers visited 平治 and 平治's residents came back. 翠竹园 also keeps its
 * ten-year pact with 高芒村 in Guizhou, a village not on Huzhu. Once only: the fixed ids make a second run write nothing.
 */
export async function seedDemoPartnerships(env: Bindings, now = Date.now()): Promise<void> {
  const platform = platformDb(env.PLATFORM_DB);
  const rows = await platform
    .select({ id: communities.id, slug: communities.slug, binding: communities.databaseBinding })
    .from(communities)
    .where(inArray(communities.slug, ['cuizhuyuan', 'pingzhi']));
  const cui = rows.find((r) => r.slug === 'cuizhuyuan');
  const ping = rows.find((r) => r.slug === 'pingzhi');
  if (!cui?.binding || !ping?.binding) return;
  const a = await demoAdmin(env, cui.binding);
  const b = await demoAdmin(env, ping.binding);
  if (a.adminId === null || b.adminId === null) return;

  const [open] = await platform
    .select({ id: partnershipLinks.id })
    .from(partnershipLinks)
    .where(eq(partnershipLinks.pairKey, pairKey(cui.id, ping.id)));
  if (!open) {
    await platform.batch([
      platform.insert(partnershipLinks).values({
        id: LINK_ID,
        proposerCommunityId: cui.id,
        partnerCommunityId: ping.id,
        pairKey: pairKey(cui.id, ping.id),
        status: 'active',
        goals:
          '帮助平治建起自己的社区互助会：一年内孵化十个居民社团\n共建平治亲子阅读角，翠竹园捐书、捐书架\n每年互访两次，两边的志愿者结对交流',
        proposerMemberId: a.adminId,
        partnerMemberId: b.adminId,
        startedOn: new Date(now - 200 * DAY).toISOString().slice(0, 10),
        respondedAt: new Date(now - 200 * DAY).toISOString(),
      }),
      platform.insert(partnershipSharedItems).values([
        {
          id: DONATION_ID,
          linkId: LINK_ID,
          kind: 'donation',
          byCommunityId: cui.id,
          occurredOn: daysAgo(now, 20),
          title: '平治亲子阅读角的图书和书架',
          donationKind: 'money',
          amountFen: 5000_00,
        },
        {
          id: VISIT_OUT_ID,
          linkId: LINK_ID,
          kind: 'visit',
          byCommunityId: cui.id,
          occurredOn: daysAgo(now, 60),
          title: '翠竹园志愿者到平治分享社团孵化经验',
          place: '平治社区活动中心',
          residents: 18,
        },
        {
          id: VISIT_BACK_ID,
          linkId: LINK_ID,
          kind: 'visit',
          byCommunityId: ping.id,
          occurredOn: daysAgo(now, 12),
          title: '平治居民回访翠竹园明志书屋和彩虹屋',
          place: '翠竹园明志书屋',
          residents: 12,
        },
      ]),
    ]);
  }
  await syncCommunity(env.PLATFORM_DB, a.db, cui.id);
  await syncCommunity(env.PLATFORM_DB, b.db, ping.id);

  const [village] = await a.db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.kind, 'outside'), eq(partnerships.partnerName, '高芒村')));
  if (village) return;
  const host = {
    kind: 'community' as const,
    community: { id: cui.id, slug: cui.slug, nameZh: '', nameEn: null, databaseBinding: cui.binding },
    db: a.db,
    d1: a.d1,
  };
  const admin = await loadMember(host, 'demo-admin');
  if (!admin) return;
  const reach = { env, db: a.db, communityId: cui.id };
  const id = await propose(reach, admin, {
    kind: 'outside',
    name: '高芒村',
    place: '贵州省黔东南州雷山县',
    contact: '高芒村村委会 杨主任',
    goals: '十年结对：隔年组织居民到村里走访\n资助村小学的图书室和冬衣\n帮村里的手工艺品在彩虹屋义卖',
    startedOn: '2019-03-12',
  });
  await recordVisit(reach, id, { title: '翠竹园亲子团到高芒村小学', occurredOn: daysAgo(now, 90), place: '高芒村小学', residents: 26 });
  await recordDonation(reach, admin, id, {
    kind: 'money',
    title: '高芒村小学图书室',
    occurredOn: daysAgo(now, 85),
    amountFen: 3000_00,
    reference: OUTSIDE_DONATION_ID,
  });
  await recordDonation(reach, admin, id, {
    kind: 'goods',
    title: '冬衣和棉被一百二十件',
    occurredOn: daysAgo(now, 30),
    amountFen: 0,
    reference: OUTSIDE_GOODS_ID,
  });
}
