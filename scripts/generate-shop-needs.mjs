// The benchmark community's 彩虹屋 (2,000 donated items, their sales and daily closings) and needs register
// (about 1,000 needs with their responses and steps); generate-tools.mjs calls these with its random source.

import { DAY, inserts, iso, localDate } from './generate-sql.mjs';

/** The member who receives, sells and closes the day (bench-user-5, who is also the librarian). */
const VOLUNTEER = 5;

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

export function shop({ households, now, random, pick, items = 2000 }) {
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
      VOLUNTEER,
      left === null ? null : iso(left),
      left === null ? null : VOLUNTEER,
      status === 'passed-on' ? '送给有需要的邻居' : null,
    ]);
    if (status === 'sold') {
      const day = localDate(left);
      saleRows.push([id, `bench-sale-${id}`, price, day, iso(left), VOLUNTEER]);
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
        VOLUNTEER,
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

export function needsRegister({ households, now, random, pick, activities, clubs, needs = 1000 }) {
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
