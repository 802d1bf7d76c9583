import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { claimCodeHash, recordAssistedHours, registerAssisted } from '../community/assisted/service';
import { signUp } from '../community/activities/signups';
import { raiseIssue } from '../community/issues/service';
import { tenantDb } from '../db/client';
import { activities, buildings, members } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

/**
 * The claim code of 孙奶奶 in the demo (翠竹园), so a journey by hand can claim her record: sign in as anyone new on
 * the demo host, open /claim and type it. It exists only in the demo seed, which runs in dev mode only (`npm start`,
 * `/api/dev/seed`); a real community's codes are random and shown once.
 */
export const DEMO_CLAIM_CODE = 'SUNNAN26';

/** Three elders of the first building registered by its contact (the demo-contact persona), with what was done for them. */
export async function seedDemoAssisted(env: Bindings, binding: string) {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const existing = await db.select({ id: members.id }).from(members).where(isNotNull(members.assistedBy)).limit(1);
  if (existing.length > 0) return;
  const host = { kind: 'community' as const, db, d1, community: { id: '', slug: '', nameZh: '', nameEn: null, databaseBinding: binding } };
  const contact = await loadMember(host, 'demo-contact');
  const [first] = await db.select({ id: buildings.id }).from(buildings).orderBy(asc(buildings.position)).limit(1);
  if (!contact || !first) return;
  const [sun, qian, zhou] = [
    await registerAssisted(db, contact, { displayName: '孙奶奶', buildingId: first.id, household: '1-101', phone: '138 0000 1101' }),
    await registerAssisted(db, contact, { displayName: '钱爷爷', buildingId: first.id, household: '1-302' }),
    await registerAssisted(db, contact, { displayName: '周阿婆', buildingId: first.id, household: '1-502' }),
  ];
  const actor = (id: number, name: string) => ({ id, displayName: name, status: 'active' as const, roles: [] });
  const [open] = await db.select({ id: activities.id }).from(activities).where(eq(activities.state, 'open')).limit(1);
  if (open) await signUp(db, open.id, actor(sun, '孙奶奶'), {}, contact.id).catch(() => undefined);
  await raiseIssue(
    db,
    actor(qian, '钱爷爷'),
    {
      title: '一楼单元门太重，老人推不开',
      description: '钱爷爷腿脚不便，单元门的闭门器太紧，每次都要等邻居帮忙开门。',
      category: 'facilities',
      buildingId: first.id,
    },
    contact.id,
  );
  await recordAssistedHours(db, zhou, contact, {
    servedOn: new Date(Date.now() - 3 * 86400_000).toISOString().slice(0, 10),
    minutes: 120,
    note: '给楼里的孩子们剪窗花',
  });
  await db
    .update(members)
    .set({ claimCodeHash: await claimCodeHash(DEMO_CLAIM_CODE), claimCodeExpiresAt: new Date(Date.now() + 14 * 86400_000).toISOString() })
    .where(and(eq(members.id, sun), isNotNull(members.assistedBy)));
}
