import { and, gte, lt } from 'drizzle-orm';
import { figureReads, noFigureReads, type ProgramFigure, type ProgramFigureSource } from '../programs/figures';
import { monthsDays } from '../programs/rules';
import { activeInMonth } from './rules';
import { partnershipEntries, partnerships } from './schema';

interface FigureRows {
  partnerships: { startedOn: string | null; endedOn: string | null; status: string }[];
  entries: { kind: string; ours: boolean; occurredOn: string; residents: number; donationKind: string | null; amountFen: number }[];
}

/** Pure: the partnerships' monthly figures. Days are on the community's calendar already, so a month is their first seven characters. */
export function partnershipFiguresFrom(months: readonly string[], rows: FigureRows): ProgramFigure[] {
  const zeros = () => Object.fromEntries(months.map((m) => [m, 0])) as Record<string, number>;
  const formed = rows.partnerships.filter((p) => p.status === 'active' || p.status === 'ended');
  const active = zeros();
  for (const m of months) active[m] = formed.filter((p) => activeInMonth(p, m)).length;
  const money = zeros();
  const goods = zeros();
  const visits = zeros();
  const residents = zeros();
  for (const e of rows.entries) {
    const m = e.occurredOn.slice(0, 7);
    if (!(m in visits)) continue;
    if (e.kind === 'visit') {
      visits[m]! += 1;
      if (e.ours) residents[m]! += e.residents;
    } else if (e.ours && e.donationKind === 'money') money[m]! += e.amountFen;
    else if (e.ours && e.donationKind === 'goods') goods[m]! += 1;
  }
  return [
    { key: 'partnerships-active', labelZh: '结对帮扶的社区', labelEn: 'Partner communities', unit: 'count', values: active },
    { key: 'partnerships-money-given', labelZh: '捐出的善款', labelEn: 'Money given', unit: 'fen', values: money },
    { key: 'partnerships-goods-given', labelZh: '捐出的物资（批）', labelEn: 'Goods given (lots)', unit: 'count', values: goods },
    { key: 'partnerships-visits', labelZh: '互访', labelEn: 'Exchange visits', unit: 'count', values: visits },
    { key: 'partnerships-residents', labelZh: '参与互访的居民', labelEn: 'Residents on our visits', unit: 'count', values: residents },
  ];
}

/** 社区帮扶社区's figures beside the needs register's: partner communities, money and goods given, visits and residents. */
export const partnershipFigures: ProgramFigureSource = {
  programKey: 'community-helps-community',
  reads(db, months) {
    if (months.length === 0) return noFigureReads;
    // Only the months shown: entry days are on the community's calendar already.
    const days = monthsDays(months);
    return figureReads(
      [
        db.select({ startedOn: partnerships.startedOn, endedOn: partnerships.endedOn, status: partnerships.status }).from(partnerships),
        db
          .select({
            kind: partnershipEntries.kind,
            ours: partnershipEntries.ours,
            occurredOn: partnershipEntries.occurredOn,
            residents: partnershipEntries.residents,
            donationKind: partnershipEntries.donationKind,
            amountFen: partnershipEntries.amountFen,
          })
          .from(partnershipEntries)
          .where(and(gte(partnershipEntries.occurredOn, days.from), lt(partnershipEntries.occurredOn, days.until))),
      ],
      ([links, entries]) => partnershipFiguresFrom(months, { partnerships: links, entries }),
    );
  },
};
