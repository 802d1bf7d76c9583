import { describe, expect, it } from 'vitest';
import {
  bandsProblem,
  closingDifference,
  type ItemFacts,
  itemCode,
  itemView,
  monthlyStatement,
  parseItemCode,
  readBands,
  recentMonths,
} from '../../worker/community/shop/rules';

const item: ItemFacts = {
  id: 42,
  title: '儿童自行车',
  category: 'sports',
  condition: 'good',
  priceFen: 2000,
  status: 'passed-on',
  receivedAt: '2025-05-01T02:00:00Z',
  leftAt: '2025-05-03T02:00:00Z',
  donorMemberId: 7,
  donorDisplayName: '陈阿姨',
  donorName: null,
  donorFollows: true,
  leftNote: '给 3 栋的困难家庭',
};

describe('item codes', () => {
  it('prints CH and at least four digits, and reads what a volunteer types or scans', () => {
    expect(itemCode(42)).toBe('CH-0042');
    expect(itemCode(12345)).toBe('CH-12345');
    for (const typed of ['CH-0042', 'ch0042', ' ch-42 ', '42', '0042']) expect(parseItemCode(typed)).toBe(42);
    for (const wrong of ['', 'CH-', 'AB-12', '12a', '0']) expect(parseItemCode(wrong)).toBeNull();
  });
});

describe('price bands', () => {
  it('go up, each once, in whole fen above nothing, at most eight', () => {
    expect(bandsProblem([200, 500, 1000, 2000])).toBeNull();
    expect(bandsProblem([])).not.toBeNull();
    expect(bandsProblem([500, 200])).not.toBeNull();
    expect(bandsProblem([200, 200])).not.toBeNull();
    expect(bandsProblem([0, 200])).not.toBeNull();
    expect(bandsProblem([1.5])).not.toBeNull();
    expect(bandsProblem([1, 2, 3, 4, 5, 6, 7, 8, 9])).not.toBeNull();
    expect(readBands('[100,300]')).toEqual([100, 300]);
    expect(readBands('not json')).toEqual([200, 500, 1000, 2000]);
    expect(readBands('[3,1]')).toEqual([200, 500, 1000, 2000]);
  });
});

describe('closing the day', () => {
  it('records counted less recorded, and asks for a note when they differ', () => {
    expect(closingDifference(1500, 1500)).toEqual({ differenceFen: 0, needsNote: false });
    expect(closingDifference(1500, 1300)).toEqual({ differenceFen: -200, needsNote: true });
    expect(closingDifference(1500, 1600)).toEqual({ differenceFen: 100, needsNote: true });
  });
});

describe('who sees what of an item', () => {
  it('shows volunteers the donor and the pass-on note, the donor what became of it, and anyone else no person', () => {
    const desk = itemView(item, 'volunteer');
    expect(desk.donor).toEqual({ kind: 'member', name: '陈阿姨', follows: true });
    expect(desk.leftNote).toBe('给 3 栋的困难家庭');
    const donor = itemView(item, 'donor');
    expect(donor.status).toBe('passed-on');
    expect(donor.leftAt).toBe(item.leftAt);
    expect(JSON.stringify(donor)).not.toMatch(/陈阿姨|困难家庭/);
    const browser = itemView(item, 'browser');
    expect(JSON.stringify(browser)).not.toMatch(/陈阿姨|困难家庭/);
    expect(itemView({ ...item, donorMemberId: null, donorName: null }, 'volunteer').donor).toEqual({
      kind: 'anonymous',
      name: null,
      follows: false,
    });
    expect(itemView({ ...item, donorMemberId: null, donorName: '王大伯' }, 'volunteer').donor.kind).toBe('named');
  });
});

describe('the monthly statement', () => {
  it('lists every month asked for, zero where nothing happened', () => {
    const months = recentMonths('2025-03-10', 4);
    expect(months).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
    const rows = monthlyStatement(months, {
      itemsIn: { '2025-03': 5 },
      sold: { '2025-03': 2 },
      passedOn: {},
      recycled: { '2025-01': 1 },
      takingsFen: { '2025-03': 1500 },
      differenceFen: { '2025-03': -200 },
      spentFen: {},
    });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      month: '2024-12',
      itemsIn: 0,
      sold: 0,
      passedOn: 0,
      recycled: 0,
      takingsFen: 0,
      differenceFen: 0,
      spentFen: 0,
    });
    expect(rows[3]).toMatchObject({ itemsIn: 5, sold: 2, takingsFen: 1500, differenceFen: -200 });
  });
});
