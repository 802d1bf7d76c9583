import { tenantDb } from '../db/client';
import { eraseOldLoans } from '../community/library/daily';
import { addDays, instantAt, isbn13CheckDigit, nextMonth } from '../community/library/rules';
import { wallClock } from '../community/profile/rules';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

/** A small deterministic generator, so the demo's catalogue is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TZ = 'Asia/Shanghai';
const DAY = 86400_000;

/** Words the demo's titles are made of, per shelf; with the number of authors and publishers they make a few hundred books. */
const shelves = {
  children: {
    mark: 'C',
    subjects: ['小熊', '月亮', '狐狸', '小船', '灯塔', '恐龙', '蒲公英', '小兔', '星星', '大象'],
    forms: ['的旅行', '去上学', '和好朋友', '找妈妈', '的秘密花园', '绘本故事', '的一天'],
  },
  literature: {
    mark: 'L',
    subjects: ['南京', '江南', '雨巷', '老街', '长江', '梧桐', '秦淮', '竹林', '故乡', '小城'],
    forms: ['往事', '散文集', '人家', '岁月', '的四季', '短篇小说选', '诗选'],
  },
  society: {
    mark: 'S',
    subjects: ['社区', '邻里', '城市', '乡村', '家庭', '公益', '志愿者', '中国', '街道', '教育'],
    forms: ['观察', '十讲', '简史', '的力量', '笔记', '与治理'],
  },
  life: {
    mark: 'H',
    subjects: ['家常菜', '阳台种菜', '收纳', '养花', '旅行', '手工', '茶', '烘焙', '健身', '育儿'],
    forms: ['入门', '一本通', '四季指南', '小窍门', '全书'],
  },
  science: {
    mark: 'K',
    subjects: ['宇宙', '昆虫', '天气', '人体', '海洋', '植物', '数学', '鸟类', '地球', '机器人'],
    forms: ['百问', '图鉴', '的奥秘', '趣谈', '探索'],
  },
} as const;

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何'];
const givenNames = ['晓明', '文静', '建华', '雅琴', '志远', '若水', '海燕', '春生', '一鸣', '思源', '秋云', '嘉禾', '明轩', '慧敏'];
/** Publishers with their ISBN group-7 publisher codes, as printed on Chinese books. */
const publishers = [
  ['人民文学出版社', '02'],
  ['译林出版社', '5447'],
  ['江苏凤凰少年儿童出版社', '5584'],
  ['生活·读书·新知三联书店', '108'],
  ['中信出版社', '5086'],
  ['科学普及出版社', '110'],
  ['南京大学出版社', '305'],
] as const;
const donors = ['3栋 刘阿姨', '翠竹园小学家委会', '12栋 陈先生', '玉兰山庄读书会', '7栋 黄老师'];

/** An ISBN-13 of publisher `code` with a title number filling the nine digits after 978-7. */
function isbnOf(code: string, n: number) {
  const first12 = `9787${code}${String(n).padStart(8 - code.length, '0')}`;
  return first12 + isbn13CheckDigit(first12);
}

const sqlString = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
/** Multi-row inserts of generated rows (inlined literals: D1 binds at most 100 parameters a statement). */
function inserts(table: string, columns: string[], rows: (string | number | null)[][], chunk = 100) {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${r.map(sqlString).join(', ')})`);
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`);
  }
  return out;
}

/**
 * 明志书屋 in the demo's 翠竹园: a catalogue of a few hundred donated books, a year of loans (returned, out, overdue;
 * those returned long enough ago already erased), reservations with one copy kept for the resident persona, the
 * duty roster of this month and the next with served shifts confirmed into volunteer hours, and the contact
 * persona (李建国) and a neighbour appointed librarians. Runs once: while the catalogue is empty.
 */
export async function seedDemoLibrary(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const seen = await d1.prepare('SELECT COUNT(*) AS n FROM library_titles').first<{ n: number }>();
  if ((seen?.n ?? 0) > 0) return;
  const { results: people } = await d1
    .prepare("SELECT id, user_id AS userId FROM members WHERE status = 'active' ORDER BY id")
    .all<{ id: number; userId: string }>();
  const idOf = (userId: string) => people.find((p) => p.userId === userId)?.id ?? null;
  const contact = idOf('demo-contact');
  const admin = idOf('demo-admin');
  const resident = idOf('demo-resident');
  const neighbour = idOf('demo-neighbour-5');
  if (!contact || !admin || !resident) return;
  const rand = random(20240601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;

  // The catalogue: titles numbered in order, one or two copies each, shelf marks per shelf.
  const titles: (string | number | null)[][] = [];
  const copies: (string | number | null)[][] = [];
  const seenTitles = new Set<string>();
  let copyId = 0;
  const marks: Record<string, number> = {};
  for (const [category, shelf] of Object.entries(shelves)) {
    for (const subject of shelf.subjects) {
      for (const form of shelf.forms) {
        if (rand() < 0.2) continue;
        const title = `${subject}${form}`;
        if (seenTitles.has(title)) continue;
        seenTitles.add(title);
        const id = titles.length + 1;
        const [publisher, code] = pick(publishers);
        const donated = rand() < 0.35;
        const added = new Date(now - Math.floor(330 + rand() * 30 - (id / 400) * 300) * DAY).toISOString();
        titles.push([
          id,
          title,
          `${pick(surnames)}${pick(givenNames)}`,
          isbnOf(code, 10000 + id * 7),
          publisher,
          2008 + Math.floor(rand() * 17),
          category,
          donated ? pick(donors) : null,
          donated && rand() < 0.7 ? 1 : 0,
          admin,
          added,
        ]);
        for (let k = rand() < 0.3 ? 2 : 1; k > 0; k--) {
          copyId++;
          marks[shelf.mark] = (marks[shelf.mark] ?? 0) + 1;
          copies.push([copyId, id, `${shelf.mark}-${String(marks[shelf.mark]).padStart(4, '0')}`, rand() < 0.15 ? 'worn' : 'good', added]);
        }
      }
    }
  }

  // A year of loans: more each month as the library grows; nearly all returned, most on time.
  const borrowers = people.filter((p) => p.userId !== 'demo-admin' && p.userId !== 'demo-resident').map((p) => p.id);
  const loans: (string | number | null)[][] = [];
  const busyUntil = new Map<number, number>();
  const today = wallClock(now, TZ).date;
  for (let daysAgo = 360; daysAgo >= 1; daysAgo--) {
    const perDay = Math.round((1 + (360 - daysAgo) / 90) * rand());
    for (let n = 0; n < perDay; n++) {
      const copy = 1 + Math.floor(rand() * copies.length);
      const lentAt = now - daysAgo * DAY + Math.floor(rand() * 8) * 3600_000;
      if ((busyUntil.get(copy) ?? 0) > lentAt) continue;
      const lentOn = wallClock(lentAt, TZ).date;
      const dueOn = addDays(lentOn, 30);
      const keptDays = Math.floor(7 + rand() * 33);
      const returnedAt = lentAt + keptDays * DAY;
      const member = pick(borrowers);
      const out = returnedAt > now - DAY;
      // A few loans stay out past their due day (the overdue ones the reminders are about).
      const overdue = out && dueOn < today;
      if (out && !overdue && rand() < 0.5) continue;
      busyUntil.set(copy, out ? Number.MAX_SAFE_INTEGER : returnedAt);
      const stage = overdue ? 2 : 0;
      loans.push([
        copy,
        member,
        new Date(lentAt).toISOString(),
        lentOn,
        dueOn,
        contact,
        out ? null : new Date(returnedAt).toISOString(),
        out ? null : wallClock(returnedAt, TZ).date,
        stage,
      ]);
    }
  }
  // The resident persona has two books out, one due in a few days.
  const free = (from: number) => {
    for (let c = from; c <= copies.length; c++) if ((busyUntil.get(c) ?? 0) < now) return c;
    return from;
  };
  for (const [copy, daysAgo] of [
    [free(3), 27],
    [free(40), 5],
  ] as const) {
    busyUntil.set(copy, Number.MAX_SAFE_INTEGER);
    const lentOn = wallClock(now - daysAgo * DAY, TZ).date;
    loans.push([copy, resident, new Date(now - daysAgo * DAY).toISOString(), lentOn, addDays(lentOn, 30), contact, null, null, 0]);
  }

  // Reservations: waiting on titles that are all out; the resident persona's reserved book came back yesterday.
  const outTitles = [
    ...new Set(copies.filter((c) => busyUntil.get(c[0] as number) === Number.MAX_SAFE_INTEGER).map((c) => c[1] as number)),
  ];
  const heldCopy = free(80);
  const heldTitle = copies[heldCopy - 1]?.[1] as number;
  const reservations: (string | number | null)[][] = outTitles
    .filter((t) => t !== heldTitle)
    .slice(0, 4)
    .map((t, i) => [
      t,
      borrowers[(i * 5 + 3) % borrowers.length] ?? resident,
      new Date(now - (i + 2) * DAY).toISOString(),
      'waiting',
      null,
      null,
      null,
    ]);
  const heldAt = now - DAY;
  reservations.push([
    heldTitle,
    resident,
    new Date(now - 9 * DAY).toISOString(),
    'held',
    heldCopy,
    new Date(heldAt).toISOString(),
    new Date(heldAt + 3 * DAY).toISOString(),
  ]);

  // The duty roster: Tuesday evening and Saturday morning, two a shift, this month and next.
  const month = today.slice(0, 7);
  const slots: { startsAt: string; endsAt: string }[] = [];
  for (const m of [month, nextMonth(month)]) {
    for (let date = `${m}-01`; date.startsWith(m); date = addDays(date, 1)) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 2) slots.push({ startsAt: instantAt(date, '19:00', TZ), endsAt: instantAt(date, '21:00', TZ) });
      if (weekday === 6) slots.push({ startsAt: instantAt(date, '09:30', TZ), endsAt: instantAt(date, '11:30', TZ) });
    }
  }
  const volunteers = [...new Set([contact, neighbour ?? contact, ...borrowers.slice(6, 10)])];
  const statements = [
    `INSERT OR IGNORE INTO member_roles (member_id, role, party_key, granted_by) VALUES (${contact}, 'librarian', '', 'demo-seed')${neighbour ? `, (${neighbour}, 'librarian', '', 'demo-seed')` : ''}`,
    ...inserts(
      'library_titles',
      ['id', 'title', 'author', 'isbn', 'publisher', 'year', 'category', 'donor_name', 'donor_thanked', 'added_by', 'created_at'],
      titles,
    ),
    ...inserts('library_copies', ['id', 'title_id', 'shelf_mark', 'condition', 'created_at'], copies),
    ...inserts(
      'library_loans',
      ['copy_id', 'member_id', 'lent_at', 'lent_on', 'due_on', 'lent_by', 'returned_at', 'returned_on', 'reminder_stage'],
      loans,
    ),
    ...inserts(
      'library_reservations',
      ['title_id', 'member_id', 'created_at', 'status', 'held_copy_id', 'held_at', 'held_until'],
      reservations,
    ),
    ...inserts(
      'library_duty_slots',
      ['starts_at', 'ends_at', 'places', 'created_by'],
      slots.map((s) => [s.startsAt, s.endsAt, 2, contact]),
    ),
  ];
  await d1.batch(statements.map((s) => d1.prepare(s)));

  // Volunteers on the roster: past shifts served and confirmed into hours by the other librarian, future ones claimed
  // with a few places left, and one shift offered for a swap.
  const { results: slotRows } = await d1
    .prepare('SELECT id, starts_at AS startsAt, ends_at AS endsAt FROM library_duty_slots ORDER BY starts_at')
    .all<{ id: number; startsAt: string; endsAt: string }>();
  const claims: (string | number | null)[][] = [];
  const hours: (string | number | null)[][] = [];
  slotRows.forEach((slot, i) => {
    const past = Date.parse(slot.endsAt) <= now;
    const takers = past ? 2 : i % 3 === 0 ? 0 : 1 + (i % 2);
    const taken = new Set<number>();
    for (let k = 0; k < takers; k++) {
      const who = volunteers[(i + k * 3) % volunteers.length] as number;
      if (taken.has(who)) continue;
      taken.add(who);
      const confirmer = who === contact ? (neighbour ?? admin) : contact;
      const status = past ? 'confirmed' : i % 5 === 1 && k === 0 ? 'offered' : 'held';
      claims.push([slot.id, who, status, past ? confirmer : null, past ? slot.endsAt : null]);
      if (past) hours.push([who, 'library', wallClock(slot.startsAt, TZ).date, 120, '明志书屋值班', confirmer, slot.endsAt]);
    }
  });
  await d1.batch(
    [
      ...inserts('library_duty_claims', ['slot_id', 'member_id', 'status', 'confirmed_by', 'confirmed_at'], claims),
      ...inserts('volunteer_hours', ['member_id', 'program_key', 'served_on', 'minutes', 'note', 'recorded_by', 'confirmed_at'], hours),
    ].map((s) => d1.prepare(s)),
  );
  // Loans returned long enough ago forget their borrowers, as the daily pass would have done.
  await eraseOldLoans(tenantDb(d1), 6, now);
}
