import { toCsv } from '../../http/csv';

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

const columns = ['date', 'entry', 'category', 'memo', 'income_yuan', 'spending_yuan', 'activity', 'reverses_entry'];

/**
 * The statement's entries as CSV, through the one CSV writer (`worker/http/csv.ts`), so a memo a spreadsheet would
 * run as a formula is written as text. Income and spending are separate columns of positive amounts.
 */
export function statementCsv(data: StatementData): string {
  const rows = data.entries.map((e) => [
    e.occurredOn,
    e.id,
    e.category,
    e.memo,
    e.amountFen > 0 ? yuan(e.amountFen) : '',
    e.amountFen < 0 ? yuan(-e.amountFen) : '',
    e.activityId,
    e.reversesId,
  ]);
  return `${toCsv([columns, ...rows])}\r\n`;
}
