import { figureReads, noFigureReads } from '../programs/figure-reads';
import type { ProgramFigureSource } from '../programs/figures';
import { monthlyStatement } from './rules';
import { factsFrom, monthFactsReads } from './statement';

/** The charity shop's monthly figures: items in and out, takings, sell-through and what the proceeds paid for. */
export const shopFigures: ProgramFigureSource = {
  programKey: 'charity-shop',
  reads(db, months, timeZone) {
    if (months.length === 0) return noFigureReads;
    const sorted = [...months].sort();
    return figureReads([...monthFactsReads(db, sorted[0]!, sorted[sorted.length - 1]!)], (results) => {
      const { facts } = factsFrom(results, timeZone);
      const rows = monthlyStatement(months, facts);
      const series = (value: (r: (typeof rows)[number]) => number) => Object.fromEntries(rows.map((r) => [r.month, value(r)]));
      return [
        { key: 'items-in', labelZh: '收到捐赠（件）', labelEn: 'Items donated', unit: 'count', values: series((r) => r.itemsIn) },
        { key: 'items-sold', labelZh: '售出（件）', labelEn: 'Items sold', unit: 'count', values: series((r) => r.sold) },
        { key: 'items-passed-on', labelZh: '转赠（件）', labelEn: 'Items passed on', unit: 'count', values: series((r) => r.passedOn) },
        { key: 'items-recycled', labelZh: '回收或处理（件）', labelEn: 'Items recycled', unit: 'count', values: series((r) => r.recycled) },
        { key: 'takings', labelZh: '义卖收入', labelEn: 'Takings', unit: 'fen', values: series((r) => r.takingsFen) },
        {
          key: 'sell-through',
          labelZh: '售出率（售出 ÷ 入库）',
          labelEn: 'Sell-through (sold ÷ taken in)',
          unit: 'percent',
          values: series((r) => (r.itemsIn > 0 ? Math.round((r.sold / r.itemsIn) * 100) : 0)),
        },
        {
          key: 'proceeds-spent',
          labelZh: '义卖资助的公益支出',
          labelEn: 'Causes the proceeds paid for',
          unit: 'fen',
          values: series((r) => r.spentFen),
        },
      ];
    });
  },
};
