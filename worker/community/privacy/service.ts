import { and, count, desc, eq, inArray, isNull, max, ne, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { communityProfile } from '../profile/schema';
import { members } from '../members/schema';
import {
  fillNotice,
  itemsRequired,
  missingItems,
  needsAgreement,
  type SensitiveAction,
  type SensitiveItem,
  sensitiveItems,
  versionsSince,
} from './rules';
import { privacyAgreements, privacyItemConsents, privacyNotices, type MyPrivacyView, type NoticeView } from './schema';
import { defaultContactZh, defaultNoticeEn, defaultNoticeZh, defaultSummaryEn, defaultSummaryZh } from './template';

/** The statement that gives a community without a notice its version 1, the default text; does nothing otherwise. */
export function defaultNoticeStatement(db: TenantDb) {
  return db
    .insert(privacyNotices)
    .values({
      version: 1,
      textZh: defaultNoticeZh,
      textEn: defaultNoticeEn,
      contact: defaultContactZh,
      summaryZh: defaultSummaryZh,
      summaryEn: defaultSummaryEn,
    })
    .onConflictDoNothing();
}

/** The current version's number, creating version 1 from the default text the first time it is asked for. */
export async function currentNoticeVersion(db: TenantDb): Promise<number> {
  const [row] = await db.select({ v: max(privacyNotices.version) }).from(privacyNotices);
  if (row?.v) return row.v;
  await defaultNoticeStatement(db);
  return 1;
}

async function communityName(db: TenantDb) {
  const [row] = await db.select({ zh: communityProfile.nameZh, en: communityProfile.nameEn }).from(communityProfile).limit(1);
  return { zh: row?.zh ?? '', en: row?.en || row?.zh || '' };
}

function view(row: typeof privacyNotices.$inferSelect, name: { zh: string; en: string }): NoticeView {
  return {
    version: row.version,
    textZh: fillNotice(row.textZh, { community: name.zh, contact: row.contact }),
    textEn: fillNotice(row.textEn, { community: name.en, contact: row.contact }),
    contact: row.contact,
    summaryZh: row.summaryZh,
    summaryEn: row.summaryEn,
    publishedAt: row.publishedAt,
  };
}

/** A version of the notice with its placeholders filled (the current one when `version` is not given), or 404. */
export async function readNotice(db: TenantDb, version?: number): Promise<NoticeView> {
  const wanted = version ?? (await currentNoticeVersion(db));
  if (wanted === 1) await currentNoticeVersion(db);
  const [row] = await db.select().from(privacyNotices).where(eq(privacyNotices.version, wanted));
  if (!row) throw new AppError('not_found', 'No such version of the privacy notice');
  return view(row, await communityName(db));
}

/** Every published version, newest first, without the texts. */
export async function noticeHistory(db: TenantDb) {
  await currentNoticeVersion(db);
  const rows = await db.select().from(privacyNotices).orderBy(desc(privacyNotices.version));
  const name = await communityName(db);
  return rows.map((r) => {
    const { textZh: _zh, textEn: _en, ...rest } = view(r, name);
    return rest;
  });
}

/** The statements recording a new member's agreement to the notice and to the sensitive items they ticked. */
export function joinAgreementStatements(db: TenantDb, memberId: number, version: number, items: readonly SensitiveItem[]) {
  const chosen = sensitiveItems.filter((i) => items.includes(i));
  return [
    db
      .insert(privacyAgreements)
      .values({ memberId, noticeVersion: version, way: 'join', items: chosen.join(',') })
      .onConflictDoNothing(),
    ...chosen.map((item) => db.insert(privacyItemConsents).values({ memberId, item, noticeVersion: version }).onConflictDoNothing()),
  ] as const;
}

/** Records a member's consent at joining (one batch). */
export async function recordJoinConsent(db: TenantDb, memberId: number, version: number, items: readonly SensitiveItem[]) {
  const [first, ...rest] = joinAgreementStatements(db, memberId, version, items);
  await db.batch([first, ...rest]);
}

/** The sensitive items a member has in force. */
export async function itemsInForce(db: TenantDb, memberId: number): Promise<SensitiveItem[]> {
  const rows = await db
    .select({ item: privacyItemConsents.item })
    .from(privacyItemConsents)
    .where(and(eq(privacyItemConsents.memberId, memberId), isNull(privacyItemConsents.withdrawnAt)));
  return rows.map((r) => r.item);
}

/**
 * Refuses an action that stores sensitive information about the member without their separate consent:
 * 409 `consent_required`, naming the items missing (the app links to /me/privacy).
 */
export async function requireConsent(db: TenantDb, memberId: number, action: SensitiveAction) {
  const required = itemsRequired(action);
  if (required.length === 0) return;
  const missing = missingItems(required, await itemsInForce(db, memberId));
  if (missing.length > 0) {
    throw new AppError('consent_required', `Give your separate consent first (${missing.join(', ')}) under My privacy`, {
      items: missing,
      page: '/me/privacy',
    });
  }
}

/** What the app needs about a member's consent: the version they agreed to, whether to ask again, the items. */
export async function myPrivacy(db: TenantDb, memberId: number): Promise<MyPrivacyView> {
  const current = await currentNoticeVersion(db);
  const [agreements, notices, consents] = await db.batch([
    db
      .select({ version: privacyAgreements.noticeVersion, agreedAt: privacyAgreements.agreedAt })
      .from(privacyAgreements)
      .where(eq(privacyAgreements.memberId, memberId))
      .orderBy(desc(privacyAgreements.noticeVersion))
      .limit(1),
    db
      .select({ version: privacyNotices.version, summaryZh: privacyNotices.summaryZh, summaryEn: privacyNotices.summaryEn })
      .from(privacyNotices),
    db.select().from(privacyItemConsents).where(eq(privacyItemConsents.memberId, memberId)).orderBy(desc(privacyItemConsents.id)),
  ]);
  const agreed = agreements[0] ?? null;
  return {
    currentVersion: current,
    agreedVersion: agreed?.version ?? null,
    agreedAt: agreed?.agreedAt ?? null,
    needsAgreement: needsAgreement(current, agreed?.version ?? null),
    changes: agreed ? versionsSince(notices, agreed.version) : versionsSince(notices, current - 1),
    items: sensitiveItems.map((item) => {
      const latest = consents.find((c) => c.item === item);
      return {
        item,
        given: latest !== undefined && latest.withdrawnAt === null,
        givenAt: latest?.givenAt ?? null,
        withdrawnAt: latest?.withdrawnAt ?? null,
      };
    }),
  };
}

/** Records a member's agreement to the current version (again, after a new one); 400 for any other version. */
export async function agree(db: TenantDb, memberId: number, version: number) {
  const current = await currentNoticeVersion(db);
  if (version !== current) {
    const message = `Agree to the current privacy notice, version ${current}`;
    throw new AppError('validation_failed', message, { noticeVersion: [message] });
  }
  await db.insert(privacyAgreements).values({ memberId, noticeVersion: version, way: 'renewal' }).onConflictDoNothing();
  return myPrivacy(db, memberId);
}

/** Gives or withdraws one sensitive item; withdrawing keeps the history and erases nothing by itself. */
export async function setItem(db: TenantDb, memberId: number, item: SensitiveItem, given: boolean) {
  if (given) {
    const version = await currentNoticeVersion(db);
    await db.insert(privacyItemConsents).values({ memberId, item, noticeVersion: version }).onConflictDoNothing();
  } else {
    await db
      .update(privacyItemConsents)
      .set({ withdrawnAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(and(eq(privacyItemConsents.memberId, memberId), eq(privacyItemConsents.item, item), isNull(privacyItemConsents.withdrawnAt)));
  }
  return myPrivacy(db, memberId);
}

/** Counts for administrators: who agreed to which version, and to each item, among active members. */
export async function consentFigures(db: TenantDb) {
  const current = await currentNoticeVersion(db);
  const latest = db
    .select({ memberId: privacyAgreements.memberId, version: max(privacyAgreements.noticeVersion).as('version') })
    .from(privacyAgreements)
    .groupBy(privacyAgreements.memberId)
    .as('latest');
  const [active, byVersion, byItem] = await db.batch([
    db.select({ n: count() }).from(members).where(eq(members.status, 'active')),
    db
      .select({ version: latest.version, n: count() })
      .from(latest)
      .innerJoin(members, eq(members.id, latest.memberId))
      .where(eq(members.status, 'active'))
      .groupBy(sql`${latest.version}`),
    db
      .select({ item: privacyItemConsents.item, n: count() })
      .from(privacyItemConsents)
      .innerJoin(members, eq(members.id, privacyItemConsents.memberId))
      .where(and(eq(members.status, 'active'), isNull(privacyItemConsents.withdrawnAt)))
      .groupBy(privacyItemConsents.item),
  ]);
  const activeMembers = active[0]?.n ?? 0;
  const agreedCurrent = byVersion.find((r) => r.version === current)?.n ?? 0;
  const agreedEarlier = byVersion
    .filter((r) => r.version !== current)
    .map((r) => ({ version: Number(r.version), members: r.n }))
    .sort((a, b) => b.version - a.version);
  const agreedAny = byVersion.reduce((sum, r) => sum + r.n, 0);
  return {
    currentVersion: current,
    activeMembers,
    agreedCurrent,
    agreedEarlier,
    neverAgreed: Math.max(0, activeMembers - agreedAny),
    items: sensitiveItems.map((item) => ({ item, members: byItem.find((r) => r.item === item)?.n ?? 0 })),
  };
}

/**
 * The statements that carry an applicant's consent over to the record they claim (代为登记): the same person agreed,
 * so the agreement and the separate consents follow them when their pending membership makes way. An assisted record
 * has no consent of its own to clash with. `when` keeps them in step with the claim's own condition.
 */
export function carryConsentStatements(db: TenantDb, userId: string, toMemberId: number, when: SQL) {
  const from = db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.userId, userId), ne(members.status, 'active')));
  return [
    db
      .update(privacyAgreements)
      .set({ memberId: toMemberId })
      .where(and(inArray(privacyAgreements.memberId, from), when)),
    db
      .update(privacyItemConsents)
      .set({ memberId: toMemberId })
      .where(and(inArray(privacyItemConsents.memberId, from), when)),
  ] as const;
}
