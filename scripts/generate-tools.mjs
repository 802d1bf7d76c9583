// Generates SQL for the program tools of the benchmark's large community: 明志书屋 (3,000 titles, their copies,
// 20,000 loans over two years, reservations, a duty roster), 彩虹屋 (2,000 donated items, their sales and daily
// closings) and a needs register of about 1,000 needs. Deterministic for a given seed and `now`.

import { inserts, rng } from './generate-sql.mjs';

const DAY = 86400_000;
/** The community's clock (Asia/Shanghai, no daylight saving): local dates are UTC + 8 h. */
const localDate = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const iso = (ms) => new Date(ms).toISOString();

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

const itemNames = {
  clothing: ['儿童羽绒服', '毛衣', '连衣裙', '冲锋衣'],
  books: ['绘本一套', '字典', '小说三本', '教辅'],
  toys: ['积木', '毛绒熊', '拼图', '遥控车'],
  kitchen: ['电饭煲', '炒锅', '保温杯', '碗碟一套'],
  electronics: ['台灯', '收音机', '电风扇', '电子秤'],
  home: ['收纳箱', '靠垫', '挂钟', '花瓶'],
  sports: ['羽毛球拍', '跳绳', '瑜伽垫', '儿童自行车'],
  other: ['雨伞', '行李箱', '文具套装', '布袋'],
};

function shop({ households, now, random, pick, items = 2000 }) {
  const sql = [];
  const categories = Object.keys(itemNames);
  const bands = [200, 500, 1000, 2000];
  const itemRows = [];
  const saleRows = [];
  const days = new Map();
  for (let id = 1; id <= items; id++) {
    const category = categories[pick(categories.length)];
    const received = now - pick(365) * DAY - pick(36000) * 1000;
    const price = bands[pick(bands.length)];
    const roll = random();
    const status = received > now - 30 * DAY || roll < 0.2 ? 'in-stock' : roll < 0.85 ? 'sold' : roll < 0.95 ? 'passed-on' : 'recycled';
    const left = status === 'in-stock' ? null : Math.min(now - 3600_000, received + (1 + pick(40)) * DAY);
    const donor = random() < 0.5 ? 2 + pick(households) : null;
    itemRows.push([
      id,
      `${itemNames[category][pick(4)]}`,
      category,
      ['like-new', 'good', 'fair'][pick(3)],
      price,
      donor,
      donor ? null : random() < 0.5 ? `${['王', '李', '张', '刘'][pick(4)]}阿姨` : null,
      donor && random() < 0.6 ? 1 : 0,
      status,
      iso(received),
      BENCH_LIBRARIAN,
      left === null ? null : iso(left),
      left === null ? null : BENCH_LIBRARIAN,
      status === 'passed-on' ? '送给有需要的邻居' : null,
    ]);
    if (status === 'sold') {
      const day = localDate(left);
      saleRows.push([id, `bench-sale-${id}`, price, day, iso(left), BENCH_LIBRARIAN]);
      const d = days.get(day) ?? { count: 0, total: 0 };
      d.count++;
      d.total += price;
      days.set(day, d);
    }
  }
  const columns = ['id', 'title', 'category', 'condition', 'price_fen', 'donor_member_id', 'donor_name', 'donor_follows', 'status'];
  sql.push(...inserts('shop_items', [...columns, 'received_at', 'received_by', 'left_at', 'left_by', 'left_note'], itemRows));
  sql.push(...inserts('shop_sales', ['item_id', 'ref', 'price_fen', 'day', 'sold_at', 'sold_by'], saleRows));
  const closingRows = [...days]
    .filter(([day]) => day < localDate(now))
    .map(([day, d]) => {
      const difference = random() < 0.1 ? -100 : 0;
      return [
        day,
        `bench-close-${day}`,
        d.count,
        d.total,
        d.total + difference,
        difference,
        difference ? '少了一元' : '',
        'hub',
        BENCH_LIBRARIAN,
      ];
    });
  sql.push(
    ...inserts(
      'shop_closings',
      ['day', 'ref', 'sales_count', 'system_total_fen', 'counted_fen', 'difference_fen', 'note', 'fund_key', 'closed_by'],
      closingRows,
    ),
  );
  return { sql };
}

const needTitles = {
  learning: '想给孩子找英语陪读',
  elderly: '独居老人需要每周探望',
  children: '暑假孩子托管',
  repairs: '楼道灯坏了想找人修',
  health: '希望组织健康讲座',
  'culture-sport': '想组建太极拳队',
  other: '求借梯子一用',
};

function needsRegister({ households, now, random, pick, activities, clubs, needs = 1000 }) {
  const sql = [];
  const categories = Object.keys(needTitles);
  const programs = ['library', 'charity-shop', 'elder-care', 'community-helps-community'];
  const needRows = [];
  const responseRows = [];
  const eventRows = [];
  for (let id = 1; id <= needs; id++) {
    const category = categories[pick(categories.length)];
    const created = now - pick(720) * DAY - pick(86400) * 1000;
    const poster = 2 + pick(households);
    const roll = random();
    const state = roll < 0.3 ? 'unclaimed' : roll < 0.45 ? 'claimed' : roll < 0.65 ? 'became-activity' : roll < 0.9 ? 'solved' : 'wont-do';
    const claimer = state === 'unclaimed' ? null : 2 + pick(households);
    const claimedAt = claimer ? Math.min(now - DAY, created + (1 + pick(30)) * DAY) : null;
    const closed = ['became-activity', 'solved', 'wont-do'].includes(state) ? Math.min(now - DAY, claimedAt + (1 + pick(30)) * DAY) : null;
    const solvedBy = state === 'solved' ? pick(3) : -1;
    const outcome = state === 'became-activity' ? 'activity' : solvedBy === 1 ? 'club' : solvedBy === 2 ? 'program-task' : null;
    const neighbour = random() < 0.1;
    needRows.push([
      id,
      `${needTitles[category]}（${id}）`,
      '住在本小区，希望邻居们帮帮忙。',
      category,
      neighbour ? 'neighbour' : ['self', 'family'][pick(2)],
      poster,
      neighbour && random() < 0.5 ? '孙奶奶' : null,
      state,
      claimer,
      claimedAt === null ? null : iso(claimedAt),
      outcome,
      outcome === 'activity' ? 1 + pick(activities - 100) : null,
      outcome === 'club' ? 1 + pick(clubs) : null,
      outcome === 'program-task' ? programs[pick(programs.length)] : null,
      closed === null ? null : state === 'wont-do' ? '目前没有条件' : '已经解决，谢谢大家',
      iso(closed ?? claimedAt ?? created),
      iso(created),
    ]);
    eventRows.push([id, null, 'unclaimed', poster, '', iso(created)]);
    if (claimedAt !== null) eventRows.push([id, 'unclaimed', 'claimed', claimer, '', iso(claimedAt)]);
    if (closed !== null) eventRows.push([id, 'claimed', state, claimer, '', iso(closed)]);
    const seen = new Set([poster]);
    for (let k = pick(6); k > 0; k--) {
      const who = 2 + pick(households);
      if (seen.has(who)) continue;
      seen.add(who);
      responseRows.push([id, who, random() < 0.7 ? 'me-too' : 'can-help', '', iso(created + (1 + pick(10)) * 3600_000)]);
    }
  }
  const columns = ['id', 'title', 'description', 'category', 'beneficiary', 'posted_by', 'on_behalf_name', 'state', 'claimed_by'];
  sql.push(
    ...inserts(
      'needs',
      [...columns, 'claimed_at', 'outcome', 'activity_id', 'club_id', 'program_key', 'closing_note', 'state_since', 'created_at'],
      needRows,
    ),
  );
  sql.push(...inserts('need_responses', ['need_id', 'member_id', 'kind', 'note', 'created_at'], responseRows));
  sql.push(...inserts('need_events', ['need_id', 'from_state', 'to_state', 'actor_member_id', 'note', 'at'], eventRows));
  return { sql };
}

/** The tools' SQL, for a community with `households` members (ids 2…households+1), `activities` and `clubs`. */
export function generateToolsSql({ households, activities, clubs, now, seed = 7 }) {
  const random = rng(seed);
  const pick = (n) => Math.floor(random() * n);
  const ctx = { households, now, random, pick, activities, clubs };
  const roles = [
    [BENCH_LIBRARIAN, 'librarian', '', 'bench'],
    [BENCH_LIBRARIAN, 'shop-volunteer', '', 'bench'],
  ];
  return [
    ...inserts('member_roles', ['member_id', 'role', 'party_key', 'granted_by'], roles),
    ...library(ctx).sql,
    ...shop(ctx).sql,
    ...needsRegister(ctx).sql,
  ].join('\n');
}
