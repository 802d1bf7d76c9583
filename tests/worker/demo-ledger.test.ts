import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, client, expectStatus, PLATFORM, read, tenantD1 } from './helpers';

const slugs = ['cuizhuyuan', 'pingzhi', 'dafang'];

async function rows<T>(db: D1Database, query: string): Promise<T[]> {
  return (await db.prepare(query).all<T>()).results;
}

/** A settled activity's fund: its club's, or the hub's for the association's own activities. */
const FUND_OF_ACTIVITY = `CASE WHEN a.club_id IS NULL THEN 'hub' ELSE 'club:' || a.club_id END`;

/**
 * What each fund should hold, from the records beside the ledger: the surplus (income less costs, negative for a
 * deficit) of every activity settled into it, plus the money recorded into it apart from any activity — seed money,
 * donations, grants, subsidies, the shop's takings, course fees, partnership donations, advances and repayments, and
 * spending recorded on its own (the ledger's entries whose activity_id is null).
 */
async function expectedBalances(db: D1Database) {
  const surpluses = await rows<{ fund: string; fen: number }>(
    db,
    `SELECT ${FUND_OF_ACTIVITY} AS fund, SUM(s.income_fen - s.cost_fen) AS fen
       FROM activity_settlements s JOIN activities a ON a.id = s.activity_id GROUP BY fund`,
  );
  const recorded = await rows<{ fund: string; fen: number }>(
    db,
    `SELECT acc.key AS fund, SUM(p.amount_fen) AS fen FROM ledger_postings p
       JOIN ledger_transactions t ON t.id = p.transaction_id JOIN ledger_accounts acc ON acc.id = p.account_id
      WHERE t.activity_id IS NULL AND acc.kind = 'fund' GROUP BY acc.key`,
  );
  const expected = new Map<string, number>();
  for (const r of [...surpluses, ...recorded]) expected.set(r.fund, (expected.get(r.fund) ?? 0) + Number(r.fen));
  return { expected, surpluses };
}

describe("the demo's ledger", () => {
  // Seeded as `npm start` seeds it (another test file may have seeded first: the seed then adds nothing).
  beforeAll(async () => {
    expectStatus(await read(client(PLATFORM).api.dev.seed.$post()), 200);
  }, 180_000);

  it.each(slugs)('%s: every settlement and every sum recorded apart is in the funds, and the entries balance', async (slug) => {
    const db = await tenantD1(slug);
    const [settled] = await rows<{ states: number; settlements: number }>(
      db,
      `SELECT (SELECT COUNT(*) FROM activities WHERE state IN ('settled', 'reviewed')) AS states,
              (SELECT COUNT(*) FROM activity_settlements) AS settlements`,
    );
    // Every demo community has a past year with settled activities.
    expect(settled?.settlements, slug).toBeGreaterThan(0);
    expect(settled?.states, slug).toBe(settled?.settlements);

    // Each settlement is in the ledger as the settle screen writes it: its fees into its fund, its costs out of it.
    const unposted = await rows<{ id: number }>(
      db,
      `SELECT a.id FROM activity_settlements s JOIN activities a ON a.id = s.activity_id
        WHERE s.income_fen <> COALESCE((SELECT SUM(p.amount_fen) FROM ledger_transactions t
                JOIN ledger_postings p ON p.transaction_id = t.id JOIN ledger_accounts acc ON acc.id = p.account_id
               WHERE t.ref = 'settle-income:' || a.id AND t.activity_id = a.id AND t.category = 'activity-fees'
                 AND acc.key = ${FUND_OF_ACTIVITY}), 0)
           OR s.cost_fen <> -COALESCE((SELECT SUM(p.amount_fen) FROM ledger_transactions t
                JOIN ledger_postings p ON p.transaction_id = t.id JOIN ledger_accounts acc ON acc.id = p.account_id
               WHERE t.ref = 'settle-costs:' || a.id AND t.activity_id = a.id AND t.category = 'activity-costs'
                 AND acc.key = ${FUND_OF_ACTIVITY}), 0)`,
    );
    expect(unposted, slug).toEqual([]);
    // Nothing else in the ledger names an activity, so the activity entries are exactly the settlements.
    const strays = await rows<{ ref: string }>(
      db,
      `SELECT t.ref FROM ledger_transactions t LEFT JOIN activity_settlements s ON s.activity_id = t.activity_id
        WHERE t.activity_id IS NOT NULL AND (s.activity_id IS NULL OR t.ref NOT IN ('settle-income:' || t.activity_id, 'settle-costs:' || t.activity_id))`,
    );
    expect(strays, slug).toEqual([]);

    // The funds page's balances, as anyone sees them, are those surpluses plus the money recorded apart.
    const api = client(`${slug}.localhost`).api;
    const funds = bodyOf(await read(api.ledger.funds.$get()), 200).funds;
    const { expected, surpluses } = await expectedBalances(db);
    expect(Object.fromEntries(funds.map((f) => [f.key, f.balanceFen])), slug).toEqual(
      Object.fromEntries(funds.map((f) => [f.key, expected.get(f.key) ?? 0])),
    );
    expect(
      [...expected.keys()].filter((key) => !funds.some((f) => f.key === key)),
      slug,
    ).toEqual([]);
    // The demo's money shows on first look: every fund with a settled activity holds its year's surplus.
    expect(
      surpluses.some((s) => Number(s.fen) !== 0),
      slug,
    ).toBe(true);
    expect(funds.filter((f) => f.balanceFen !== 0).length, slug).toBeGreaterThan(0);
    // Each fund's statement over all time closes on its balance, its surplus being its income less its spending.
    for (const fund of funds) {
      const statement = bodyOf(
        await read(api.ledger.funds[':key'].statement.$get({ param: { key: fund.key }, query: { from: '2000-01-01', to: '2100-01-01' } })),
        200,
      );
      expect([fund.key, statement.closingFen], slug).toEqual([fund.key, fund.balanceFen]);
    }
    // Residents' donations are among the money recorded apart, in every community.
    const donations = await rows<{ n: number }>(db, "SELECT COUNT(*) AS n FROM ledger_transactions WHERE category = 'donation'");
    expect(donations[0]?.n, slug).toBeGreaterThan(0);

    // Double entry: each transaction's postings sum to zero (so all of them do), and none is empty or lopsided.
    const unbalanced = await rows<{ id: number }>(
      db,
      `SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
        GROUP BY t.id HAVING COUNT(p.id) < 2 OR SUM(p.amount_fen) <> 0`,
    );
    expect(unbalanced, slug).toEqual([]);
    const [total] = await rows<{ fen: number; n: number }>(
      db,
      'SELECT COALESCE(SUM(amount_fen), 0) AS fen, COUNT(*) AS n FROM ledger_postings',
    );
    expect(total?.fen, slug).toBe(0);
    expect(total?.n, slug).toBeGreaterThan(0);
  });
});
