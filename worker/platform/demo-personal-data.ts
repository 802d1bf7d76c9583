import { and, eq, like } from 'drizzle-orm';
import { signUp } from '../community/activities/signups';
import { raiseIssue } from '../community/issues/service';
import { joinAsResident } from '../community/members/service';
import { leave } from '../community/personal-data/service';
import { tenantDb } from '../db/client';
import { activities, clubMembers, clubs, members } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

/**
 * A resident who took part (signed up, joined a club, raised an issue) and then left with deletion: old records show
 * 已离开的居民 #N where her name was, and nothing else about her remains.
 */
export async function seedDemoPersonalData(env: Bindings, binding: string) {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const done = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.status, 'left'), like(members.userId, 'deleted:%')))
    .limit(1);
  if (done.length > 0) return;
  const { member } = await joinAsResident(db, 'demo-leaver', { displayName: '郑晓敏', household: '2-601' }, 'open');
  const actor = { id: member.id, displayName: member.displayName, status: 'active' as const, roles: [] };
  const [open] = await db.select({ id: activities.id }).from(activities).where(eq(activities.state, 'open')).limit(1);
  if (open) await signUp(db, open.id, actor, {}).catch(() => undefined);
  const [club] = await db.select({ id: clubs.id }).from(clubs).where(eq(clubs.status, 'active')).limit(1);
  if (club) await db.insert(clubMembers).values({ clubId: club.id, memberId: member.id, role: 'member' }).onConflictDoNothing();
  await raiseIssue(db, actor, {
    title: '小区东门的自行车棚顶漏雨',
    description: '下雨天车棚里的车座全湿了，希望物业修一下顶棚。',
    category: 'facilities',
  });
  await leave(db, d1, { id: member.id, userId: 'demo-leaver' }, true);
}
