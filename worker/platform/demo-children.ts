import { detailsUntil, safetyItemKeys } from '../community/children/rules';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

const TZ = 'Asia/Shanghai';
const DAY = 86400_000;
const iso = (t: number) => new Date(t).toISOString();
const date = (t: number) => iso(t).slice(0, 10);

/**
 * 翠竹园's children's programs: this summer's 暑期少儿团 open for sign-ups with its safety check done, guardians'
 * children signed up with consent, a parent rota; last month's nature walk held and counted; and a 小小建筑师 project
 * whose finished terrace design went to the joint meeting. Runs once.
 */
export async function seedDemoChildren(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const seen = await d1.prepare('SELECT COUNT(*) AS n FROM architect_projects').first<{ n: number }>();
  if ((seen?.n ?? 0) > 0) return;
  const { results: people } = await d1
    .prepare("SELECT id, user_id AS userId FROM members WHERE status = 'active' ORDER BY id")
    .all<{ id: number; userId: string }>();
  const idOf = (userId: string) => people.find((p) => p.userId === userId)?.id ?? null;
  const organiser = idOf('demo-club-founder');
  const admin = idOf('demo-admin');
  const guardians = [idOf('demo-resident'), idOf('demo-neighbour-4'), idOf('demo-neighbour-6'), idOf('demo-neighbour-8')];
  if (!organiser || !admin || guardians.some((g) => g === null)) return;
  const [resident, n4, n6, n8] = guardians as [number, number, number, number];

  const startsAt = Math.floor(now / DAY) * DAY + 14 * DAY + 1 * 3600_000; // 09:00 in Nanjing, two weeks on
  const endsAt = startsAt + 4 * DAY + 7 * 3600_000;
  const pastStart = Math.floor(now / DAY) * DAY - 30 * DAY + 1 * 3600_000;
  const pastEnd = pastStart + 3 * 3600_000;
  const activity = (title: string, description: string, from: number, to: number, state: string, place: string) =>
    d1
      .prepare(
        `INSERT INTO activities (club_id, program_key, title, description, responsible_member_id, starts_at, ends_at, place, capacity,
           waitlist, max_places_per_member, audience, state, expected_participants, surplus_rate_percent, fee_fen, approved_by, approved_at, checkin_token)
         VALUES (NULL, 'kids-troupe', ?, ?, ?, ?, ?, ?, 20, 1, 3, 'children', ?, 16, 8, 3000, ?, ?, ?)`,
      )
      .bind(
        title,
        description,
        organiser,
        iso(from),
        iso(to),
        place,
        state,
        admin,
        iso(from - 20 * DAY),
        crypto.randomUUID().replace(/-/g, ''),
      );
  await d1.batch([
    activity(
      '暑期少儿团·七月自然营',
      '五天上午的自然观察和手工，家长轮流值班；请带水壶和帽子。',
      startsAt,
      endsAt,
      'open',
      '翠竹园社区活动中心',
    ),
    activity('少儿团·雨花石寻宝徒步', '沿小区绿道认植物、找石头，结束时在凉亭分享。', pastStart, pastEnd, 'held', '翠竹园中心绿地'),
  ]);
  const ids = await d1
    .prepare("SELECT id FROM activities WHERE program_key = 'kids-troupe' AND audience = 'children' ORDER BY id DESC LIMIT 2")
    .all<{ id: number }>();
  const [pastId, campId] = ids.results.map((r) => r.id) as [number, number];

  const kids: [number, string, string][] = [
    [resident, '王小禾', '2016-05'],
    [resident, '王小苗', '2019-09'],
    [n4, '黄一诺', '2017-03'],
    [n6, '徐可乐', '2015-11'],
    [n8, '朱朵朵', '2018-07'],
  ];
  const notes = ['', '对芒果过敏', '', '有哮喘，随身带喷雾', ''];
  const contacts = [
    ['王奶奶', '13912340001'],
    ['王奶奶', '13912340001'],
    ['黄爷爷', '13912340002'],
    ['徐妈妈', '13912340003'],
    ['朱爸爸', '13912340004'],
  ];
  const statements = [
    ...kids.map(([g, name, born]) =>
      d1.prepare('INSERT INTO children (guardian_member_id, name, birth_month) VALUES (?, ?, ?)').bind(g, name, born),
    ),
  ];
  const place = (activityId: number, i: number, checkedIn: boolean) => {
    const [g, name] = kids[i]!;
    return [
      d1
        .prepare(
          "INSERT INTO signups (activity_id, member_id, participant, is_child, status, checked_in_at) VALUES (?, ?, ?, 1, 'confirmed', ?)",
        )
        .bind(activityId, g, name, checkedIn ? iso(pastStart + 600_000) : null),
      d1
        .prepare(
          `INSERT INTO child_signups (signup_id, child_id) SELECT s.id, c.id FROM signups s, children c
            WHERE s.activity_id = ? AND s.member_id = ? AND s.participant = ? AND c.guardian_member_id = ? AND c.name = ?`,
        )
        .bind(activityId, g, name, g, name),
    ];
  };
  const consent = (activityId: number, title: string, ends: number, i: number) => {
    const [g, name] = kids[i]!;
    const [cName, cPhone] = contacts[i]!;
    return d1
      .prepare(
        `INSERT INTO child_consents (target_kind, target_id, child_id, given_by, given_at, purpose, emergency_name, emergency_phone, needs_note, details_until)
         SELECT 'activity', ?, c.id, ?, ?, ?, ?, ?, ?, ? FROM children c WHERE c.guardian_member_id = ? AND c.name = ?`,
      )
      .bind(activityId, g, iso(now - (5 - i) * DAY), title, cName, cPhone, notes[i]!, detailsUntil(iso(ends), TZ), g, name);
  };
  for (const i of [0, 1, 2, 3]) statements.push(...place(campId, i, false), consent(campId, '暑期少儿团·七月自然营', endsAt, i));
  for (const i of [0, 2, 4]) statements.push(...place(pastId, i, true), consent(pastId, '少儿团·雨花石寻宝徒步', pastEnd, i));
  const allItems = safetyItemKeys.join(',');
  statements.push(
    d1
      .prepare(
        "INSERT INTO safety_checks (target_kind, target_id, checked_items, adult_name, adult_phone, updated_by) VALUES ('activity', ?, ?, '林月', '13912340010', ?)",
      )
      .bind(campId, allItems, organiser),
    d1
      .prepare(
        "INSERT INTO safety_checks (target_kind, target_id, checked_items, adult_name, adult_phone, updated_by, headcount_start, headcount_end) VALUES ('activity', ?, ?, '林月', '13912340010', ?, 3, 3)",
      )
      .bind(pastId, allItems, organiser),
  );
  // The rota: each morning of the camp needs two parents; some are already claimed.
  for (let d = 0; d < 5; d++)
    statements.push(
      d1
        .prepare('INSERT INTO rota_days (activity_id, day, needed, note) VALUES (?, ?, 2, ?)')
        .bind(campId, date(startsAt + d * DAY), d === 2 ? '上午外出，需会游泳的家长' : '上午'),
    );
  for (const [d, g] of [
    [0, resident],
    [0, n4],
    [1, n6],
    [3, resident],
  ] as const)
    statements.push(
      d1
        .prepare('INSERT INTO rota_claims (rota_day_id, member_id) SELECT id, ? FROM rota_days WHERE activity_id = ? AND day = ?')
        .bind(g, campId, date(startsAt + d * DAY)),
    );

  // 小小建筑师: redesigning the disused terrace above the clubhouse; the finished design went to the joint meeting.
  const projectStart = now - 60 * DAY;
  statements.push(
    d1
      .prepare("INSERT INTO architect_projects (title, summary, lead_member_id, created_at) VALUES ('会所屋顶露台改造', ?, ?, ?)")
      .bind('孩子们调研闲置的会所屋顶露台，画图、做模型，提出一个大家都能用的改造方案。', organiser, iso(projectStart)),
    d1
      .prepare(
        `INSERT INTO issues (title, description, category, raised_by, state, created_at, state_since)
         VALUES ('会所屋顶露台改造：方案设计', ?, 'facilities', ?, 'raised', ?, ?)`,
      )
      .bind(
        '小小建筑师「会所屋顶露台改造」的设计：一块种植区、一处遮阳座椅和儿童涂鸦墙，附模型照片和三张图纸。\n\n项目页：/little-architects',
        organiser,
        iso(now - 10 * DAY),
        iso(now - 10 * DAY),
      ),
    d1
      .prepare(
        "INSERT INTO issue_events (issue_id, from_state, to_state, actor_member_id, at) SELECT MAX(id), NULL, 'raised', ?, ? FROM issues WHERE raised_by = ?",
      )
      .bind(organiser, iso(now - 10 * DAY), organiser),
  );
  const stages = [
    ['实地调研', -55, -45, '露台测量草图、居民访谈记录 12 份', true, false],
    ['方案设计', -40, -12, '种植区、遮阳座椅和涂鸦墙的方案图三张，纸板模型一个', true, true],
    ['模型完善与展示', 5, 30, '1:50 模型，在社区活动中心展示一周', false, false],
  ] as const;
  for (const [i, [title, from, to, output, finished, raised]] of stages.entries())
    statements.push(
      d1
        .prepare(
          `INSERT INTO architect_stages (project_id, position, title, starts_on, ends_on, output, state, finished_at, issue_id)
           SELECT p.id, ?, ?, ?, ?, ?, ?, ?, ${raised ? '(SELECT MAX(id) FROM issues WHERE raised_by = ?)' : 'NULL + ?'}
             FROM architect_projects p WHERE p.title = '会所屋顶露台改造'`,
        )
        .bind(
          i + 1,
          title,
          date(now + from * DAY),
          date(now + to * DAY),
          output,
          finished ? 'finished' : 'planned',
          finished ? iso(now + to * DAY) : null,
          organiser,
        ),
    );
  await d1.batch(statements);
  // The text links to the project page by its number, now that it has one.
  await d1
    .prepare(
      "UPDATE issues SET description = description || '/' || (SELECT id FROM architect_projects WHERE title = '会所屋顶露台改造') WHERE title = '会所屋顶露台改造：方案设计'",
    )
    .run();
}
