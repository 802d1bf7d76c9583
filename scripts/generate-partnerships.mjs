// The benchmark's partnerships with communities not on Huzhu, their visits and donations (generate-tools.mjs calls it).

import { accountId, DAY, inserts, iso, localDate, txId } from './generate-sql.mjs';

const partners = [
  ['贵州省黔东南州雷山县西江村', '黔东南 雷山县', '村委会 吴主任'],
  ['甘肃省定西市安定区团结社区', '定西 安定区', '社区居委会 马书记'],
  ['云南省昭通市鲁甸县龙泉社区', '昭通 鲁甸县', '社区服务站'],
  ['安徽省六安市金寨县花石乡', '六安 金寨县', '乡政府 民政办'],
];

/** Four partnerships with communities not on Huzhu (three active, one ended), their visits and donations. */
export function partnershipsWith({ now, random, pick, activities }) {
  const sql = [];
  const today = localDate(now);
  const partnershipRows = [];
  const entryRows = [];
  const transactions = [];
  const postings = [];
  for (const [index, [name, place, contact]] of partners.entries()) {
    const id = index + 1;
    const started = now - (200 + pick(700)) * DAY;
    const ended = index === 3 ? Math.min(now - 30 * DAY, started + 365 * DAY) : null;
    partnershipRows.push([
      id,
      'outside',
      null,
      'proposer',
      name,
      null,
      place,
      contact,
      ended === null ? 'active' : 'ended',
      '每年两次互访；为当地小学捐赠图书和文具；资助留守儿童夏令营。',
      localDate(started),
      ended === null ? null : localDate(ended),
      iso(started - 10 * DAY),
    ]);
    for (let t = started + 20 * DAY; t < (ended ?? now); t += (20 + pick(40)) * DAY) {
      const on = localDate(t);
      if (on > today) break;
      const ref = `bench-partnership-${id}-${entryRows.length + 1}`;
      const roll = random();
      if (roll < 0.4) {
        const activityId = random() < 0.3 ? 1 + pick(activities - 100) : null;
        entryRows.push([
          id,
          ref,
          'visit',
          1,
          on,
          `${['走访', '交流', '联欢'][pick(3)]}：${name.slice(-4)}`,
          place,
          5 + pick(30),
          activityId,
          null,
          0,
        ]);
      } else if (roll < 0.75) {
        const amount = (5 + pick(50)) * 10000;
        entryRows.push([id, ref, 'donation', 1, on, '资助留守儿童夏令营', '', 0, null, 'money', amount]);
        const txRef = `partnership:${ref}`;
        transactions.push([
          txRef,
          on,
          'partnership-donation',
          `帮扶捐赠给${name}：资助留守儿童夏令营〔${ref.slice(-8).toUpperCase()}〕`,
          1,
        ]);
        postings.push([txId(txRef), accountId('hub'), -amount], [txId(txRef), accountId('external'), amount]);
      } else entryRows.push([id, ref, 'donation', 1, on, `图书和文具 ${10 + pick(40)} 箱`, '', 0, null, 'goods', 0]);
    }
  }
  sql.push(
    ...inserts(
      'partnerships',
      [
        'id',
        'kind',
        'link_id',
        'side',
        'partner_name',
        'partner_slug',
        'partner_place',
        'partner_contact',
        'status',
        'goals',
        'started_on',
        'ended_on',
        'created_at',
      ],
      partnershipRows,
    ),
  );
  sql.push(
    ...inserts(
      'partnership_entries',
      ['partnership_id', 'ref', 'kind', 'ours', 'occurred_on', 'title', 'place', 'residents', 'activity_id', 'donation_kind', 'amount_fen'],
      entryRows,
    ),
  );
  sql.push(...inserts('ledger_transactions', ['ref', 'occurred_on', 'category', 'memo', 'recorded_by'], transactions));
  sql.push(...inserts('ledger_postings', ['transaction_id', 'account_id', 'amount_fen'], postings));
  return { sql, facts: { partnerships: partnershipRows.length, entries: entryRows.length } };
}
