import { and, asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { clubMembers, clubs } from '../clubs/schema';
import { issues } from '../issues/schema';
import { members } from '../members/schema';
import { spaces } from '../spaces/schema';
import { spaceView } from '../spaces/service';

/** The federation's page in one round trip: leaders of active clubs, the shared spaces, and slot requests. */
export async function federationOverview(db: TenantDb) {
  const [leaders, spaceRows, requests] = await db.batch([
    db
      // Batched rows are matched by column name: take the ids from club_members, not two "id" columns.
      .select({ memberId: clubMembers.memberId, displayName: members.displayName, clubId: clubMembers.clubId, clubName: clubs.name })
      .from(clubMembers)
      .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
      .innerJoin(members, eq(members.id, clubMembers.memberId))
      .where(and(eq(clubMembers.role, 'leader'), eq(clubs.status, 'active')))
      .orderBy(asc(clubs.name)),
    db.select().from(spaces).orderBy(asc(spaces.name)),
    db
      .select({ id: issues.id, title: issues.title, state: issues.state, createdAt: issues.createdAt })
      .from(issues)
      .where(eq(issues.bodyKey, 'federation'))
      .orderBy(asc(issues.createdAt)),
  ]);
  return { members: leaders, spaces: spaceRows.map(spaceView), requests };
}
