import { eq, like } from 'drizzle-orm';
import { tenantDb } from '../db/client';
import { clubs, ledgerTransactions, members } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { recordAdvance, recordIncoming, recordRepayment } from '../community/ledger/money';
import { tenantDatabase } from '../tenancy/pool';

const REF = 'demo-money';

/**
 * The demo community's money, recorded by its administrator through the same service as the "record money" screen:
 * the seed fund, a named and an anonymous donation, a grant from the street office, and an advance to the tennis
 * club that is partly repaid. Every entry has a fixed ref, and it runs only while none of them exists, so seeding
 * again adds nothing.
 */
export async function seedDemoMoney(env: Bindings, binding: string): Promise<void> {
  const db = tenantDb(tenantDatabase(env, binding));
  const [done] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(like(ledgerTransactions.ref, `${REF}:%`))
    .limit(1);
  if (done) return;
  const [admin] = await db.select({ id: members.id }).from(members).where(eq(members.userId, 'demo-admin'));
  if (!admin) return;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10);
  const common = { fund: 'hub', recordedBy: admin.id };
  await recordIncoming(db, {
    ...common,
    ref: `${REF}:seed-fund`,
    amountFen: 2_000_000,
    occurredOn: day(60),
    money: { kind: 'seed-fund', source: '发起人和业委会共同出资' },
  });
  await recordIncoming(db, {
    ...common,
    ref: `${REF}:donation-named`,
    amountFen: 50_000,
    occurredOn: day(45),
    money: { kind: 'donation', donor: { anonymous: false, name: '陈阿姨' }, note: '图书角添书' },
  });
  await recordIncoming(db, {
    ...common,
    ref: `${REF}:donation-anonymous`,
    amountFen: 80_000,
    occurredOn: day(38),
    money: { kind: 'donation', donor: { anonymous: true } },
  });
  await recordIncoming(db, {
    ...common,
    ref: `${REF}:grant`,
    amountFen: 1_000_000,
    occurredOn: day(30),
    money: { kind: 'grant', grantor: '雨花台区西善桥街道办事处', note: '社区营造项目资助' },
  });
  const [tennis] = await db.select({ id: clubs.id }).from(clubs).where(eq(clubs.name, '周末网球社'));
  if (!tennis) return;
  const club = { clubId: tennis.id, recordedBy: admin.id };
  await recordAdvance(db, { ...club, ref: `${REF}:advance`, amountFen: 120_000, occurredOn: day(21), note: '先垫付球网和灯光押金' });
  await recordRepayment(db, { ...club, ref: `${REF}:repayment`, amountFen: 40_000, occurredOn: day(5), note: '用友谊赛结余归还' });
}
