/** The history's money in the ledger: the entries the settle screen makes, written in bulk like the other rows. */
import type { NewTransaction } from '../../community/ledger/service';
import { checkPostings } from '../../community/ledger/rules';
import { ledgerTransactions } from '../../db/tenant-schema';
import { insertRows } from './insert-rows';

/** A ledger entry of the history, with the instant it was recorded (the product stamps the moment of the write). */
export interface HistoryEntry extends NewTransaction {
  ref: string;
  createdAt: string;
}

const POSTINGS_PER_STATEMENT = 2000;

/**
 * The statements that write the history's ledger entries: the transactions in bulk, then their postings, which find
 * their transaction by its unique ref as `transactionStatements` does. A year of a busy community is some 1,200
 * entries; one statement per transaction and per posting (the settle screen's way) added about a second to each
 * demo seed. Each entry is checked by the same rule as every entry the product writes, so an unbalanced one stops
 * the seed.
 */
export function ledgerStatements(d1: D1Database, entries: HistoryEntry[]): D1PreparedStatement[] {
  for (const entry of entries) {
    const problem = checkPostings(entry.postings);
    if (problem) throw new Error(`the history's entry ${entry.ref} does not balance: ${problem}`);
  }
  const transactions = insertRows(
    d1,
    ledgerTransactions,
    entries.map((e) => ({
      ref: e.ref,
      occurredOn: e.occurredOn,
      category: e.category,
      memo: e.memo,
      recordedBy: e.recordedBy,
      reversesId: e.reversesId ?? null,
      activityId: e.activityId ?? null,
      createdAt: e.createdAt,
    })),
  );
  const postings = entries.flatMap((e) => e.postings.map((p) => [e.ref, p.accountId, p.amountFen]));
  const sql = `INSERT INTO ledger_postings (transaction_id, account_id, amount_fen)
    SELECT t.id, json_extract(p.value, '$[1]'), json_extract(p.value, '$[2]')
    FROM json_each(?1) AS p JOIN ledger_transactions AS t ON t.ref = json_extract(p.value, '$[0]')`;
  const statements = [...transactions];
  for (let i = 0; i < postings.length; i += POSTINGS_PER_STATEMENT) {
    statements.push(d1.prepare(sql).bind(JSON.stringify(postings.slice(i, i + POSTINGS_PER_STATEMENT))));
  }
  return statements;
}
