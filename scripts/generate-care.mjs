// The benchmark's 居家养老: 150 elders, their volunteers and pairings, 10,000 visits and the time bank.

import { DAY, HOUR, inserts, iso, localDate } from './generate-sql.mjs';

/** The member who coordinates home elder care in the benchmark (bench-user-9). */
export const BENCH_CARE_COORDINATOR = 9;
/** A care volunteer with pairings, visits and a time bank (bench-user-23). */
export const BENCH_CARE_VOLUNTEER = 23;

const elderSurnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const needKinds = ['companionship', 'shopping', 'phone-help', 'clinic-escort', 'meals', 'housework'];
const visitDone = ['聊天、读报', '陪同买菜', '教用手机视频通话', '陪同去社区卫生服务站', '帮忙打扫', '送餐并一起吃午饭'];

export function care({ households, now, random, pick, recipients = 150, visits = 10000, pool = 200 }) {
  const sql = [];
  const member = () => 2 + pick(households);
  const today = localDate(now);
  const bands = ['under-30', '30-49', '50-64', '65-plus', null];
  const volunteerIds = new Set([BENCH_CARE_VOLUNTEER]);
  while (volunteerIds.size < pool) {
    const v = member();
    if (v !== BENCH_CARE_COORDINATOR) volunteerIds.add(v);
  }
  const volunteerList = [...volunteerIds];
  const volunteerRows = volunteerList.map((v) => [
    v,
    ['陪伴聊天', '跑腿买菜', '教用手机', '家务'][pick(4)],
    ['工作日晚上', '周末', '随时'][pick(3)],
    bands[pick(bands.length)],
    iso(now - (400 + pick(400)) * DAY),
  ]);

  // Each elder's care: registered some day in the last two years, a volunteer paired from then, sometimes replaced.
  const recipientRows = [];
  const pairingRows = [];
  const spans = [];
  for (let id = 1; id <= recipients; id++) {
    const created = now - (30 + pick(700)) * DAY - pick(86400) * 1000;
    const ended = random() < 0.07 ? Math.min(now - DAY, created + (60 + pick(300)) * DAY) : null;
    const self = random() < 0.25;
    const registrar = self ? member() : member();
    const needs = needKinds.filter(() => random() < 0.35);
    recipientRows.push([
      id,
      `${elderSurnames[pick(elderSurnames.length)]}${['奶奶', '爷爷', '阿姨', '伯伯'][pick(4)]}`,
      1 + pick(12),
      `${1 + pick(18)}0${1 + pick(4)}`,
      `139${String(10000000 + id * 7919).slice(-8)}`,
      self ? registrar : null,
      registrar,
      self ? 'self' : 'family',
      self ? 'self' : ['in-person', 'phone', 'written'][pick(3)],
      localDate(created - pick(5) * DAY),
      (needs.length > 0 ? needs : ['companionship']).join(','),
      random() < 0.3 ? '行动不便，上下楼需要搀扶' : '',
      ['上午', '下午', '周末上午'][pick(3)],
      `${elderSurnames[pick(elderSurnames.length)]}先生`,
      `138${String(20000000 + id * 104729).slice(-8)}`,
      iso(created),
      ended === null ? null : iso(ended),
    ]);
    const until = ended ?? now;
    const first = id <= 3 ? BENCH_CARE_VOLUNTEER : volunteerList[pick(volunteerList.length)];
    const switchAt = random() < 0.3 ? created + (until - created) * (0.3 + random() * 0.4) : null;
    const periods = [];
    const pairingOf = (volunteerId, from, to) => {
      const pairingId = pairingRows.length + 1;
      pairingRows.push([pairingId, id, volunteerId, BENCH_CARE_COORDINATOR, iso(from), to === null ? null : iso(to)]);
      periods.push({ volunteerId, from, to: to ?? until });
    };
    if (switchAt === null) pairingOf(first, created + DAY, ended);
    else {
      pairingOf(first, created + DAY, switchAt);
      let second = volunteerList[pick(volunteerList.length)];
      if (second === first) second = volunteerList[(volunteerList.indexOf(first) + 1) % volunteerList.length];
      pairingOf(second, switchAt, ended);
    }
    // A second volunteer for some elders, alongside the first.
    if (ended === null && random() < 0.3) {
      const extra = volunteerList[pick(volunteerList.length)];
      if (!periods.some((p) => p.volunteerId === extra && p.to === until)) pairingOf(extra, now - (10 + pick(200)) * DAY, null);
    }
    spans.push({ id, created, until, periods });
  }

  // Visits spread over each elder's time in care, by whoever was paired with them that day.
  const totalDays = spans.reduce((n, s) => n + (s.until - s.created) / DAY, 0);
  const every = totalDays / visits;
  const visitRows = [];
  const bank = [];
  for (const s of spans) {
    for (
      let t = s.created + 2 * DAY + random() * every * DAY;
      t < s.until && visitRows.length < visits;
      t += every * (0.5 + random()) * DAY
    ) {
      const on = localDate(t);
      if (on > today) break;
      const open = s.periods.filter((p) => p.from <= t && t < p.to);
      if (open.length === 0) continue;
      const volunteerId = open[pick(open.length)].volunteerId;
      const visitId = visitRows.length + 1;
      const minutes = [30, 45, 60, 90, 120][pick(5)];
      const age = (now - t) / DAY;
      const confirmed = age > 7 || random() < 0.3;
      const concern = random() < 0.03;
      const followed = concern && (age > 10 || random() < 0.5);
      const confirmedAt = confirmed ? iso(Math.min(now - HOUR, t + (1 + pick(4)) * DAY)) : null;
      visitRows.push([
        visitId,
        s.id,
        volunteerId,
        on,
        minutes,
        visitDone[pick(visitDone.length)],
        concern ? '老人说最近头晕，血压偏高' : random() < 0.3 ? '精神不错' : '',
        concern ? 1 : 0,
        followed ? '已联系家属，陪同就医' : null,
        followed ? BENCH_CARE_COORDINATOR : null,
        followed ? iso(Math.min(now - HOUR, t + 2 * DAY)) : null,
        confirmed ? BENCH_CARE_COORDINATOR : null,
        confirmedAt,
        iso(t + 3 * HOUR),
      ]);
      if (confirmed) bank.push({ memberId: volunteerId, kind: 'earned', minutes, visitId, at: confirmedAt });
    }
  }

  // Some banked hours are given to family or spent on care at home, never more than the balance.
  const balance = new Map();
  for (const e of bank) balance.set(e.memberId, (balance.get(e.memberId) ?? 0) + e.minutes);
  const moves = [];
  let k = 0;
  for (const [memberId, minutes] of balance) {
    if (minutes < 600 || random() < 0.5) continue;
    const amount = 60 * (1 + pick(Math.floor(minutes / 120)));
    const at = iso(now - pick(60) * DAY - HOUR);
    const key = `bench-time-${++k}`;
    if (random() < 0.6) {
      const to = member();
      if (to === memberId) continue;
      moves.push(
        { memberId, kind: 'gift-out', minutes: -amount, counterpartId: to, key, note: '给家里老人', at },
        { memberId: to, kind: 'gift-in', minutes: amount, counterpartId: memberId, key, note: '给家里老人', at },
      );
    } else moves.push({ memberId, kind: 'used', minutes: -amount, counterpartId: null, key, note: '为家里老人申请陪诊', at });
  }
  const entryRows = [...bank, ...moves]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => [e.memberId, e.kind, e.minutes, e.visitId ?? null, e.counterpartId ?? null, e.key ?? null, e.note ?? '', e.at]);

  sql.push(...inserts('volunteers', ['member_id', 'skills', 'availability', 'age_band', 'registered_at'], volunteerRows));
  sql.push(
    ...inserts(
      'care_recipients',
      [
        'id',
        'name',
        'building_id',
        'household',
        'phone',
        'member_id',
        'registered_by',
        'registered_as',
        'consent_how',
        'consent_on',
        'needs',
        'needs_note',
        'preferred_times',
        'emergency_name',
        'emergency_phone',
        'created_at',
        'ended_at',
      ],
      recipientRows,
    ),
  );
  sql.push(...inserts('care_pairings', ['id', 'recipient_id', 'volunteer_id', 'paired_by', 'paired_at', 'ended_at'], pairingRows));
  sql.push(
    ...inserts(
      'care_visits',
      [
        'id',
        'recipient_id',
        'volunteer_id',
        'visited_on',
        'minutes',
        'done',
        'observations',
        'concern',
        'follow_up',
        'followed_up_by',
        'followed_up_at',
        'confirmed_by',
        'confirmed_at',
        'created_at',
      ],
      visitRows,
      300,
    ),
  );
  sql.push(
    ...inserts(
      'time_bank_entries',
      ['member_id', 'kind', 'minutes', 'visit_id', 'counterpart_id', 'transfer_key', 'note', 'created_at'],
      entryRows,
      300,
    ),
  );
  return { sql, facts: { recipients: recipientRows.length, visits: visitRows.length, entries: entryRows.length } };
}
