// The benchmark generators' shared pieces: a seeded random source, bulk INSERT statements, the community's clock.

/** A deterministic random source (a linear congruential generator), so a seed always generates the same community. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A value written into the SQL as it is (e.g. a sub-select that finds a row's id by its key). */
export const raw = (text) => ({ raw: text });

const q = (v) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : v?.raw !== undefined ? v.raw : `'${String(v).replace(/'/g, "''")}'`;

/** Multi-row INSERT statements, `chunk` rows each. */
export function inserts(table, columns, rows, chunk = 200) {
  const out = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((r) => `(${r.map(q).join(',')})`)
      .join(',\n');
    out.push(`INSERT INTO ${table} (${columns.join(',')}) VALUES\n${values};`);
  }
  return out;
}

export const DAY = 86400_000;
export const HOUR = 3600_000;
/** The community's clock (Asia/Shanghai, no daylight saving): local dates are UTC + 8 h. */
export const localDate = (ms) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
export const iso = (ms) => new Date(ms).toISOString();
/** The instant of a local day's midnight. */
export const localMidnight = (date) => Date.parse(`${date}T00:00:00+08:00`);
/** A ledger transaction's id, found by its ref. */
export const txId = (ref) => raw(`(SELECT id FROM ledger_transactions WHERE ref = '${ref}')`);
/** A ledger account's id, found by its key. */
export const accountId = (key) => raw(`(SELECT id FROM ledger_accounts WHERE key = '${key}')`);
