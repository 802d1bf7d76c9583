import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { statementCsv } from '../../worker/community/ledger/statement-csv';
import { neutraliseCsvCell, toCsv } from '../../worker/http/csv';
import { tableCsvRows, toCsv as webToCsv } from '../../web/src/lib/metrics-view';
import { client, createCommunity, read } from './helpers';

/** The cells of a CSV text (without its byte order mark), as a spreadsheet program would split them. */
const cellsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('neutraliseCsvCell: the one rule for a cell a spreadsheet would run', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://x")\n第二行', '\'=HYPERLINK("http://x")\n第二行'],
  ])('writes %j as text: %j', (cell, expected) => {
    expect(neutraliseCsvCell(cell)).toBe(expected);
  });

  it('leaves ordinary text alone, including formula characters after the first', () => {
    for (const cell of ['场地费', 'a=b', '1+1', '7.4%', '—', 'user@example.org', '']) expect(neutraliseCsvCell(cell)).toBe(cell);
  });

  it('writes numbers as numbers, negative ones too, and nothing as empty', () => {
    expect(neutraliseCsvCell(-8)).toBe('-8');
    expect(neutraliseCsvCell(12.5)).toBe('12.5');
    expect(neutraliseCsvCell(null)).toBe('');
    expect(neutraliseCsvCell(undefined)).toBe('');
    expect(neutraliseCsvCell(Number.NaN)).toBe('');
  });

  it('toCsv starts with a BOM, quotes what RFC 4180 needs and every neutralised cell, and reads back as the rows', () => {
    const csv = toCsv([
      ['指标', '平治"东区"', '=1+1'],
      ['户数', '3,000', -8],
      ['备注', '两行\n文字', ' 前后空格 '],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF指标,"平治""东区""","\'=1+1"\r\n户数,"3,000",-8\r\n备注,"两行\n文字"," 前后空格 "');
    expect(cellsOf(csv)).toEqual([
      ['指标', '平治"东区"', "'=1+1"],
      ['户数', '3,000', '-8'],
      ['备注', '两行\n文字', ' 前后空格 '],
    ]);
  });
});

describe('every CSV export goes through it', () => {
  it('the ledger statement writes a formula-like memo as text, and its ordinary memos and amounts as they are', () => {
    const entry = { occurredOn: '2026-11-02', category: 'activity-income', amountFen: 1200, activityId: 3, reversesId: null };
    const csv = statementCsv({
      fund: { key: 'hub', name: '互助会' },
      entries: [
        { ...entry, id: 1, memo: '=HYPERLINK("http://x","点我")' },
        { ...entry, id: 2, memo: '-2+3' },
        { ...entry, id: 3, memo: '@SUM(A1)\n再一行' },
        { ...entry, id: 4, category: 'activity-cost', memo: '场地费', amountFen: -800 },
      ],
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    const memos = cellsOf(csv).map((row) => row[3]);
    expect(memos).toEqual(['memo', '\'=HYPERLINK("http://x","点我")', "'-2+3", "'@SUM(A1)\n再一行", '场地费']);
    expect(csv).toContain(',场地费,,8.00,3,');
  });

  it('the consultants’ comparison and trajectory tables (built in the web app) do the same', () => {
    const view = {
      corner: '指标',
      columns: [{ key: 'x', label: '=cmd|/c calc' }],
      sections: [{ key: 'scale' as const, label: '规模', rows: [{ key: 'households', label: '户数', definition: '', cells: ['+1'] }] }],
    };
    const csv = webToCsv(tableCsvRows(view, ['@月份']));
    expect(webToCsv).toBe(toCsv);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(cellsOf(csv)).toEqual([
      ["'@月份", ''],
      ['指标', "'=cmd|/c calc"],
      ['规模', ''],
      ['户数', "'+1"],
    ]);
  });

  it('the statement served by the API (GET /api/ledger/funds/hub/statement.csv) writes a hostile memo as text', async () => {
    const { host, founderToken } = await createCommunity(`csv-founder-${crypto.randomUUID().slice(0, 8)}`);
    const today = new Date().toISOString().slice(0, 10);
    for (const memo of ['=HYPERLINK("http://evil.example","点我")', '-2+3 场地押金', '@SUM(A1:A9)']) {
      const recorded = await read(
        client(host, founderToken).api.ledger.transactions.$post({
          json: {
            occurredOn: today,
            category: 'donation',
            memo,
            postings: [
              { fund: 'hub', amountFen: 1000 },
              { fund: 'external', amountFen: -1000 },
            ],
          },
        }),
      );
      expect(recorded.status).toBe(201);
    }
    const res = await read(client(host, founderToken).api.ledger.funds[':key']['statement.csv'].$get({ param: { key: 'hub' }, query: {} }));
    expect(res.status).toBe(200);
    const memos = cellsOf(res.text)
      .slice(1)
      .map((row) => row[3]);
    expect(memos).toEqual(['\'=HYPERLINK("http://evil.example","点我")', "'-2+3 场地押金", "'@SUM(A1:A9)"]);
    expect(res.text).toContain(',10.00,');
  });
});
