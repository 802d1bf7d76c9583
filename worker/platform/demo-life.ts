import { count, eq } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { type TenantDb, tenantDb } from '../db/client';
import { buildings, clubs, committees, members, spaces } from '../db/tenant-schema';
import { createInvitation, requestInvitation } from '../community/members/invitations';
import { requestSlot } from '../community/spaces/service';
import type { Bindings } from '../env';
import type { MemberContext } from '../http/context';
import { createActivity, takeStep } from '../community/activities/service';
import { signUp } from '../community/activities/signups';
import { joinClub, moveClub, proposeClub } from '../community/clubs/service';
import { moveIssue, raiseIssue } from '../community/issues/service';
import { bookSpace } from '../community/bookings/service';
import { approveOwnHours, logOwnHours } from '../community/volunteers/service';
import { DEFAULT_TIME_ZONE, wallClock } from '../community/profile/rules';
import { tenantDatabase } from '../tenancy/pool';

/**
 * Everyday life for the demo community, made through the same services residents use: clubs (one
 * waiting for approval), an open AA activity with sign-ups, an issue on its way up, and shared spaces with bookings.
 * Runs only while the community has no clubs, so seeding again adds nothing.
 */
export async function seedDemoLife(env: Bindings, binding: string, slug: string): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const [existing] = await db.select({ n: count() }).from(clubs);
  if ((existing?.n ?? 0) > 0) return;
  const host = { kind: 'community' as const, community: { id: '', slug, nameZh: '', nameEn: null, databaseBinding: binding }, db, d1 };
  const as = async (userId: string): Promise<MemberContext> => {
    const member = await loadMember(host, userId);
    if (!member) throw new Error(`demo member ${userId} is missing`);
    return member;
  };
  const admin = await as('demo-admin');
  const founder = await as('demo-club-founder');
  const resident = await as('demo-resident');
  const contact = await as('demo-contact');

  const tennis = await proposeClub(db, founder, {
    name: '周末网球社',
    purpose: '每周末一起打网球，新手有老球友带。费用 AA，略有结余留作社团基金。',
    programKey: 'sports',
    meetingPattern: '每周六上午 9:00',
  });
  await moveClub(db, tennis, 'active', admin);
  await joinClub(db, tennis, resident);
  await proposeClub(db, resident, {
    name: '书法社',
    purpose: '周三晚上一起练字，交流书法，逢年节为邻居写春联。',
    programKey: 'university',
    meetingPattern: '每周三晚上 7:30',
  });

  const start = new Date(Date.now() + 3 * 86400_000);
  start.setUTCHours(1, 0, 0, 0);
  const activity = await createActivity(db, founder, {
    clubId: tennis,
    title: '周六网球友谊赛',
    description: '双打循环赛，赛后一起喝茶。请自带球拍。',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2.5 * 3600_000).toISOString(),
    place: '小区网球场',
    capacity: 24,
    audience: 'residents',
    expectedParticipants: 20,
    costLines: [
      { label: '场地灯光费', amountFen: 30000 },
      { label: '网球 4 筒', amountFen: 24000 },
      { label: '茶水', amountFen: 6000 },
    ],
  });
  await takeStep(db, activity, 'submit', founder);
  await takeStep(db, activity, 'approve', founder);
  await takeStep(db, activity, 'open', founder);
  await signUp(db, activity, resident, {});
  await signUp(db, activity, contact, {});

  const [building] = await db.select({ id: members.buildingId }).from(members).where(eq(members.userId, 'demo-resident'));
  const issue = await raiseIssue(db, resident, {
    title: '地下车库照明不足',
    description: '地下车库 B 区有一半灯不亮，晚上停车很暗，老人和孩子容易摔倒。建议尽快修好，并加装感应灯。',
    category: 'safety',
    buildingId: building?.id ?? undefined,
  });
  await moveIssue(db, issue, admin, ['coordinator'], { to: 'acknowledged', note: '已请物业先排查线路' });
  // □ 对外匿名: a complaint about the property company, named only to the association's coordinators (and the resident).
  const anonymous = await raiseIssue(db, resident, {
    title: '物业保洁只在检查前打扫',
    description: '楼道和电梯平时很少有人打扫，只有检查前一天才集中清洁。希望公布保洁排班，按排班打扫。',
    category: 'property-service',
    buildingId: building?.id ?? undefined,
    anonymous: true,
  });
  await moveIssue(db, anonymous, admin, ['coordinator'], { to: 'acknowledged', note: '已转告物业，先看一周排班' });
  await raiseIssue(db, founder, {
    title: '夜间广场舞音响太响',
    description: '晚上九点以后广场上的音响还很响，影响老人和孩子休息。希望约定结束时间、调小音量。',
    category: 'environment',
    anonymous: true,
  });

  await db
    .insert(spaces)
    .values([
      { name: '多功能厅', capacity: 80, opensAt: '08:00', closesAt: '21:30', rules: '用后复原桌椅，晚上九点半前离场。' },
      { name: '网球场', capacity: 16, opensAt: '06:30', closesAt: '22:00', rules: '穿网球鞋入场；夜间使用需预约灯光。' },
      { name: '棋牌室', capacity: 20, opensAt: '09:00', closesAt: '21:00', rules: '禁止吸烟和赌博。' },
    ])
    .onConflictDoNothing();
  await seedDemoBookings(db, { tennis, founder, resident, contact });

  // Hours outside activities: the building contact logs an evening at the 明志书屋 desk, confirmed by an admin,
  // and the resident logs two hours of visiting older neighbours, still waiting for an admin.
  const today = wallClock(Date.now(), DEFAULT_TIME_ZONE).date;
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);
  const desk = await logOwnHours(
    db,
    contact.id,
    { programKey: 'library', servedOn: daysAgo(3), minutes: 150, note: '书屋值班，整理还书' },
    today,
  );
  await approveOwnHours(db, admin.id, desk);
  await logOwnHours(db, resident.id, { programKey: 'elder-care', servedOn: daysAgo(1), minutes: 120, note: '陪两位独居老人聊天' }, today);
  await seedDemoPeople(db, { admin, resident, buildingId: building?.id ?? null });
}

/**
 * Setup work an administrator finds waiting: a resident who used an invitation link and waits to be confirmed as a
 * building contact, a working group that finished its job and was closed, and a slot request before the federation.
 */
async function seedDemoPeople(db: TenantDb, who: { admin: MemberContext; resident: MemberContext; buildingId: number | null }) {
  const [firstBuilding] = await db.select({ id: buildings.id }).from(buildings).limit(1);
  const buildingId = who.buildingId ?? firstBuilding?.id;
  if (buildingId !== undefined) {
    const invitation = await createInvitation(db, { role: 'building-contact', buildingId, note: '热心的邻居', days: 14 }, who.admin.id);
    await requestInvitation(db, invitation.token, who.resident.id);
  }
  await db
    .insert(committees)
    .values({
      name: '春节联欢筹备组',
      kind: 'ad-hoc',
      remit: '筹备春节联欢会：节目征集、场地布置和志愿者分工。联欢会已办完，工作组结束。',
      endsOn: '2026-02-28',
      closedAt: '2026-03-01T02:00:00.000Z',
    })
    .onConflictDoNothing();
  const [hall] = await db.select({ id: spaces.id, name: spaces.name }).from(spaces).where(eq(spaces.name, '棋牌室'));
  if (hall)
    await requestSlot(db, who.resident.id, `${hall.name}：周三 19:00–21:00`, {
      spaceId: hall.id,
      clubId: null,
      slot: '周三 19:00–21:00',
      reason: '书法社每周三晚上练字，和棋友的时间重叠，请联合会协调。',
    });
}

/**
 * A few bookings of the shared spaces, through the same service residents use (so they keep to opening hours and
 * capacity): the tennis club's weekly Saturday morning, a resident's game of chess and a building meeting.
 */
async function seedDemoBookings(
  db: TenantDb,
  who: { tennis: number; founder: MemberContext; resident: MemberContext; contact: MemberContext },
) {
  const rows = await db.select({ id: spaces.id, name: spaces.name }).from(spaces);
  const spaceId = (name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`demo space ${name} is missing`);
    return row.id;
  };
  // The demo communities are in China: Asia/Shanghai, UTC+8 all year.
  const today = wallClock(Date.now(), 'Asia/Shanghai').date;
  /** The date `days` after today on the community's calendar, and its day of the week (0 = Sunday). */
  const day = (days: number) => {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400_000);
    return { date: date.toISOString().slice(0, 10), weekday: date.getUTCDay() };
  };
  const at = (days: number, hhmm: string) => `${day(days).date}T${hhmm}:00+08:00`;
  const saturday = (6 - day(0).weekday + 7) % 7 || 7;
  await bookSpace(db, {
    spaceId: spaceId('网球场'),
    clubId: who.tennis,
    bookedBy: who.founder.id,
    startsAt: at(saturday, '07:00'),
    endsAt: at(saturday, '08:30'),
    purpose: '网球社周六晨练',
    people: 12,
    weeks: 6,
  });
  await bookSpace(db, {
    spaceId: spaceId('棋牌室'),
    clubId: null,
    bookedBy: who.resident.id,
    startsAt: at(2, '14:00'),
    endsAt: at(2, '16:30'),
    purpose: '和邻居下象棋',
    people: 4,
    weeks: 1,
  });
  await bookSpace(db, {
    spaceId: spaceId('多功能厅'),
    clubId: null,
    bookedBy: who.contact.id,
    startsAt: at(5, '19:00'),
    endsAt: at(5, '21:00'),
    purpose: '楼栋议事会：电动车充电桩',
    people: 30,
    weeks: 1,
  });
}
