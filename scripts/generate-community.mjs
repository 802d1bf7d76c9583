// Generates SQL for a realistic, large community: 3,000 households, 90 clubs, 1,500 activities,
// 30,000 sign-ups, 20,000 ledger postings, and the program tools' data (generate-tools.mjs): 3,000 library titles
// with 20,000 loans, 2,000 charity-shop items, 1,000 needs. Deterministic (seeded), for the benchmark.

import { inserts, rng } from './generate-sql.mjs';
import { generateToolsSql } from './generate-tools.mjs';

export function generateCommunitySql({
  households = 3000,
  clubs = 90,
  activities = 1500,
  signups = 30000,
  postings = 20000,
  seed = 42,
  now = Date.now(),
} = {}) {
  const random = rng(seed);
  const pick = (n) => Math.floor(random() * n);
  const sql = [];
  const programKeys = [
    'sports',
    'salon',
    'university',
    'kids-troupe',
    'library',
    'charity-shop',
    'little-architects',
    'elder-care',
    'community-helps-community',
  ];

  // Members 2..households+1 (member 1 is the founder created at sign-up).
  const memberRows = [];
  for (let id = 2; id <= households + 1; id++) memberRows.push([id, `bench-user-${id}`, `居民${id}`, 1 + pick(12)]);
  sql.push(...inserts('members', ['id', 'user_id', 'display_name', 'building_id'], memberRows));

  const clubRows = [];
  const clubMemberRows = [];
  const accountRows = [];
  for (let id = 1; id <= clubs; id++) {
    const responsible = 2 + pick(households);
    clubRows.push([
      id,
      `社团${id}`,
      `第${id}个社团的宗旨：邻里相聚，互助互学。`,
      programKeys[id % programKeys.length],
      '每周六下午',
      'active',
      responsible,
    ]);
    const seen = new Set([responsible]);
    clubMemberRows.push([id, responsible, 'leader']);
    for (let k = 0; k < 19; k++) {
      const m = 2 + pick(households);
      if (seen.has(m)) continue;
      seen.add(m);
      clubMemberRows.push([id, m, 'member']);
    }
    accountRows.push([`club:${id}`, 'fund', id, `社团${id}基金`]);
  }
  sql.push(...inserts('clubs', ['id', 'name', 'purpose', 'program_key', 'meeting_pattern', 'status', 'responsible_member_id'], clubRows));
  sql.push(...inserts('club_members', ['club_id', 'member_id', 'role'], clubMemberRows));
  sql.push(...inserts('ledger_accounts', ['key', 'kind', 'club_id', 'name'], accountRows));

  const day = 86400_000;
  const activityRows = [];
  const costRows = [];
  for (let id = 1; id <= activities; id++) {
    const future = id > activities - 100;
    const start = future ? now + pick(30) * day + 3600_000 : now - (1 + pick(360)) * day;
    const club = 1 + pick(clubs);
    activityRows.push([
      id,
      club,
      `活动${id}`,
      '一起运动、交流、学习。',
      2 + pick(households),
      new Date(start).toISOString(),
      new Date(start + 2 * 3600_000).toISOString(),
      '会所多功能厅',
      40,
      1,
      'residents',
      future ? 'open' : 'reviewed',
      24,
      8,
      4400,
      crypto.randomUUID().replace(/-/g, ''),
    ]);
    costRows.push([id, 'planned', '场地', 72000], [id, 'planned', '物料', 24200]);
  }
  sql.push(
    ...inserts(
      'activities',
      [
        'id',
        'club_id',
        'title',
        'description',
        'responsible_member_id',
        'starts_at',
        'ends_at',
        'place',
        'capacity',
        'waitlist',
        'audience',
        'state',
        'expected_participants',
        'surplus_rate_percent',
        'fee_fen',
        'checkin_token',
      ],
      activityRows,
    ),
  );
  sql.push(...inserts('activity_cost_lines', ['activity_id', 'kind', 'label', 'amount_fen'], costRows));

  const signupRows = [];
  const perActivity = Math.floor(signups / activities);
  for (let a = 1; a <= activities; a++) {
    const seen = new Set();
    while (seen.size < perActivity) seen.add(2 + pick(households));
    for (const m of seen) signupRows.push([a, m, '', 0, 'confirmed']);
  }
  sql.push(...inserts('signups', ['activity_id', 'member_id', 'participant', 'is_child', 'status'], signupRows, 300));

  // Ledger: pairs of postings (fund ± / external ∓); account ids: hub 1, external 2, clubs from 3.
  const txRows = [];
  const postingRows = [];
  const transactions = Math.floor(postings / 2);
  for (let t = 1; t <= transactions; t++) {
    const club = 1 + pick(clubs);
    const income = random() < 0.55;
    const amount = 1000 + pick(90000);
    const activity = 1 + pick(activities - 100);
    txRows.push([
      t,
      `bench-${t}`,
      new Date(now - pick(365) * day).toISOString().slice(0, 10),
      income ? 'activity-fees' : 'activity-costs',
      `活动${activity}：${income ? '活动费收入' : '活动支出'}`,
      2,
      activity,
    ]);
    postingRows.push([t, 2 + club, income ? amount : -amount], [t, 2, income ? -amount : amount]);
  }
  sql.push(...inserts('ledger_transactions', ['id', 'ref', 'occurred_on', 'category', 'memo', 'recorded_by', 'activity_id'], txRows));
  sql.push(...inserts('ledger_postings', ['transaction_id', 'account_id', 'amount_fen'], postingRows, 300));
  sql.push(generateToolsSql({ households, activities, clubs, now, seed: seed + 1 }));
  return sql.join('\n');
}
