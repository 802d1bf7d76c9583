import { wallClock } from '../community/profile/rules';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

const DAY = 86400_000;
const TZ = 'Asia/Shanghai';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Volunteers who visit, mostly young and middle-aged, with what they offer. */
const carers: { userId: string; band: string; skills: string; availability: string }[] = [
  { userId: 'demo-resident', band: '30-49', skills: '陪聊、教用智能手机', availability: '周六上午、工作日晚上' },
  { userId: 'demo-neighbour-4', band: 'under-30', skills: '代购买菜、修电脑', availability: '周末全天' },
  { userId: 'demo-neighbour-6', band: '30-49', skills: '开车陪同就医', availability: '周三下午、周日' },
  { userId: 'demo-neighbour-8', band: '30-49', skills: '做饭送餐、陪聊', availability: '工作日傍晚' },
  { userId: 'demo-neighbour-10', band: 'under-30', skills: '手机使用、读报', availability: '周末下午' },
  { userId: 'demo-neighbour-11', band: '50-64', skills: '家务帮忙、量血压', availability: '工作日上午' },
];

/** The elders: who registered them (a building contact, family or themself), their building, needs and habits. */
const elders = [
  {
    name: '王秀英',
    building: 1,
    flat: '1-302',
    by: 'demo-contact',
    as: 'building-contact',
    needs: 'companionship,phone-help',
    note: '独居，女儿在外地，喜欢聊越剧',
    times: '上午',
  },
  {
    name: '张桂兰',
    building: 1,
    flat: '1-601',
    by: 'demo-contact',
    as: 'building-contact',
    needs: 'clinic-escort,shopping',
    note: '高血压，每月去社区医院配药',
    times: '周三下午',
  },
  {
    name: '李德明',
    building: 2,
    flat: '2-201',
    by: 'demo-neighbour-2',
    as: 'building-contact',
    needs: 'companionship,housework',
    note: '老伴去年走了，话少，爱下象棋',
    times: '下午',
  },
  {
    name: '陈玉珍',
    building: 2,
    flat: '2-504',
    by: 'demo-neighbour-5',
    as: 'family',
    needs: 'meals,companionship',
    note: '腿脚不便，很少下楼',
    times: '中午前后',
  },
  {
    name: '刘福生',
    building: 3,
    flat: '3-102',
    by: 'demo-neighbour-3',
    as: 'building-contact',
    needs: 'phone-help,shopping',
    note: '想学用手机视频通话和孙子聊天',
    times: '周末',
  },
  {
    name: '赵淑芬',
    building: 3,
    flat: '3-403',
    by: 'demo-neighbour-7',
    as: 'family',
    needs: 'clinic-escort',
    note: '白内障术后复查',
    times: '工作日上午',
  },
  {
    name: '孙宝华',
    building: 4,
    flat: '4-702',
    by: 'demo-neighbour-12',
    as: 'self',
    needs: 'shopping,housework',
    note: '自己报名的，想有人帮忙搬米面油',
    times: '周六',
  },
  {
    name: '周凤兰',
    building: 5,
    flat: '5-301',
    by: 'demo-admin',
    as: 'family',
    needs: 'companionship,meals',
    note: '轻度健忘，煤气要提醒关',
    times: '傍晚',
  },
  {
    name: '吴国强',
    building: 4,
    flat: '4-105',
    by: 'demo-neighbour-1',
    as: 'family',
    needs: 'clinic-escort,phone-help',
    note: '糖尿病，需要陪同去医院拿药',
    times: '周三下午',
  },
  {
    name: '郑桂芝',
    building: 5,
    flat: '5-602',
    by: 'demo-admin',
    as: 'family',
    needs: 'companionship',
    note: '喜欢讲过去的故事，爱听评书',
    times: '下午',
  },
] as const;

const chores = [
  '陪聊了一个小时，一起看了老照片',
  '代购了一周的菜和牛奶',
  '教会用微信视频通话',
  '帮忙打扫厨房、换了灯泡',
  '陪同去社区医院量血压、配药',
  '送了饺子，一起吃了午饭',
  '读报、聊家常',
];
const notes = ['精神不错', '胃口好，说最近睡得香', '提到膝盖有点疼', '很开心，约了下周再来', '家里整洁，药按时吃了'];

/**
 * 居家养老 alive in the demo's 翠竹园: ten elders registered with consent by building contacts, family or themselves;
 * each paired with a volunteer (most under fifty, who gave their age band on the register); four months of visits,
 * the older ones confirmed into the time bank; two elders left too long without a visit; one concern followed up and
 * one still open; 何琳 appointed care coordinator; and the resident persona's gift of two banked hours to family.
 * Runs once: while there are no recipients.
 */
export async function seedDemoCare(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const seen = await d1.prepare('SELECT COUNT(*) AS n FROM care_recipients').first<{ n: number }>();
  if ((seen?.n ?? 0) > 0) return;
  const { results: people } = await d1
    .prepare("SELECT id, user_id AS userId FROM members WHERE status = 'active' ORDER BY id")
    .all<{ id: number; userId: string }>();
  const { results: buildingRows } = await d1.prepare('SELECT id FROM buildings ORDER BY position').all<{ id: number }>();
  const idOf = (userId: string) => people.find((p) => p.userId === userId)?.id ?? null;
  const admin = idOf('demo-admin');
  const coordinator = idOf('demo-neighbour-9');
  const resident = idOf('demo-resident');
  const family = idOf('demo-neighbour-3');
  if (!admin || !coordinator || !resident || !family || buildingRows.length === 0) return;
  const rand = random(20260401);
  const day = (daysAgo: number) => wallClock(now - daysAgo * DAY, TZ).date;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const statements: D1PreparedStatement[] = [
    d1
      .prepare(
        "INSERT OR IGNORE INTO member_roles (member_id, role, party_key, granted_by) VALUES (?, 'care-coordinator', '', 'demo-seed')",
      )
      .bind(coordinator),
  ];
  const volunteerIds: number[] = [];
  for (const c of carers) {
    const id = idOf(c.userId);
    if (!id) continue;
    volunteerIds.push(id);
    statements.push(
      d1.prepare('INSERT OR IGNORE INTO volunteers (member_id, skills, availability) VALUES (?, ?, ?)').bind(id, c.skills, c.availability),
      d1.prepare('UPDATE volunteers SET age_band = ? WHERE member_id = ? AND age_band IS NULL').bind(c.band, id),
    );
  }
  let visitId = 0;
  const bank: { member: number; minutes: number; visit: number; at: string }[] = [];
  elders.forEach((e, i) => {
    const recipientId = i + 1;
    const by = idOf(e.by) ?? admin;
    const building = buildingRows[(e.building - 1) % buildingRows.length]!.id;
    const registered = 120 + Math.floor(rand() * 10);
    statements.push(
      d1
        .prepare(
          `INSERT INTO care_recipients (id, name, building_id, household, phone, member_id, registered_by, registered_as, consent_how, consent_on,
             needs, needs_note, preferred_times, emergency_name, emergency_phone, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          recipientId,
          e.name,
          building,
          e.flat,
          `025-8${String(6100000 + i * 137).slice(0, 7)}`,
          e.as === 'self' ? by : null,
          by,
          e.as,
          e.as === 'self' ? 'self' : i % 3 === 0 ? 'written' : 'in-person',
          day(registered + 1),
          e.needs,
          e.note,
          e.times,
          `${e.name.slice(0, 1)}${['建华', '晓燕', '志强', '丽萍', '海涛'][i % 5]}（子女）`,
          `139${String(10000000 + i * 7919).slice(0, 8)}`,
          at(registered),
        ),
    );
    // The resident persona visits the first two; the others are paired in turn with younger volunteers first.
    const volunteer = i < 2 ? resident : (volunteerIds[1 + ((i - 2) % (volunteerIds.length - 1))] ?? resident);
    statements.push(
      d1
        .prepare('INSERT INTO care_pairings (recipient_id, volunteer_id, paired_by, paired_at) VALUES (?, ?, ?, ?)')
        .bind(recipientId, volunteer, coordinator, at(registered - 2)),
    );
    // Two elders have gone quiet: their last visit was three weeks ago or more.
    const lastGap = i === 3 ? 23 : i === 8 ? 19 : 1 + Math.floor(rand() * 8);
    for (let ago = lastGap; ago < registered - 5; ago += 7 + Math.floor(rand() * 6)) {
      visitId++;
      const minutes = [45, 60, 60, 90, 120][Math.floor(rand() * 5)]!;
      const confirmed = ago > 5;
      const concern = i === 5 && ago === lastGap;
      statements.push(
        d1
          .prepare(
            `INSERT INTO care_visits (id, recipient_id, volunteer_id, visited_on, minutes, done, observations, concern, follow_up, followed_up_by,
               followed_up_at, confirmed_by, confirmed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)`,
          )
          .bind(
            visitId,
            recipientId,
            volunteer,
            day(ago),
            minutes,
            chores[Math.floor(rand() * chores.length)]!,
            concern ? '说这几天头晕，血压计显示 165/100，家里没人' : notes[Math.floor(rand() * notes.length)]!,
            concern ? 1 : 0,
            confirmed ? coordinator : null,
            confirmed ? at(ago - 2) : null,
            at(ago),
          ),
      );
      if (confirmed) bank.push({ member: volunteer, minutes, visit: visitId, at: at(ago - 2) });
    }
  });
  // The concern followed up: 张桂兰 fell at home, six weeks ago; the coordinator called her son and arranged a check.
  visitId++;
  statements.push(
    d1
      .prepare(
        `INSERT INTO care_visits (id, recipient_id, volunteer_id, visited_on, minutes, done, observations, concern, follow_up, followed_up_by,
           followed_up_at, confirmed_by, confirmed_at, created_at) VALUES (?, 2, ?, ?, 60, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        visitId,
        resident,
        day(42),
        '陪同去社区医院配药',
        '前天在卫生间滑倒，手腕青肿，没告诉家人',
        '当天电话联系了她儿子；物业第二天在卫生间装了扶手，社区医生上门看过，无骨折',
        coordinator,
        at(41),
        coordinator,
        at(41),
        at(42),
      ),
  );
  bank.push({ member: resident, minutes: 60, visit: visitId, at: at(41) });
  for (const b of bank) {
    statements.push(
      d1
        .prepare("INSERT INTO time_bank_entries (member_id, kind, minutes, visit_id, note, created_at) VALUES (?, 'earned', ?, ?, '', ?)")
        .bind(b.member, b.minutes, b.visit, b.at),
    );
  }
  // The resident persona gives two banked hours to family, so their mother's household can ask for care.
  const key = 'demo-gift-1';
  statements.push(
    d1
      .prepare(
        "INSERT INTO time_bank_entries (member_id, kind, minutes, counterpart_id, transfer_key, note, created_at) VALUES (?, 'gift-out', -120, ?, ?, '给妈妈', ?)",
      )
      .bind(resident, family, key, at(10)),
    d1
      .prepare(
        "INSERT INTO time_bank_entries (member_id, kind, minutes, counterpart_id, transfer_key, note, created_at) VALUES (?, 'gift-in', 120, ?, ?, '给妈妈', ?)",
      )
      .bind(family, resident, key, at(10)),
  );
  await d1.batch(statements);
}
