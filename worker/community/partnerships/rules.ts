/** Rules of partnerships between communities (社区帮扶社区), as pure functions the web app imports too. */

/** Where a partnership stands. A link between two Huzhu communities starts `proposed`; one with an outside community starts `active`. */
export const partnershipStates = ['proposed', 'active', 'declined', 'withdrawn', 'ended'] as const;
export type PartnershipState = (typeof partnershipStates)[number];

/** Whether the partner is a community on Huzhu (its admins consent) or outside it (a name, a place, a contact). */
export const partnershipKinds = ['huzhu', 'outside'] as const;
export type PartnershipKind = (typeof partnershipKinds)[number];

/** What an administrator can do to a partnership. */
export const partnershipActions = ['accept', 'decline', 'withdraw', 'end'] as const;
export type PartnershipAction = (typeof partnershipActions)[number];

/** Which community an administrator acts for: the one that proposed, or the one asked. An outside partnership has only ours. */
export type PartnershipSide = 'proposer' | 'partner';

/** What a partnership records besides its goals: exchange visits and designated donations. */
export const entryKinds = ['visit', 'donation'] as const;
export type EntryKind = (typeof entryKinds)[number];
export const donationKinds = ['money', 'goods'] as const;
export type DonationKind = (typeof donationKinds)[number];

/**
 * The next state after an action, or why it cannot be taken. The community asked accepts or declines; the one that
 * proposed may withdraw while nobody has answered; either side ends an active partnership. An outside partnership
 * has no consent to give, so it can only be ended.
 */
export function nextState(
  kind: PartnershipKind,
  state: PartnershipState,
  action: PartnershipAction,
  side: PartnershipSide,
): { ok: true; state: PartnershipState } | { ok: false; reason: string } {
  if (kind === 'outside') {
    return action === 'end' && state === 'active'
      ? { ok: true, state: 'ended' }
      : { ok: false, reason: 'An outside partnership can only be ended while active' };
  }
  switch (action) {
    case 'accept':
    case 'decline':
      if (state !== 'proposed') return { ok: false, reason: 'Only a proposal waiting for an answer can be accepted or declined' };
      if (side !== 'partner') return { ok: false, reason: 'Only the community asked can answer a proposal' };
      return { ok: true, state: action === 'accept' ? 'active' : 'declined' };
    case 'withdraw':
      if (state !== 'proposed') return { ok: false, reason: 'Only a proposal waiting for an answer can be withdrawn' };
      if (side !== 'proposer') return { ok: false, reason: 'Only the community that proposed can withdraw it' };
      return { ok: true, state: 'withdrawn' };
    case 'end':
      return state === 'active' ? { ok: true, state: 'ended' } : { ok: false, reason: 'Only an active partnership can be ended' };
  }
}

/** The actions open to an administrator of `side` now, for the buttons a page shows. */
export function actionsOpen(kind: PartnershipKind, state: PartnershipState, side: PartnershipSide): PartnershipAction[] {
  return partnershipActions.filter((a) => nextState(kind, state, a, side).ok);
}

/** States that keep a pair of communities from starting another partnership: one open link per pair. */
export const OPEN_STATES: readonly PartnershipState[] = ['proposed', 'active'];

/** Whether visits and donations may be recorded: only while the partnership is active. */
export const canRecord = (state: PartnershipState) => state === 'active';

/**
 * Who sees a partnership on its community's site: proposals, and those declined or withdrawn, are the administrators'
 * business; members see the partnerships that were formed (active or ended).
 */
export function visibleTo(state: PartnershipState, viewer: { admin: boolean }): boolean {
  return viewer.admin || state === 'active' || state === 'ended';
}

/** The same two communities in either order give the same key, so a unique index holds one open link per pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface ReportEntry {
  kind: EntryKind;
  /** For a visit: held by our community. For a donation: given by us (else received). */
  ours: boolean;
  occurredOn: string;
  residents: number;
  donationKind: DonationKind | null;
  amountFen: number;
}

/** The totals of a year's report, from the entries whose day (YYYY-MM-DD on the community's calendar) falls in it. */
export function yearTotals(entries: readonly ReportEntry[], year: number) {
  const inYear = entries.filter((e) => e.occurredOn.startsWith(`${year}-`));
  const visits = inYear.filter((e) => e.kind === 'visit');
  const donations = inYear.filter((e) => e.kind === 'donation');
  const sum = (list: ReportEntry[]) => list.reduce((s, e) => s + e.amountFen, 0);
  return {
    visits: visits.length,
    residentsInvolved: visits.reduce((s, e) => s + e.residents, 0),
    moneyGivenFen: sum(donations.filter((d) => d.ours && d.donationKind === 'money')),
    moneyReceivedFen: sum(donations.filter((d) => !d.ours && d.donationKind === 'money')),
    goodsGiven: donations.filter((d) => d.ours && d.donationKind === 'goods').length,
    goodsReceived: donations.filter((d) => !d.ours && d.donationKind === 'goods').length,
  };
}

/** The years a partnership's report can be asked for: from the year it started to the current one, newest first. */
export function reportYears(startedOn: string | null, today: string): number[] {
  const last = Number(today.slice(0, 4));
  const first = startedOn ? Math.min(Number(startedOn.slice(0, 4)), last) : last;
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

/** Whether a day (YYYY-MM-DD) is a real calendar day: 2028-02-29 is, 2027-02-29 is not. */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/**
 * Whether a partnership counts in a month (YYYY-MM): it started by the month's last day and had not ended before its
 * first. Days are on the community's calendar, so a month's last day is the 28th to the 31st.
 */
export function activeInMonth(p: { startedOn: string | null; endedOn: string | null }, month: string): boolean {
  if (!p.startedOn) return false;
  return p.startedOn.slice(0, 7) <= month && (p.endedOn === null || p.endedOn.slice(0, 7) >= month);
}
