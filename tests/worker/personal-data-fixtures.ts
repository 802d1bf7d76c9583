/** A resident with records across many features, some through the API and the rest written to their database directly. */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import {
  calendarTokens,
  careRecipients,
  careVisits,
  childConsents,
  children,
  ledgerAccounts,
  ledgerPostings,
  ledgerTransactions,
  libraryCards,
  mediaFiles,
  members,
  notificationPreferences,
  notifications,
  notificationSettings,
  pushSubscriptions,
  shopItems,
  signups,
  volunteerHours,
  volunteers,
} from '../../worker/db/tenant-schema';
import { as, byId, joinClub, type Person, place, uniq } from './community-fixtures';
import { bodyOf, expectStatus, read, tenantDb } from './helpers';

export interface Marks {
  /** Strings only this resident's personal fields hold, to look for anywhere after deletion. */
  secrets: string[];
  photoKey: string;
  issueId: number;
  transactionId: number;
}

/** Gives `who` records in many features; every personal string contains `tag` so it can be found anywhere. */
export async function seedRecords(
  slug: string,
  host: string,
  who: Person,
  ctx: { clubId: number; activityId: number; volunteerId: number },
) {
  const tag = uniq('PD');
  const db = await tenantDb(slug);
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await db
    .update(members)
    .set({ household: `9-${tag.slice(-3)}`, phone, assistedBy: null })
    .where(eq(members.id, who.id));
  expect200(await joinClub(host, ctx.clubId, who));
  const seat = await place(host, ctx.activityId, who);
  const childPlace = await place(host, ctx.activityId, who, { participant: `孩子${tag}`, isChild: true });
  const issueId = bodyOf(
    await read(
      as(host, who).issues.$post({
        json: { title: `路灯坏了${tag.slice(-4)}`, description: '三号楼门口的路灯坏了两周了', category: 'facilities' },
      }),
    ),
    201,
  ).id;
  const [child] = await db
    .insert(children)
    .values({ guardianMemberId: who.id, name: `小宝${tag}`, birthMonth: '2017-05' })
    .returning();
  await db.insert(childConsents).values({
    targetKind: 'activity',
    targetId: ctx.activityId,
    childId: child!.id,
    givenBy: who.id,
    purpose: '参加活动',
    emergencyName: `紧急联系人${tag}`,
    emergencyPhone: phone,
    needsNote: `花生过敏${tag}`,
    detailsUntil: '2099-01-01',
  });
  const [recipient] = await db
    .insert(careRecipients)
    .values({
      name: `本人${tag}`,
      memberId: who.id,
      registeredBy: ctx.volunteerId,
      registeredAs: 'self',
      consentHow: 'self',
      consentOn: '2026-01-01',
      needs: '[]',
      needsNote: `腿脚不便${tag}`,
      emergencyName: `儿子${tag}`,
      emergencyPhone: phone,
      phone,
      household: `9-${tag}`,
    })
    .returning();
  await db.insert(careVisits).values({
    recipientId: recipient!.id,
    volunteerId: ctx.volunteerId,
    visitedOn: '2026-02-01',
    minutes: 60,
    done: '聊天',
    observations: `精神不错${tag}`,
  });
  const [fund] = await db.select({ id: ledgerAccounts.id }).from(ledgerAccounts).limit(2);
  const [tx] = await db
    .insert(ledgerTransactions)
    .values({ ref: uniq('T'), occurredOn: '2026-02-02', category: 'donation', memo: '捐款', recordedBy: who.id })
    .returning();
  if (fund) {
    await db.insert(ledgerPostings).values([
      { transactionId: tx!.id, accountId: fund.id, amountFen: 5_000 },
      { transactionId: tx!.id, accountId: fund.id, amountFen: -5_000 },
    ]);
  }
  const photoKey = `test/${tag}.jpg`;
  await env.MEDIA.put(photoKey, new Uint8Array([1, 2, 3]));
  await db.batch([
    db.insert(mediaFiles).values({
      kind: 'activity-photo',
      activityId: ctx.activityId,
      objectKey: photoKey,
      contentType: 'image/jpeg',
      size: 3,
      uploadedBy: who.id,
    }),
    db.insert(notifications).values({ memberId: who.id, kind: 'issue-update', textZh: `给${tag}的消息`, textEn: 'A message' }),
    db.insert(notificationPreferences).values({ memberId: who.id, kind: 'issue-update', cadence: 'daily' }),
    db.insert(notificationSettings).values({ memberId: who.id, email: `${tag}@example.cn` }),
    db.insert(pushSubscriptions).values({ memberId: who.id, endpoint: `https://push.example/${tag}`, p256dh: 'key', auth: 'auth' }),
    db.insert(calendarTokens).values({ memberId: who.id, token: crypto.randomUUID().replaceAll('-', '') }),
    db.insert(volunteers).values({ memberId: who.id, skills: `修电脑${tag}`, availability: '周末' }),
    db.insert(volunteerHours).values({
      memberId: who.id,
      activityId: ctx.activityId,
      servedOn: '2026-02-03',
      minutes: 90,
      recordedBy: ctx.volunteerId,
      note: `搬桌子${tag}`,
    }),
    db.insert(libraryCards).values({ memberId: who.id, cardNumber: uniq('L') }),
    db.insert(shopItems).values({
      title: '旧书',
      category: 'books',
      condition: 'good',
      priceFen: 500,
      donorMemberId: who.id,
      donorName: `捐赠人${tag}`,
      receivedBy: who.id,
    }),
  ]);
  const [own] = await db.select().from(signups).where(eq(signups.id, seat.id));
  if (!own || !childPlace) throw new Error('places missing');
  return {
    secrets: [tag, phone],
    photoKey,
    issueId,
    transactionId: tx!.id,
  } satisfies Marks;
}

function expect200(res: { status: number }) {
  expectStatus(res as Parameters<typeof expectStatus>[0], 200);
}

export const leaveBody = (deleteData: boolean) => ({ json: { deleteData, confirmed: true as const } });
export { byId };
