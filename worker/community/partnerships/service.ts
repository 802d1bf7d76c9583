import { and, eq, sql } from 'drizzle-orm';
import { platformDb, type TenantDb, tenantDb } from '../../db/client';
import { communities } from '../../db/platform-schema';
import { activities, communityProfile, signups } from '../../db/tenant-schema';
import type { Bindings } from '../../env';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import { DEFAULT_TIME_ZONE, wallClock } from '../profile/rules';
import { partnershipLinks, partnershipSharedItems } from './platform-schema';
import { canRecord, type DonationKind, nextState, type PartnershipAction, pairKey } from './rules';
import { partnershipEntries, partnerships } from './schema';
import { idempotentTransaction, syncCommunity } from './sync';
import { baseAccounts } from '../ledger/service';

/** What a write needs: this community's database and id, the control plane, and the bindings to reach a partner's database. */
export interface Reach {
  env: Bindings;
  db: TenantDb;
  communityId: string;
}

/** Today on the community's calendar. */
export async function todayIn(db: TenantDb, at = new Date()): Promise<string> {
  const [row] = await db.select({ timeZone: communityProfile.timeZone }).from(communityProfile).limit(1);
  return wallClock(at, row?.timeZone ?? DEFAULT_TIME_ZONE).date;
}

/**
 * Brings the partner community's own records up to date after a change here (its copy of the link, of a visit, its
 * ledger entry for a donation). When it fails, the partner's next reading of its partnerships does the same.
 */
async function syncPartner(env: Bindings, communityId: string): Promise<void> {
  try {
    const [row] = await platformDb(env.PLATFORM_DB)
      .select({ binding: communities.databaseBinding, status: communities.status })
      .from(communities)
      .where(eq(communities.id, communityId));
    if (!row?.binding || row.status !== 'active') return;
    const d1 = tenantDatabase(env, row.binding);
    await ensureTenantMigrated(row.binding, d1);
    await syncCommunity(env.PLATFORM_DB, tenantDb(d1), communityId);
  } catch (error) {
    console.error('partner community not brought up to date; its next read will', error);
  }
}

async function syncBoth(reach: Reach, otherId: string) {
  await syncCommunity(reach.env.PLATFORM_DB, reach.db, reach.communityId);
  await syncPartner(reach.env, otherId);
}

export type Proposal =
  | { kind: 'huzhu'; slug: string; goals: string }
  | { kind: 'outside'; name: string; place: string; contact: string; goals: string; startedOn?: string };

async function localIdOf(db: TenantDb, linkId: string) {
  const [row] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.linkId, linkId));
  if (!row) throw new Error('the partnership was not copied into the community database');
  return row.id;
}

/**
 * Proposes a partnership with a Huzhu community (found by its address) or records one with an outside community. A
 * pair of communities has at most one open link (proposed or active), held by a unique index in the control plane.
 */
export async function propose(reach: Reach, admin: MemberContext, input: Proposal): Promise<number> {
  if (input.kind === 'outside') {
    const startedOn = input.startedOn ?? (await todayIn(reach.db));
    const [row] = await reach.db
      .insert(partnerships)
      .values({
        kind: 'outside',
        side: 'proposer',
        partnerName: input.name,
        partnerPlace: input.place,
        partnerContact: input.contact,
        status: 'active',
        goals: input.goals,
        startedOn,
      })
      .returning({ id: partnerships.id });
    return row!.id;
  }
  const p = platformDb(reach.env.PLATFORM_DB);
  const [partner] = await p
    .select({ id: communities.id, status: communities.status })
    .from(communities)
    .where(eq(communities.slug, input.slug));
  if (partner?.status !== 'active') {
    throw new AppError('validation_failed', 'No community on Huzhu has this address', { slug: ['No active community with this address'] });
  }
  if (partner.id === reach.communityId) {
    throw new AppError('validation_failed', 'A community cannot partner with itself', { slug: ['This is your own community'] });
  }
  const id = crypto.randomUUID();
  const inserted = await p
    .insert(partnershipLinks)
    .values({
      id,
      proposerCommunityId: reach.communityId,
      partnerCommunityId: partner.id,
      pairKey: pairKey(reach.communityId, partner.id),
      goals: input.goals,
      proposerMemberId: admin.id,
    })
    .onConflictDoNothing()
    .returning({ id: partnershipLinks.id });
  if (inserted.length === 0) throw new AppError('conflict', 'These two communities already have a partnership or a proposal waiting');
  await syncBoth(reach, partner.id);
  return localIdOf(reach.db, id);
}

/** The community's own row of a partnership, or 404: another community's partnership is not found here. */
export async function ownPartnership(db: TenantDb, id: number) {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  if (!row) throw new AppError('not_found', 'No such partnership');
  return row;
}

/** The Huzhu link behind a local row, with the other community's id. */
async function linkOf(reach: Reach, linkId: string) {
  const [link] = await platformDb(reach.env.PLATFORM_DB).select().from(partnershipLinks).where(eq(partnershipLinks.id, linkId));
  if (!link) throw new AppError('not_found', 'No such partnership');
  const otherId = link.proposerCommunityId === reach.communityId ? link.partnerCommunityId : link.proposerCommunityId;
  return { link, otherId };
}

/**
 * Accepts, declines, withdraws or ends a partnership. For a Huzhu link the change is one conditional UPDATE on the state
 * it was read in, so two administrators answering at once cannot both succeed; the loser gets 409.
 */
export async function decide(reach: Reach, admin: MemberContext, id: number, action: PartnershipAction): Promise<void> {
  const row = await ownPartnership(reach.db, id);
  const today = await todayIn(reach.db);
  if (row.kind === 'outside') {
    const step = nextState('outside', row.status, action, row.side);
    if (!step.ok) throw new AppError('conflict', step.reason, { action: [step.reason] });
    const done = await reach.db
      .update(partnerships)
      .set({ status: step.state, endedOn: today })
      .where(and(eq(partnerships.id, id), eq(partnerships.status, row.status)))
      .returning({ id: partnerships.id });
    if (done.length === 0) throw new AppError('conflict', 'The partnership changed meanwhile; reload and try again');
    return;
  }
  const { link, otherId } = await linkOf(reach, row.linkId!);
  // The control plane holds the link's state; this community's copy may be a moment behind it.
  const step = nextState('huzhu', link.status, action, row.side);
  if (!step.ok) {
    await syncCommunity(reach.env.PLATFORM_DB, reach.db, reach.communityId);
    throw new AppError('conflict', step.reason, { action: [step.reason] });
  }
  const set =
    action === 'accept'
      ? { status: step.state, partnerMemberId: admin.id, startedOn: today, respondedAt: new Date().toISOString() }
      : action === 'end'
        ? { status: step.state, endedOn: today, endedBy: reach.communityId }
        : { status: step.state, respondedAt: new Date().toISOString() };
  const done = await platformDb(reach.env.PLATFORM_DB)
    .update(partnershipLinks)
    .set(set)
    .where(and(eq(partnershipLinks.id, link.id), eq(partnershipLinks.status, link.status)))
    .returning({ id: partnershipLinks.id });
  await syncBoth(reach, otherId);
  if (done.length === 0) throw new AppError('conflict', 'The partnership changed meanwhile; reload and try again');
}

/** Rewrites the partnership's goals; a Huzhu link's goals are shared, so either side's administrators may keep them. */
export async function saveGoals(reach: Reach, id: number, goals: string): Promise<void> {
  const row = await ownPartnership(reach.db, id);
  if (row.kind === 'outside') {
    await reach.db.update(partnerships).set({ goals }).where(eq(partnerships.id, id));
    return;
  }
  const { link, otherId } = await linkOf(reach, row.linkId!);
  await platformDb(reach.env.PLATFORM_DB).update(partnershipLinks).set({ goals }).where(eq(partnershipLinks.id, link.id));
  await syncBoth(reach, otherId);
}

export interface NewVisit {
  title: string;
  occurredOn: string;
  place: string;
  residents: number;
  activityId?: number;
}

export interface NewDonation {
  kind: DonationKind;
  title: string;
  occurredOn: string;
  amountFen: number;
  /** The shared reference, made by the form: sending the same one again records nothing more. */
  reference: string;
}

/** The visit as recorded: an activity of this community gives its title, day and confirmed participants. */
async function visitFrom(db: TenantDb, input: NewVisit) {
  if (input.activityId === undefined) return { ...input, activityId: null };
  const [[activity], [count]] = await db.batch([
    db.select({ title: activities.title, startsAt: activities.startsAt }).from(activities).where(eq(activities.id, input.activityId)),
    db
      .select({ n: sql<number>`COUNT(*)` })
      .from(signups)
      .where(and(eq(signups.activityId, input.activityId), eq(signups.status, 'confirmed'))),
  ]);
  if (!activity) throw new AppError('validation_failed', 'No such activity here', { activityId: ['Not an activity of this community'] });
  const residents = Math.max(input.residents, Number(count?.n ?? 0));
  return { ...input, title: input.title || activity.title, residents, activityId: input.activityId };
}

async function activeRow(db: TenantDb, id: number) {
  const row = await ownPartnership(db, id);
  if (!canRecord(row.status)) throw new AppError('conflict', 'Visits and donations are recorded while the partnership is active');
  return row;
}

/** Records an exchange visit this community held; a Huzhu partner's site lists it through the shared item. */
export async function recordVisit(reach: Reach, id: number, input: NewVisit): Promise<void> {
  const row = await activeRow(reach.db, id);
  const visit = await visitFrom(reach.db, input);
  const item = {
    kind: 'visit' as const,
    occurredOn: visit.occurredOn,
    title: visit.title,
    place: visit.place,
    residents: visit.residents,
    activityId: visit.activityId,
    donationKind: null,
    amountFen: 0,
  };
  if (row.kind === 'outside') {
    await reach.db.insert(partnershipEntries).values({ ...item, partnershipId: id, ref: crypto.randomUUID(), ours: true });
    return;
  }
  const { link, otherId } = await linkOf(reach, row.linkId!);
  await platformDb(reach.env.PLATFORM_DB)
    .insert(partnershipSharedItems)
    .values({ ...item, id: crypto.randomUUID(), linkId: link.id, byCommunityId: reach.communityId });
  await syncBoth(reach, otherId);
}

/**
 * Records a designated donation this community gives. For a Huzhu partner the shared item is written first (once per
 * reference), then each side's entry and ledger transaction in its own batch, keyed by the same reference; an outside
 * partner's donation is the entry and the ledger transaction in one batch.
 */
export async function recordDonation(reach: Reach, admin: MemberContext, id: number, input: NewDonation): Promise<void> {
  const row = await activeRow(reach.db, id);
  const item = {
    kind: 'donation' as const,
    occurredOn: input.occurredOn,
    title: input.title,
    place: '',
    residents: 0,
    activityId: null,
    donationKind: input.kind,
    amountFen: input.amountFen,
  };
  if (row.kind === 'huzhu') {
    const { link, otherId } = await linkOf(reach, row.linkId!);
    await platformDb(reach.env.PLATFORM_DB)
      .insert(partnershipSharedItems)
      .values({ ...item, id: input.reference, linkId: link.id, byCommunityId: reach.communityId })
      .onConflictDoNothing();
    await syncBoth(reach, otherId);
    return;
  }
  const { hub, external } = await baseAccounts(reach.db);
  const entry = reach.db
    .insert(partnershipEntries)
    .values({ ...item, partnershipId: id, ref: input.reference, ours: true })
    .onConflictDoNothing({ target: partnershipEntries.ref });
  const ledger =
    input.kind === 'money' && input.amountFen > 0
      ? idempotentTransaction(reach.db, {
          ref: `partnership:${input.reference}`,
          occurredOn: input.occurredOn,
          memo: `帮扶捐赠给${row.partnerName}：${input.title}〔${input.reference.slice(0, 8).toUpperCase()}〕`,
          recordedBy: admin.id,
          postings: [
            { accountId: hub.id, amountFen: -input.amountFen },
            { accountId: external.id, amountFen: input.amountFen },
          ],
        })
      : [];
  await reach.db.batch([entry, ...ledger]);
}
