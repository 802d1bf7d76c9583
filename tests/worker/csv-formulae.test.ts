import { describe, expect, it } from 'vitest';
import { statementCsv } from '../../worker/community/ledger/statement-csv';
import { toCsv } from '../../web/src/lib/metrics-view';

describe('CSV exports never hand a spreadsheet a formula', () => {
  it('quotes a ledger memo that starts like a formula as text, and keeps ordinary memos and amounts as they are', () => {
    const csv = statementCsv({
      fund: { key: 'hub', name: '互助会' },
      entries: [
        {
          id: 1,
          occurredOn: '2026-11-02',
          category: 'activity-income',
          memo: '=HYPERLINK("http://x","点我")',
          amountFen: 1200,
          activityId: 3,
          reversesId: null,
        },
        { id: 2, occurredOn: '2026-11-03', category: 'activity-cost', memo: '场地费', amountFen: -800, activityId: 3, reversesId: null },
      ],
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csv).toContain('场地费');
    expect(csv).toContain(',8.00,');
  });

  it('does the same in the consultants’ comparison CSV', () => {
    const csv = toCsv([
      ['指标', '=1+1', '@SUM(A1)'],
      ['家庭参与率', '7.4%', '—'],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("'=1+1");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain('7.4%');
  });
});
