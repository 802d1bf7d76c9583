import { seedDemoArchive } from './demo-archive';
import { eq, inArray, sql } from 'drizzle-orm';
import { devPersonas } from '../auth/dev-identity';
import { platformDb, tenantDb } from '../db/client';
import { communities, consultantGrants, consultantProfiles, platformRoles } from '../db/platform-schema';
import { proposeClub } from '../community/clubs/service';
import { joinAsResident } from '../community/members/service';
import { updateCommunitySettings } from '../community/profile/service';
import { buildings, clubs, memberRoles, members } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';
import type { CommunitySetupInput } from './community-setup';
import { seedDemoAssisted } from './demo-assisted';
import { seedDemoBackups } from './demo-backups';
import { seedDemoChildren } from './demo-children';
import { seedDemoHistory } from './demo-history';
import { seedDemoCourses } from './demo-courses';
import { seedDemoCare } from './demo-care';
import { seedDemoLibrary } from './demo-library';
import { seedDemoLife } from './demo-life';
import { seedDemoMoney } from './demo-money';
import { seedDemoNotifications } from './demo-notifications';
import { seedDemoPrint } from './demo-print';
import { seedDemoPrograms } from './demo-programs';
import { seedDemoRetention } from './demo-retention';
import { seedDemoNeeds } from './demo-needs';
import { seedDemoPartnerships } from './demo-partnerships';
import { seedDemoPrivacy } from './demo-privacy';
import { seedDemoPersonalData } from './demo-personal-data';
import { seedDemoShop } from './demo-shop';
import { createCommunityRecord, runProvisioning } from './provisioning';
import { topUpWarmPool } from '../tenancy/warm-pool';

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}栋`);

/**
 * Three invented communities so that a newcomer sees a living product and a consultant has sites to compare,
 * each with its own past year (demo-history/); no real personal data.
 */
export const demoCommunities: CommunitySetupInput[] = [
  {
    nameZh: '翠竹园',
    nameEn: 'Cuizhuyuan',
    slug: 'cuizhuyuan',
    city: '南京',
    district: '雨花台区',
    households: 3000,
    buildings: [...range('翠竹园', 16), ...range('玉兰山庄', 8)],
    parties: {
      residentsCommittee: '翠竹园社区居委会',
      ownersCommittee: '翠竹园业主委员会',
      propertyCompany: '翠竹园物业服务中心',
    },
    founderName: '周明',
  },
  {
    nameZh: '平治',
    nameEn: 'Pingzhi',
    slug: 'pingzhi',
    city: '南京',
    district: '浦口区',
    households: 860,
    buildings: 8,
    parties: { residentsCommittee: '平治社区居委会' },
    // Still on version 1, so the demo shows a community taking in an update of the model.
    template: 'cuizhuyuan@1',
    founderName: '周明',
  },
  {
    nameZh: '大方',
    nameEn: 'Dafang',
    slug: 'dafang',
    city: '南京',
    district: '秦淮区',
    households: 420,
    buildings: 6,
    parties: { residentsCommittee: '大方社区居委会', ownersCommittee: '大方业主委员会' },
    founderName: '周明',
  },
];

/** The consultants an association admin can find in the directory: the dev persona, and one more to grant to. */
const demoConsultants = [
  { userId: 'demo-consultant', displayName: '顾问林', organisation: '社区营造研究中心' },
  { userId: 'demo-consultant-2', displayName: '顾问苏', organisation: '城乡社区发展工作室' },
];

type RoleRow = { role: (typeof memberRoles.$inferInsert)['role']; partyKey?: string; building?: number };

/** Who each persona is in the demo communities: building index (1-based) and roles. */
const personaPlaces: Record<string, { building: number; roles: RoleRow[] }> = {
  'demo-resident': { building: 3, roles: [] },
  'demo-contact': { building: 1, roles: [{ role: 'building-contact', building: 1 }] },
  'demo-club-founder': { building: 2, roles: [{ role: 'club-leader' }] },
  'demo-party-rep': { building: 4, roles: [{ role: 'party-representative', partyKey: 'owners-committee' }] },
  'demo-admin': { building: 5, roles: [{ role: 'association-admin' }] },
};

const extraResidents = ['刘芳', '黄磊', '吴静', '徐涛', '马丽', '朱强', '胡蓉', '郭勇', '何琳', '高翔', '林月', '罗斌'];

async function seedMembers(env: Bindings, binding: string) {
  const db = tenantDb(tenantDatabase(env, binding));
  const buildingRows = await db.select({ id: buildings.id }).from(buildings).orderBy(buildings.position);
  const buildingId = (n: number) => buildingRows[(n - 1) % buildingRows.length]?.id ?? null;
  const people = [
    ...devPersonas.filter((p) => personaPlaces[p.userId]).map((p) => ({ userId: p.userId, name: p.nameZh, ...personaPlaces[p.userId]! })),
    ...extraResidents.map((name, i) => ({
      userId: `demo-neighbour-${i + 1}`,
      name,
      building: i + 1,
      roles: (i < 3 ? [{ role: 'building-contact', building: i + 1 }] : []) as RoleRow[],
    })),
  ];
  // Three round trips whatever the number of people: add who is missing, read their ids, add their roles.
  const [, rows] = await db.batch([
    db
      .insert(members)
      .values(people.map((p) => ({ userId: p.userId, displayName: p.name, buildingId: buildingId(p.building) })))
      .onConflictDoNothing({ target: members.userId }),
    db
      .select({ id: members.id, userId: members.userId })
      .from(members)
      .where(
        inArray(
          members.userId,
          people.map((p) => p.userId),
        ),
      ),
  ]);
  const idOf = new Map(rows.map((r) => [r.userId, r.id]));
  const roles = people.flatMap((p) =>
    p.roles.map((r) => ({
      memberId: idOf.get(p.userId)!,
      role: r.role,
      partyKey: r.partyKey ?? '',
      buildingId: r.building ? buildingId(r.building) : null,
      grantedBy: 'demo-seed',
    })),
  );
  if (roles.length > 0) await db.insert(memberRoles).values(roles).onConflictDoNothing();
}

/**
 * Every representative in the demo came through an appointment they accepted, as the software asks; and one offer
 * waits for the resident persona's answer, so the appointee's side is alive too. Running it again adds nothing.
 */
async function seedAppointments(env: Bindings, binding: string) {
  const db = tenantDb(tenantDatabase(env, binding));
  const admin = sql`(SELECT id FROM members WHERE user_id = 'demo-admin')`;
  await db.batch([
    db.run(sql`INSERT INTO party_appointments (party_key, member_id, appointed_by, status, created_at, decided_at)
      SELECT r.party_key, r.member_id, ${admin}, 'accepted', r.granted_at, r.granted_at FROM member_roles r
      WHERE r.role = 'party-representative' AND ${admin} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM party_appointments a WHERE a.member_id = r.member_id AND a.party_key = r.party_key)`),
    db.run(sql`INSERT INTO party_appointments (party_key, member_id, appointed_by, status)
      SELECT 'residents-committee', m.id, ${admin}, 'offered' FROM members m
      WHERE m.user_id = 'demo-resident' AND ${admin} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM party_appointments a WHERE a.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM member_roles r WHERE r.member_id = m.id AND r.role = 'party-representative')`),
  ]);
}

/** The demo community that approves its members, and the neighbours waiting: one names the contact persona's building. */
const approvingCommunity = 'dafang';
const demoApplicants = [
  { userId: 'demo-applicant-1', name: '陈小满', building: 1 },
  { userId: 'demo-applicant-2', name: '邓海生', building: 4 },
];

/**
 * 大方 asks a building contact or an administrator to approve each new member, and two neighbours are waiting, so
 * the contact persona (building 1) and the admin persona each have someone to approve. They apply through the same
 * service residents use, which tells the deciders. Once only: after that the community's own choices stand.
 */
async function seedApplicants(env: Bindings, binding: string) {
  const db = tenantDb(tenantDatabase(env, binding));
  const userIds = demoApplicants.map((a) => a.userId);
  const seen = await db.select({ id: members.id }).from(members).where(inArray(members.userId, userIds)).limit(1);
  if (seen.length > 0) return;
  const buildingRows = await db.select({ id: buildings.id }).from(buildings).orderBy(buildings.position);
  await updateCommunitySettings(db, { joinPolicy: 'approval' });
  for (const a of demoApplicants) {
    const buildingId = buildingRows[(a.building - 1) % buildingRows.length]?.id;
    await joinAsResident(db, a.userId, { displayName: a.name, ...(buildingId ? { buildingId } : {}) }, 'approval');
  }
}

/** The demo community whose administrators decide club proposals and budgets by consent, and the plan in front of them. */
const consentingCommunity = 'pingzhi';
const consentingClub = '平治亲子阅读会';

/**
 * 平治 asks all its administrators about every plan: silence for five days is consent, any one may object with a
 * reason. A second administrator (徐涛) sits with the admin persona, and the resident persona's club proposal waits in
 * its window, so the admin persona can object or let it pass. Proposed through the same service residents use.
 * Once only: after that the community's own choices stand.
 */
async function seedConsent(env: Bindings, binding: string) {
  const db = tenantDb(tenantDatabase(env, binding));
  const [seen] = await db.select({ id: clubs.id }).from(clubs).where(eq(clubs.name, consentingClub));
  if (seen) return;
  const people = await db
    .select({ id: members.id, userId: members.userId, displayName: members.displayName })
    .from(members)
    .where(inArray(members.userId, ['demo-neighbour-4', 'demo-resident']));
  const second = people.find((p) => p.userId === 'demo-neighbour-4');
  const proposer = people.find((p) => p.userId === 'demo-resident');
  if (!second || !proposer) return;
  await db
    .insert(memberRoles)
    .values({ memberId: second.id, role: 'association-admin', partyKey: '', grantedBy: 'demo-seed' })
    .onConflictDoNothing();
  await updateCommunitySettings(db, { decisionRule: 'consent', consentDays: 5 });
  await proposeClub(
    db,
    { id: proposer.id, displayName: proposer.displayName, status: 'active', roles: [] },
    { name: consentingClub, purpose: '每周日上午在活动室给孩子们读绘本，家长轮流领读，图书来自各家捐赠。', meetingPattern: '每周日 10:00' },
  );
}

/** Creates the demo communities and people if they are missing; running it again changes nothing. */
/** How many free databases the demo prepares for sign-ups. */
const DEMO_PREPARED = 5;

export async function seedDemo(env: Bindings): Promise<{ created: string[] }> {
  const platform = platformDb(env.PLATFORM_DB);
  const created: string[] = [];
  for (const setup of demoCommunities) {
    let row = await platform.query.communities.findFirst({ where: eq(communities.slug, setup.slug) });
    if (!row) {
      row = await createCommunityRecord(env, setup, { userId: 'demo-admin', name: setup.founderName });
      created.push(setup.slug);
    }
    row = await runProvisioning(env, row.id);
    if (row.databaseBinding) {
      await seedMembers(env, row.databaseBinding);
      if (setup.slug === 'cuizhuyuan') {
        await seedDemoLife(env, row.databaseBinding, setup.slug);
        await seedDemoPrint(env, row.databaseBinding);
        await seedDemoMoney(env, row.databaseBinding);
        await seedDemoShop(env, row.databaseBinding, setup.slug);
        await seedDemoLibrary(env, row.databaseBinding);
        await seedDemoCourses(env, row.databaseBinding);
        await seedDemoChildren(env, row.databaseBinding);
        await seedDemoCare(env, row.databaseBinding);
        await seedDemoAssisted(env, row.databaseBinding);
        await seedDemoRetention(env, row.databaseBinding);
        await seedDemoPersonalData(env, row.databaseBinding);
      }
      await seedDemoHistory(env, row.databaseBinding, setup.slug);
      await seedDemoPrograms(env, row.databaseBinding, setup.slug);
      await seedAppointments(env, row.databaseBinding);
      if (setup.slug === approvingCommunity) await seedApplicants(env, row.databaseBinding);
      if (setup.slug === consentingCommunity) await seedConsent(env, row.databaseBinding);
      await seedDemoNeeds(env, row.databaseBinding, setup.slug);
      await seedDemoPrivacy(env, row.databaseBinding);
      if (setup.slug === 'cuizhuyuan') {
        await seedDemoNotifications(env, row.databaseBinding, row.id);
        await seedDemoArchive(env, row.databaseBinding, { id: row.id, slug: row.slug, nameZh: row.nameZh });
      }
    }
    await platform
      .insert(consultantGrants)
      .values({ communityId: row.id, consultantUserId: 'demo-consultant', grantedBy: 'demo-admin' })
      .onConflictDoNothing();
  }
  // Between two of the communities, so after all of them exist.
  await seedDemoPartnerships(env);
  // Last, so the archives hold everything seeded above.
  await seedDemoBackups(
    env,
    demoCommunities.map((c) => c.slug),
  );
  await platform.batch([
    platform
      .insert(platformRoles)
      .values([
        { userId: 'demo-operator', role: 'operator' },
        ...demoConsultants.map((c) => ({ userId: c.userId, role: 'consultant' as const })),
      ])
      .onConflictDoNothing(),
    platform.insert(consultantProfiles).values(demoConsultants).onConflictDoNothing(),
  ]);
  // Local wrangler dev runs no crons: a few databases prepared as the 5-minute cron would, so a new sign-up is quick.
  await topUpWarmPool({ ...env, WARM_POOL_TARGET: String(DEMO_PREPARED) });
  return { created };
}
