import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { createActivity, takeStep } from '../community/activities/service';
import { signUp } from '../community/activities/signups';
import { saveSection, type SectionRef } from '../community/programs/sections';
import { wallClock } from '../community/profile/rules';
import { type TenantDb, tenantDb } from '../db/client';
import { activities, programTextRevisions, programTexts } from '../db/tenant-schema';
import type { Bindings } from '../env';
import type { MemberContext } from '../http/context';
import { tenantDatabase } from '../tenancy/pool';

interface Edit {
  ref: SectionRef;
  /** Each text is a new revision, oldest first, with what changed and how many days ago it was written. */
  revisions: { body: string; summary: string; daysAgo: number }[];
}

const libraryRoutine = (opening: string) => `1. 物业把 3 号楼架空层的活动室借给书屋，${opening}
2. 通过楼栋群招募馆员，每班两人；值班表每月 25 日前贴在书屋门口，也发到各楼栋群
3. 每年 3 月和 9 月各办一次捐书周：收童书、文学和生活类图书，教辅和过期杂志不收
4. 借书凭成员身份登记，每人最多 3 本，借期 3 周；每月最后一个周日盘点
5. 每月第一个周六上午办一次亲子绘本会，AA 收费，结余进书屋基金买新书`;

/** What each demo community has put in its own words, as its administrator wrote it. */
const edits: Record<string, Edit[]> = {
  cuizhuyuan: [
    {
      ref: { programKey: 'library', section: 'how-to-run', locale: 'zh-CN' },
      revisions: [
        {
          body: libraryRoutine('每周二、四、六晚上 7 点到 9 点开门'),
          summary: '按书屋这一年的实际做法改写',
          daysAgo: 45,
        },
        {
          body: libraryRoutine('每周二、四、六晚上 7 点到 9 点开门，周日下午 2 点到 5 点加开一班给带孩子的家庭'),
          summary: '周日下午加开一班',
          daysAgo: 9,
        },
      ],
    },
    {
      ref: { programKey: 'charity-shop', section: 'purpose', locale: 'zh-CN' },
      revisions: [
        {
          body: `彩虹屋是翠竹园居民自己的慈善小店：邻居把闲置但完好的物品捐进来，志愿者整理、定价后义卖，**所得全部进入互助会的公益基金**，用来资助结对的高芒村孩子和小区里的困难家庭。

每两个月在中心广场办一次跳蚤市场，让旧物流动起来，也让邻居多一个见面的理由。`,
          summary: '写明义卖所得的去向',
          daysAgo: 30,
        },
      ],
    },
    {
      ref: { programKey: 'elder-care', section: 'roles', locale: 'zh-CN' },
      revisions: [
        {
          body: `- **结对志愿者**——每人结对一到两位独居老人，每周至少上门或电话问候一次
- **楼栋联络人**——留意楼里需要帮助的老人，告诉项目负责人
- **项目负责人**——为老人和志愿者配对，每月汇总服务时长并在互助会例会上汇报
- **社区医生（外部志愿者）**——每季度来做一次健康讲座和血压测量`,
          summary: '加上楼栋联络人和社区医生',
          daysAgo: 20,
        },
      ],
    },
  ],
  pingzhi: [
    {
      ref: { programKey: 'kids-troupe', section: 'purpose', locale: 'zh-CN' },
      revisions: [
        {
          body: '寒暑假里，平治的家长轮流带孩子们做手工、去江边踏青、当社区小记者，让双职工家庭的孩子假期有地方去、有伙伴玩，也让家长们互相认识。',
          summary: '按平治的情况改写',
          daysAgo: 14,
        },
      ],
    },
  ],
};

/** Hub activities of the past year that count for a program: the new residents' evenings are salon evenings. */
const hubCredits: Record<string, { title: string; programKey: string }[]> = {
  cuizhuyuan: [
    { title: '新居民见面会', programKey: 'salon' },
    { title: '彩虹屋跳蚤市场', programKey: 'charity-shop' },
  ],
  pingzhi: [{ title: '新居民见面会', programKey: 'salon' }],
  dafang: [{ title: '新居民见面会', programKey: 'salon' }],
};

const FLEA_MARKET = '彩虹屋旧物交换日';

/**
 * Program pages in the demo: sections some communities wrote in their own words (with a revision or two), the
 * past year's activities credited to programs (club activities to their club's, the new residents' evenings to the
 * salon) and, in 翠竹园, a flea market of 彩虹屋 run by the hub and open for sign-up. Seeding again adds nothing.
 */
export async function seedDemoPrograms(env: Bindings, binding: string, slug: string): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const host = { kind: 'community' as const, community: { id: '', slug, nameZh: '', nameEn: null, databaseBinding: binding }, db, d1 };
  const as = async (userId: string): Promise<MemberContext> => {
    const member = await loadMember(host, userId);
    if (!member) throw new Error(`demo member ${userId} is missing`);
    return member;
  };
  await creditActivities(db, slug);
  const [written] = await db.select({ n: count() }).from(programTexts);
  if ((written?.n ?? 0) === 0) {
    const admin = await as('demo-admin');
    await writeSections(db, edits[slug] ?? [], { userId: 'demo-admin', name: admin.displayName });
  }
  if (slug === 'cuizhuyuan') await seedFleaMarket(db, await as('demo-resident'), await as('demo-admin'), await as('demo-contact'));
}

async function creditActivities(db: TenantDb, slug: string) {
  await db.batch([
    db
      .update(activities)
      .set({ programKey: sql`(SELECT program_key FROM clubs WHERE clubs.id = ${activities.clubId})` })
      .where(and(isNull(activities.programKey), isNotNull(activities.clubId))),
    ...(hubCredits[slug] ?? []).map((credit) =>
      db
        .update(activities)
        .set({ programKey: credit.programKey })
        .where(and(isNull(activities.programKey), isNull(activities.clubId), eq(activities.title, credit.title))),
    ),
  ]);
}

async function writeSections(db: TenantDb, list: Edit[], author: { userId: string; name: string }) {
  for (const edit of list) {
    let base = 1;
    for (const revision of edit.revisions) {
      const saved = await saveSection(db, edit.ref, { body: revision.body, summary: revision.summary, baseRevision: base }, author);
      base = saved.revision;
      // Written over the past weeks, not all at the moment of seeding.
      const at = new Date(Date.now() - revision.daysAgo * 86400_000).toISOString();
      await db.run(sql`UPDATE ${programTextRevisions} SET created_at = ${at}
        WHERE number = ${saved.revision} AND text_id = (SELECT id FROM ${programTexts} WHERE ${programTexts.programKey} = ${edit.ref.programKey}
          AND ${programTexts.section} = ${edit.ref.section} AND ${programTexts.locale} = ${edit.ref.locale})`);
    }
  }
}

/** The resident persona proposes the flea market (whoever proposes is responsible); an administrator approves it. */
async function seedFleaMarket(db: TenantDb, resident: MemberContext, admin: MemberContext, contact: MemberContext) {
  // The 彩虹屋 club's own flea markets of the past year share the name; the hub's has no club.
  const [seen] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.title, FLEA_MARKET), isNull(activities.clubId)));
  if (seen) return;
  // The second Saturday from today on the community's calendar (Asia/Shanghai), 9:00 to 12:00.
  const today = wallClock(Date.now(), 'Asia/Shanghai').date;
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const days = ((6 - weekday + 7) % 7 || 7) + 7;
  const date = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
  const id = await createActivity(db, resident, {
    clubId: null,
    programKey: 'charity-shop',
    title: FLEA_MARKET,
    description: '把家里闲置的书、玩具、衣物和小家电带来互相交换，或者来淘一淘。摊位费用于桌椅和海报，结余进入彩虹屋的公益基金。',
    startsAt: `${date}T09:00:00+08:00`,
    endsAt: `${date}T12:00:00+08:00`,
    place: '中心广场',
    capacity: 40,
    audience: 'residents',
    expectedParticipants: 30,
    costLines: [
      { label: '桌椅租用 20 套', amountFen: 40000 },
      { label: '海报和价签', amountFen: 8000 },
    ],
  });
  await takeStep(db, id, 'submit', resident);
  await takeStep(db, id, 'approve', admin);
  await takeStep(db, id, 'open', resident);
  await signUp(db, id, contact, {});
}
