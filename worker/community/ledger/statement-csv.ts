import Papa from 'papaparse';

interface StatementData {
  fund: { key: string; name: string };
  entries: {
    id: number;
    occurredOn: string;
    category: string;
    memo: string;
    amountFen: number;
    activityId: number | null;
    reversesId: number | null;
  }[];
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The statement's entries as CSV (with a BOM so spreadsheet programs read the Chinese correctly). */
export function statementCsv(data: StatementData): string {
  const rows = data.entries.map((e) => ({
    date: e.occurredOn,
    entry: e.id,
    category: e.category,
    memo: e.memo,
    income_yuan: e.amountFen > 0 ? yuan(e.amountFen) : '',
    spending_yuan: e.amountFen < 0 ? yuan(-e.amountFen) : '',
    activity: e.activityId ?? '',
    reverses_entry: e.reversesId ?? '',
  }));
  // A memo a spreadsheet would run as a formula ("=…", "+…", "@…") is quoted as text; negative amounts stay numbers.
  return `\uFEFF${Papa.unparse(rows, { columns: ['date', 'entry', 'category', 'memo', 'income_yuan', 'spending_yuan', 'activity', 'reverses_entry'], escapeFormulae: /^[=+@\t\r]/ })}\r\n`;
}
