/** Money the association recorded apart from its activities: its start-up money, what each club's founders put in, and residents' donations. */
import { type IncomingMoney, incomingEntry } from '../../community/ledger/rules';
import { wallClock } from '../../community/profile/rules';
import type { ClubRun } from './clubs';
import { DAY, iso } from './calendar';
import type { Roster } from './roster';
import { sequence } from './sequence';
import { ADMIN, type Build } from './state';

const donationNotes = ['添置器材', '支持社团活动', '给孩子们买书', '谢谢大家的照顾', ''];

/**
 * Writes the money an administrator recorded through the "record money" screen, with the same entries it makes:
 * the hub's start-up money on the day the association was founded, each club's start-up money the day it was
 * approved, and residents' donations, named or anonymous. A fund that existed before the window starts with its
 * opening balance instead. Draws from a sequence of its own, so the rest of the history is the same with or without it.
 */
export function recordMoney(b: Build, roster: Roster, clubRuns: ClubRun[]): void {
  const { plan, ctx, rows, monthStart, dayOf, cutoff } = b;
  const { seedFund, clubStartFen, donations, hubDonationShare } = plan.money;
  const rng = sequence(plan.seed + 7919);
  const windowStart = monthStart(0);
  let n = 0;
  const record = (fundAccountId: number, money: IncomingMoney, amountFen: number, at: number) => {
    rows.ledgerEntries.push({
      ref: `history-money:${++n}`,
      occurredOn: wallClock(at, ctx.timeZone).date,
      recordedBy: ADMIN,
      createdAt: iso(at),
      ...incomingEntry(money, fundAccountId, ctx.accounts.external, amountFen),
    });
  };
  const opening: IncomingMoney = { kind: 'opening-balance', note: '开始用互助账本前的结余' };

  if (seedFund) {
    const founded = Date.parse(`${rows.foundedOn}T02:00:00Z`);
    if (founded >= windowStart) record(ctx.accounts.hub, { kind: 'seed-fund', source: seedFund.source }, seedFund.amountFen, founded);
    else record(ctx.accounts.hub, opening, seedFund.amountFen, windowStart);
  }
  const funded = clubRuns.filter((c): c is ClubRun & { fundAccountId: number } => c.fundAccountId !== null);
  for (const club of funded) {
    const amountFen = rng.int(clubStartFen[0] / 1000, clubStartFen[1] / 1000) * 1000;
    if (club.approvedAt >= windowStart) {
      record(club.fundAccountId, { kind: 'seed-fund', source: '社团发起人和首批成员凑集' }, amountFen, club.approvedAt + DAY);
    } else {
      record(club.fundAccountId, opening, amountFen, windowStart);
    }
  }
  const names = new Map(rows.members.map((m) => [m.id, m.displayName]));
  donations.forEach((count, m) => {
    for (let i = 0; i < count; i++) {
      const at = dayOf(m, rng.int(1, 28), rng.int(1, 12));
      const running = funded.filter((c) => c.approvedAt < at && (c.plan.quietFrom === undefined || m < c.plan.quietFrom));
      const toHub = running.length === 0 || rng.chance(hubDonationShare);
      if (at >= cutoff || (toHub && hubDonationShare === 0)) continue;
      const donor = rng.chance(0.4) ? null : rng.pick(roster.joinedBefore(at));
      const name = donor ? names.get(donor.id) : undefined;
      const note = rng.pick(donationNotes);
      const money: IncomingMoney = {
        kind: 'donation',
        donor: name ? { anonymous: false, name } : { anonymous: true },
        ...(note ? { note } : {}),
      };
      const fund = toHub ? ctx.accounts.hub : rng.pick(running).fundAccountId;
      record(fund, money, rng.int(5, 50) * 1000, at);
    }
  });
}
