import { eq } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { tenantDb } from '../db/client';
import { activities, clubs, issueEvents, issues, members } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { createActivity, takeStep } from '../community/activities/service';
import { signUp } from '../community/activities/signups';
import { DEFAULT_TIME_ZONE } from '../community/profile/rules';
import { zonedInstant } from '../community/series/rules';
import { nextMonth } from '../community/buildings/notice';
import { tenantDatabase } from '../tenancy/pool';

const ACTIVITY_TITLE = '新年迎春健步走';
const DAY = 86400_000;

/**
 * Something for the demo building contact to print: a decision brought back to their building this month (the
 * monthly notice, the decision's poster) and an activity announced for next month. Runs only while that activity
 * does not exist, so seeding again adds nothing.
 */
export async function seedDemoPrint(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const [done] = await db.select({ id: activities.id }).from(activities).where(eq(activities.title, ACTIVITY_TITLE)).limit(1);
  if (done) return;
  const host = { kind: 'community' as const, community: { id: '', slug: '', nameZh: '', nameEn: null, databaseBinding: binding }, db, d1 };
  const [founder, contact, resident] = await Promise.all(
    ['demo-club-founder', 'demo-contact', 'demo-resident'].map((userId) => loadMember(host, userId)),
  );
  const [home] = await db.select({ buildingId: members.buildingId }).from(members).where(eq(members.userId, 'demo-contact'));
  const [tennis] = await db.select({ id: clubs.id }).from(clubs).where(eq(clubs.name, '周末网球社'));
  if (!founder || !contact || !resident || !home?.buildingId || !tennis) return;

  // A decision on the contact's building, adopted at the joint meeting and brought back to the building today.
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const [issue] = await db
    .insert(issues)
    .values({
      title: '单元门禁经常失灵',
      description: '一单元的门禁刷卡经常没反应，晚上外卖和陌生人随手就能进楼，老人担心安全。',
      category: 'safety',
      buildingId: home.buildingId,
      raisedBy: contact.id,
      state: 'relayed',
      bodyKey: 'joint-meeting',
      outcome: 'adopted',
      decisionText: '物业公司本月内更换一单元门禁主板，并在门厅加装一盏感应灯；费用由公共维修资金列支，业委会监督验收。',
      implementationOwner: '物业公司（工程部）',
      dueOn: new Date(now + 28 * DAY).toISOString().slice(0, 10),
      stateSince: at(0),
      createdAt: at(24),
    })
    .returning({ id: issues.id });
  if (issue) {
    const path = [
      { fromState: null, toState: 'raised', at: at(24), note: '' },
      { fromState: 'raised', toState: 'acknowledged', at: at(23), note: '已和网格员一起看过现场' },
      { fromState: 'acknowledged', toState: 'referred', at: at(21), note: '提交联席会议' },
      { fromState: 'referred', toState: 'on-agenda', at: at(9), note: '' },
      { fromState: 'on-agenda', toState: 'decided', at: at(7), note: '联席会议一致通过' },
      { fromState: 'decided', toState: 'relayed', at: at(0), note: '已在楼栋群和公告栏传达' },
    ];
    await db.insert(issueEvents).values(path.map((step) => ({ issueId: issue.id, actorMemberId: contact.id, ...step })));
  }

  // Next month's first Saturday-ish morning: the 10th at 08:30 on the community's clock.
  const month = nextMonth(new Date(now).toISOString().slice(0, 7));
  const start = zonedInstant(`${month}-10`, 8 * 60 + 30, DEFAULT_TIME_ZONE);
  const id = await createActivity(db, founder, {
    clubId: tennis.id,
    title: ACTIVITY_TITLE,
    description: '沿河健步走 6 公里，终点有热茶和点心。老人孩子都可以参加，慢慢走。',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2.5 * 3600_000).toISOString(),
    place: '小区南门集合',
    capacity: 40,
    audience: 'residents',
    expectedParticipants: 30,
    costLines: [
      { label: '热茶和点心', amountFen: 36000 },
      { label: '保险', amountFen: 15000 },
    ],
  });
  await takeStep(db, id, 'submit', founder);
  await takeStep(db, id, 'approve', founder);
  await takeStep(db, id, 'open', founder);
  await signUp(db, id, resident, {});
}
