// Generates SQL for the program tools of the benchmark's large community: 明志书屋 (3,000 titles, their copies,
// 20,000 loans over two years, reservations, a duty roster), 彩虹屋 (2,000 donated items, their sales and daily
// closings), a needs register of about 1,000 needs, 社区大学's 200 courses with 2,000 enrolments (generate-courses.mjs),
// 居家养老's 150 elders with 10,000 visits and their time bank (generate-care.mjs), and four outside partnerships
// (generate-partnerships.mjs). Deterministic for a given seed and `now`.

import { BENCH_CARE_COORDINATOR, care } from './generate-care.mjs';
import { courses } from './generate-courses.mjs';
import { partnershipsWith } from './generate-partnerships.mjs';
import { DAY, inserts, iso, localDate, rng } from './generate-sql.mjs';
import { needsRegister, shop } from './generate-shop-needs.mjs';

/** The member who holds the librarian's and the shop volunteer's roles in the benchmark (bench-user-5). */
export const BENCH_LIBRARIAN = 5;

const titleWords = [
  '城南',
  '旧事',
  '小王子',
  '边城',
  '活着',
  '围城',
  '平凡',
  '世界',
  '家',
  '春',
  '秋',
  '呼兰河',
  '繁星',
  '朝花',
  '夕拾',
  '白鹿原',
];
const titleTails = ['', '（插图本）', '新编', '故事集', '随笔', '童话', '札记', '手记'];
const authors = [
  '林海音',
  '沈从文',
  '余华',
  '钱锺书',
  '路遥',
  '巴金',
  '萧红',
  '冰心',
  '鲁迅',
  '陈忠实',
  '汪曾祺',
  '丰子恺',
  '叶圣陶',
  '老舍',
];
const publishers = ['人民文学出版社', '江苏凤凰文艺出版社', '译林出版社', '南京大学出版社', '中华书局', '少年儿童出版社'];
const bookCategories = ['children', 'literature', 'society', 'life', 'science', 'other'];
const shelfPrefix = { children: 'C', literature: 'L', society: 'S', life: 'H', science: 'K', other: 'Z' };

function isbn13(n) {
  const body = `978${String(7000000000 + n).slice(1)}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function library({ households, now, random, pick, titles = 3000, loans = 20000 }) {
  const sql = [];
  const member = () => 2 + pick(households);
  const today = localDate(now);
  const titleRows = [];
  const copyRows = [];
  for (let id = 1; id <= titles; id++) {
    const category = bookCategories[pick(bookCategories.length)];
    const donor = random() < 0.4 ? `居民${member()}` : null;
    titleRows.push([
      id,
      `${titleWords[pick(titleWords.length)]}${titleWords[pick(titleWords.length)]}${titleTails[pick(titleTails.length)]}·${id}`,
      authors[pick(authors.length)],
      random() < 0.9 ? isbn13(id) : null,
      publishers[pick(publishers.length)],
      1980 + pick(46),
      category,
      donor,
      donor && random() < 0.5 ? 1 : 0,
      BENCH_LIBRARIAN,
      iso(now - (1 + pick(900)) * DAY),
    ]);
    const copies = random() < 0.5 ? 1 : 2;
    for (let k = 0; k < copies; k++) {
      const copyId = copyRows.length + 1;
      copyRows.push([copyId, id, `${shelfPrefix[category]}-${String(copyId).padStart(4, '0')}`, random() < 0.8 ? 'good' : 'worn']);
    }
  }
  sql.push(
    ...inserts(
      'library_titles',
      ['id', 'title', 'author', 'isbn', 'publisher', 'year', 'category', 'donor_name', 'donor_thanked', 'added_by', 'created_at'],
      titleRows,
    ),
  );
  sql.push(...inserts('library_copies', ['id', 'title_id', 'shelf_mark', 'condition'], copyRows));

  // Loans: each copy is lent in turn over two years; a loan returned more than six months ago has forgotten its borrower.
  const eraseBefore = localDate(now - 182 * DAY);
  const loanRows = [];
  const openBy = new Map();
  const borrowersByMonth = new Map();
  const openCopies = new Set();
  const perCopy = loans / copyRows.length;
  for (const [copyId] of copyRows) {
    const count = Math.max(1, Math.round(perCopy * (0.5 + random())));
    const span = (730 * DAY) / count;
    for (let k = 0; k < count && loanRows.length < loans; k++) {
      const lentAt = now - 730 * DAY + k * span + pick(Math.max(1, Math.floor(span / DAY / 3))) * DAY + 3600_000 * (2 + pick(8));
      const last = k === count - 1;
      const keep = 5 + pick(40);
      let borrower = member();
      if (last && lentAt > now - 60 * DAY && random() < 0.5) {
        if ((openBy.get(borrower) ?? 0) >= 3) borrower = member();
        if ((openBy.get(borrower) ?? 0) >= 3) continue;
        openBy.set(borrower, (openBy.get(borrower) ?? 0) + 1);
        openCopies.add(copyId);
        loanRows.push([copyId, borrower, iso(lentAt), localDate(lentAt), localDate(lentAt + 30 * DAY), 0, BENCH_LIBRARIAN, null, null, 0]);
        continue;
      }
      const returnedAt = Math.min(lentAt + keep * DAY, now - 3600_000);
      const returnedOn = localDate(returnedAt);
      const month = localDate(lentAt).slice(0, 7);
      if (!borrowersByMonth.has(month)) borrowersByMonth.set(month, new Set());
      borrowersByMonth.get(month).add(borrower);
      loanRows.push([
        copyId,
        returnedOn < eraseBefore ? null : borrower,
        iso(lentAt),
        localDate(lentAt),
        localDate(lentAt + 30 * DAY),
        keep > 30 && random() < 0.3 ? 1 : 0,
        BENCH_LIBRARIAN,
        iso(returnedAt),
        returnedOn,
        keep > 30 ? 1 : 0,
      ]);
    }
  }
  const loanColumns = [
    'copy_id',
    'member_id',
    'lent_at',
    'lent_on',
    'due_on',
    'renewals',
    'lent_by',
    'returned_at',
    'returned_on',
    'reminder_stage',
  ];
  sql.push(...inserts('library_loans', loanColumns, loanRows, 300));
  const erasedMonths = [...borrowersByMonth].filter(([m]) => m < eraseBefore.slice(0, 7));
  sql.push(
    ...inserts(
      'library_borrower_months',
      ['month', 'borrowers'],
      erasedMonths.map(([m, s]) => [m, s.size]),
    ),
  );

  // Reservations: people wait for titles whose copies are all out; older ones were fulfilled or cancelled.
  const reservationRows = [];
  const open = new Set();
  const titleOfCopy = (copyId) => copyRows[copyId - 1][1];
  const outTitles = [...new Set([...openCopies].map(titleOfCopy))];
  for (const titleId of outTitles) {
    const copies = copyRows.filter((c) => c[1] === titleId).map((c) => c[0]);
    if (!copies.every((c) => openCopies.has(c)) || random() < 0.5) continue;
    for (let k = 1 + pick(3); k > 0; k--) {
      const who = member();
      if (open.has(`${titleId}:${who}`)) continue;
      open.add(`${titleId}:${who}`);
      reservationRows.push([titleId, who, iso(now - pick(20) * DAY - pick(86400) * 1000), 'waiting', null, null, null, null]);
    }
  }
  let held = 0;
  for (const [copyId, titleId] of copyRows) {
    if (held >= 40 || openCopies.has(copyId) || random() < 0.9) continue;
    const who = member();
    if (open.has(`${titleId}:${who}`)) continue;
    open.add(`${titleId}:${who}`);
    held++;
    reservationRows.push([titleId, who, iso(now - 10 * DAY), 'held', copyId, iso(now - DAY), iso(now + 2 * DAY), null]);
  }
  for (let k = 0; k < 2500; k++) {
    const created = now - (1 + pick(700)) * DAY;
    const closed = created + (1 + pick(20)) * DAY;
    reservationRows.push([
      1 + pick(titles),
      localDate(closed) < eraseBefore ? null : member(),
      iso(created),
      random() < 0.8 ? 'fulfilled' : 'cancelled',
      null,
      null,
      null,
      iso(Math.min(closed, now - DAY)),
    ]);
  }
  sql.push(
    ...inserts(
      'library_reservations',
      ['title_id', 'member_id', 'created_at', 'status', 'held_copy_id', 'held_at', 'held_until', 'closed_at'],
      reservationRows,
    ),
  );
  const cardRows = [];
  for (let id = 2; id <= households + 1; id += 3) cardRows.push([id, String(1000000000 + id * 7919)]);
  sql.push(...inserts('library_cards', ['member_id', 'card_number'], cardRows));

  // Duty roster: Wednesday evening and Saturday morning and afternoon, a year back and a month ahead, two places each.
  const slotRows = [];
  const claimRows = [];
  const hourRows = [];
  const librarians = Array.from({ length: 12 }, (_, i) => (i === 0 ? BENCH_LIBRARIAN : member()));
  const startDay = Date.parse(`${localDate(now - 365 * DAY)}T00:00:00+08:00`);
  for (let d = startDay; d < now + 35 * DAY; d += DAY) {
    const weekday = new Date(d + 8 * 3600_000).getUTCDay();
    const shifts =
      weekday === 3
        ? [[19, 21]]
        : weekday === 6
          ? [
              [9, 12],
              [14, 17],
            ]
          : [];
    for (const [from, to] of shifts) {
      const slotId = slotRows.length + 1;
      const startsAt = d + from * 3600_000;
      slotRows.push([slotId, iso(startsAt), iso(d + to * 3600_000), 2, BENCH_LIBRARIAN]);
      const first = librarians[pick(librarians.length)];
      const second = librarians[pick(librarians.length)];
      for (const who of first === second ? [first] : [first, second]) {
        if (startsAt > now && random() < 0.4) continue;
        const past = startsAt < now;
        claimRows.push([
          slotId,
          who,
          past ? 'confirmed' : 'held',
          iso(startsAt - 20 * DAY),
          past ? BENCH_LIBRARIAN : null,
          past ? iso(startsAt + 4 * 3600_000) : null,
        ]);
        if (past)
          hourRows.push([
            who,
            'library',
            localDate(startsAt),
            (to - from) * 60,
            '明志书屋值班',
            BENCH_LIBRARIAN,
            iso(startsAt + 4 * 3600_000),
          ]);
      }
    }
  }
  sql.push(...inserts('library_duty_slots', ['id', 'starts_at', 'ends_at', 'places', 'created_by'], slotRows));
  sql.push(...inserts('library_duty_claims', ['slot_id', 'member_id', 'status', 'claimed_at', 'confirmed_by', 'confirmed_at'], claimRows));
  sql.push(
    ...inserts('volunteer_hours', ['member_id', 'program_key', 'served_on', 'minutes', 'note', 'recorded_by', 'confirmed_at'], hourRows),
  );
  return { sql, facts: { today, loans: loanRows.length, copies: copyRows.length } };
}

/** The tools' SQL, for a community with `households` members (ids 2…households+1), `activities` and `clubs`. */
export function generateToolsSql({ households, activities, clubs, now, seed = 7 }) {
  const random = rng(seed);
  const pick = (n) => Math.floor(random() * n);
  const ctx = { households, now, random, pick, activities, clubs };
  const roles = [
    [BENCH_LIBRARIAN, 'librarian', '', 'bench'],
    [BENCH_LIBRARIAN, 'shop-volunteer', '', 'bench'],
    [BENCH_CARE_COORDINATOR, 'care-coordinator', '', 'bench'],
  ];
  return [
    ...inserts('member_roles', ['member_id', 'role', 'party_key', 'granted_by'], roles),
    ...library(ctx).sql,
    ...shop(ctx).sql,
    ...needsRegister(ctx).sql,
    ...courses(ctx).sql,
    ...care(ctx).sql,
    ...partnershipsWith(ctx).sql,
  ].join('\n');
}
