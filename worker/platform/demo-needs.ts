import { count, eq, sql } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { tenantDb } from '../db/client';
import { needEvents, needResponses, needs } from '../db/tenant-schema';
import type { Bindings } from '../env';
import type { MemberContext } from '../http/context';
import { claimNeed, moveNeed, postNeed, type TurnInput, toggleResponse, turnNeedInto } from '../community/needs/service';
import type { NeedCategory } from '../community/needs/schema';
import { tenantDatabase } from '../tenancy/pool';

const DAY = 86400_000;

/** One demo need and what happened to it, with how many days ago each step was. */
interface DemoNeed {
  title: string;
  description: string;
  category: NeedCategory;
  beneficiary: 'self' | 'family' | 'neighbour';
  onBehalf?: { name: string; flat: string };
  by: string;
  postedDaysAgo: number;
  meToo?: string[];
  canHelp?: { by: string; note: string }[];
  claim?: { by: string; daysAgo: number };
  next?: { daysAgo: number } & ({ turn: TurnInput } | { to: 'solved' | 'wont-do'; note: string; by?: string });
}

const n = (i: number) => `demo-neighbour-${i}`;

/** 翠竹园: a dozen needs in every state, the way residents write them. */
function cuizhuyuanNeeds(now: number): DemoNeed[] {
  const saturday = new Date(now + 9 * DAY);
  saturday.setUTCHours(6, 30, 0, 0); // 14:30 in Nanjing
  return [
    {
      title: '周末有人教老人用手机吗？',
      description: '家里老人想学视频通话、扫码付款和挂号，子女平时上班没空教。周末下午最方便。',
      category: 'elderly',
      beneficiary: 'family',
      by: 'demo-resident',
      postedDaysAgo: 12,
      meToo: [n(1), n(4), n(6), n(9)],
      canHelp: [{ by: n(7), note: '我是中学信息老师，周六下午可以来' }],
      claim: { by: 'demo-contact', daysAgo: 10 },
      next: {
        daysAgo: 9,
        turn: {
          kind: 'activity',
          title: '周六手机课堂：视频通话和扫码',
          description: '一对一教老人用手机：视频通话、扫码付款、预约挂号。请带上自己的手机和充电器。来自需求登记。',
          startsAt: saturday.toISOString(),
          endsAt: new Date(saturday.getTime() + 2 * 3600_000).toISOString(),
          place: '社区活动室',
          capacity: 12,
        },
      },
    },
    {
      title: '替张奶奶登记：卫生间灯坏了，够不着换',
      description: '张奶奶一个人住，不用智能手机。灯管坏了一周了，晚上起夜不安全。',
      category: 'repairs',
      beneficiary: 'neighbour',
      onBehalf: { name: '张奶奶', flat: '7栋301' },
      by: n(1),
      postedDaysAgo: 30,
      claim: { by: 'demo-contact', daysAgo: 29 },
      next: { daysAgo: 27, to: 'solved', note: '联络人约物业师傅上门换好了灯管，顺便检查了插座。' },
    },
    {
      title: '孩子放学后没人辅导作业',
      description: '双职工家庭，四点半到六点之间孩子没人看，希望有人帮忙看作业。',
      category: 'children',
      beneficiary: 'family',
      by: n(2),
      postedDaysAgo: 45,
      meToo: [n(5), n(8), n(10)],
      claim: { by: 'demo-admin', daysAgo: 40 },
      next: {
        daysAgo: 38,
        turn: { kind: 'program-task', programKey: 'university', note: '社区大学招募退休教师志愿者，周二、周四下午在书屋开“四点半课堂”。' },
      },
    },
    {
      title: '想找人一起晨跑',
      description: '每天早上六点半绕小区和河边跑五公里，一个人坚持不下来。',
      category: 'culture-sport',
      beneficiary: 'self',
      by: n(3),
      postedDaysAgo: 60,
      meToo: [n(11), 'demo-resident'],
      claim: { by: 'demo-club-founder', daysAgo: 55 },
      next: {
        daysAgo: 54,
        turn: { kind: 'club', name: '翠竹晨跑团', purpose: '每天早上六点半一起晨跑，新手从三公里开始，互相督促。', programKey: 'sports' },
      },
    },
    {
      title: '希望有人定期给楼里老人量血压',
      description: '楼里有好几位高血压老人，家里有血压计但不会看读数。',
      category: 'health',
      beneficiary: 'neighbour',
      by: n(4),
      postedDaysAgo: 8,
      meToo: [n(12)],
      canHelp: [{ by: n(9), note: '我是社区医院护士，每月可以来一次' }],
      claim: { by: 'demo-party-rep', daysAgo: 6 },
    },
    {
      title: '小区能不能办英语角？',
      description: '孩子和大人都想练口语，小区里有不少外籍邻居，也许愿意来聊聊。',
      category: 'learning',
      beneficiary: 'self',
      by: n(5),
      postedDaysAgo: 21,
      meToo: [n(2), n(6), n(8)],
    },
    {
      title: '办一次旧物交换吧',
      description: '家里孩子的玩具和书用不上了，扔了可惜，想和邻居换一换。',
      category: 'other',
      beneficiary: 'self',
      by: n(6),
      postedDaysAgo: 26,
      meToo: [n(1), n(3), n(7), n(10), 'demo-resident'],
    },
    {
      title: '厨房水管漏水，不会修',
      description: '水槽下面的水管一直滴水。',
      category: 'repairs',
      beneficiary: 'self',
      by: n(7),
      postedDaysAgo: 18,
      next: { daysAgo: 17, to: 'wont-do', by: 'demo-admin', note: '室内水管属于物业维修范围，已帮你转给物业报修，物业三天内上门。' },
    },
    {
      title: '周末带孩子去哪儿玩？想组织亲子活动',
      description: '三到六岁的孩子，希望周末有邻居家长一起带孩子户外活动。',
      category: 'children',
      beneficiary: 'family',
      by: n(8),
      postedDaysAgo: 3,
      meToo: [n(2), n(5)],
    },
    {
      title: '想学八段锦',
      description: '听说对颈椎好，想有人带着练。',
      category: 'health',
      beneficiary: 'self',
      by: n(9),
      postedDaysAgo: 5,
      canHelp: [{ by: n(12), note: '我练了五年，可以早上在广场带大家' }],
    },
    {
      title: '书法作品想找地方展示',
      description: '书法社练了一年，大家想办个小展览给邻居看看。',
      category: 'culture-sport',
      beneficiary: 'self',
      by: n(10),
      postedDaysAgo: 15,
      claim: { by: 'demo-club-founder', daysAgo: 13 },
    },
    {
      title: '独居老人想有人陪着聊聊天',
      description: '楼上的李爷爷老伴走了，子女在外地，整天一个人在家。',
      category: 'elderly',
      beneficiary: 'neighbour',
      by: n(11),
      postedDaysAgo: 35,
      meToo: [n(4)],
      canHelp: [{ by: 'demo-resident', note: '我每周三晚上有空' }],
      claim: { by: 'demo-admin', daysAgo: 33 },
      next: { daysAgo: 32, turn: { kind: 'program-task', programKey: 'elder-care', note: '居家养老计划安排两位志愿者每周上门陪伴一次。' } },
    },
  ];
}

/** 平治 and 大方: a few needs each, one waiting for the monthly review. */
function otherNeeds(): DemoNeed[] {
  return [
    {
      title: '想学用电脑做表格',
      description: '退休后想记家庭账，不会用表格软件。',
      category: 'learning',
      beneficiary: 'self',
      by: n(2),
      postedDaysAgo: 20,
      meToo: [n(3), n(6)],
    },
    {
      title: '楼道里的自行车太多，能不能组织一次清理？',
      description: '很多僵尸车堵着消防通道。',
      category: 'other',
      beneficiary: 'self',
      by: n(4),
      postedDaysAgo: 9,
      claim: { by: 'demo-contact', daysAgo: 8 },
    },
    {
      title: '孩子暑假想学游泳',
      description: '附近有没有家长一起找教练？',
      category: 'children',
      beneficiary: 'family',
      by: n(5),
      postedDaysAgo: 40,
      claim: { by: 'demo-admin', daysAgo: 37 },
      next: { daysAgo: 30, to: 'solved', note: '五位家长一起报了街道游泳馆的暑期班。' },
    },
  ];
}

/**
 * The needs register of a demo community, made through the register's own services, then dated back so the
 * register has a past (and a couple of needs wait for the monthly review). Runs only while there are no needs.
 */
export async function seedDemoNeeds(env: Bindings, binding: string, slug: string): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const [existing] = await db.select({ n: count() }).from(needs);
  if ((existing?.n ?? 0) > 0) return;
  const host = { kind: 'community' as const, community: { id: '', slug, nameZh: '', nameEn: null, databaseBinding: binding }, db, d1 };
  const people = new Map<string, MemberContext>();
  const as = async (userId: string) => {
    let member = people.get(userId);
    if (!member) {
      member = (await loadMember(host, userId)) ?? undefined;
      if (!member) throw new Error(`demo member ${userId} is missing`);
      people.set(userId, member);
    }
    return member;
  };
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  for (const need of slug === 'cuizhuyuan' ? cuizhuyuanNeeds(now) : otherNeeds()) {
    const id = await postNeed(db, await as(need.by), {
      title: need.title,
      description: need.description,
      category: need.category,
      beneficiary: need.beneficiary,
      onBehalf: need.onBehalf,
    });
    for (const who of need.meToo ?? []) await toggleResponse(db, id, await as(who), 'me-too');
    for (const help of need.canHelp ?? []) await toggleResponse(db, id, await as(help.by), 'can-help', help.note);
    if (need.claim) await claimNeed(db, id, await as(need.claim.by));
    const next = need.next;
    if (next && 'turn' in next) await turnNeedInto(db, id, await as(need.claim!.by), ['claimant'], next.turn);
    if (next && 'to' in next) {
      const by = next.by ?? need.claim!.by;
      await moveNeed(db, id, await as(by), ['claimant', 'coordinator'], { to: next.to, note: next.note });
    }
    // Date the need's path back: posting, claim and the last step each on their own day.
    const posted = ago(need.postedDaysAgo);
    const claimed = need.claim ? ago(need.claim.daysAgo) : null;
    const finished = next ? ago(next.daysAgo) : null;
    await db.batch([
      db
        .update(needs)
        .set({ createdAt: posted, stateSince: finished ?? claimed ?? posted, claimedAt: claimed })
        .where(eq(needs.id, id)),
      db
        .update(needEvents)
        .set({
          at: sql`CASE ${needEvents.toState} WHEN 'unclaimed' THEN ${posted} WHEN 'claimed' THEN ${claimed ?? posted} ELSE ${finished ?? posted} END`,
        })
        .where(eq(needEvents.needId, id)),
      db.update(needResponses).set({ createdAt: posted }).where(eq(needResponses.needId, id)),
    ]);
  }
}
