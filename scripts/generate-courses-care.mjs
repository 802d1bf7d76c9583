// The benchmark community's 社区大学 (200 courses over five terms, 2,000 enrolments with their fees and refunds,
// sessions and attendance), 居家养老 (150 elders, their pairings, 10,000 visits and the time bank) and a few
// partnerships with outside communities; generate-tools.mjs calls these with its random source.

import { inserts, raw } from './generate-sql.mjs';

const DAY = 86400_000;
const HOUR = 3600_000;
/** The community's clock (Asia/Shanghai, no daylight saving): local dates are UTC + 8 h. */
const localDate = (ms) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const iso = (ms) => new Date(ms).toISOString();
/** The instant of a local day's midnight. */
const localMidnight = (date) => Date.parse(`${date}T00:00:00+08:00`);
const txId = (ref) => raw(`(SELECT id FROM ledger_transactions WHERE ref = '${ref}')`);
const accountId = (key) => raw(`(SELECT id FROM ledger_accounts WHERE key = '${key}')`);

/** The member who coordinates home elder care in the benchmark (bench-user-9). */
export const BENCH_CARE_COORDINATOR = 9;
/** A care volunteer with pairings, visits and a time bank (bench-user-23). */
export const BENCH_CARE_VOLUNTEER = 23;
/** The resident the benchmark signs in as (bench-user-17): enrolled on courses this term and next. */
const RESIDENT = 17;
/** The founder, an association administrator: decides the courses and marks attendance for outside teachers. */
const FOUNDER = 1;

const subjects = ['书法', '国画', '太极拳', '智能手机', '英语口语', '合唱', '摄影', '养生', '剪纸', '电子琴', '诗词', '舞蹈'];
const levels = ['入门', '提高', '进阶'];
const childSubjects = ['少儿美术', '少儿围棋', '少儿编程', '少儿英语'];
const places = ['会所多功能厅', '明志书屋', '活动室一', '活动室二', '3 号楼架空层'];

/** Payments, refunds and their postings into each course's fund, as the enrolment and the decision write them. */
function ledgerRows() {
  const accounts = [];
  const transactions = [];
  const reversals = [];
  const postings = [];
  return {
    accounts,
    transactions,
    reversals,
    postings,
    pay(ref, on, memo, courseKey, fen, by) {
      transactions.push([ref, on, 'activity-fees', memo, by]);
      postings.push([txId(ref), accountId(courseKey), fen], [txId(ref), accountId('external'), -fen]);
    },
    refund(ref, paymentRef, on, memo, courseKey, fen, by) {
      reversals.push([ref, on, 'correction', memo, by, txId(paymentRef)]);
      postings.push([txId(ref), accountId(courseKey), -fen], [txId(ref), accountId('external'), fen]);
    },
  };
}

export function courses({ households, now, random, pick, perTerm = 40, enrolments = 2000 }) {
  const sql = [];
  const member = () => 2 + pick(households);
  const year = Number(localDate(now).slice(0, 4));
  const terms = [];
  for (const y of [year - 1, year, year + 1]) {
    terms.push({ name: `${y} 春季学期`, startsOn: `${y}-03-01`, endsOn: `${y}-06-30` });
    terms.push({ name: `${y} 秋季学期`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-01-15` });
  }
  // Five terms: the ones that ran or run now, and the next one enrolling.
  const upcoming = terms.findIndex((t) => localMidnight(t.startsOn) > now);
  const chosen = terms.slice(Math.max(0, upcoming - 4), upcoming + 1).map((t, i) => ({ id: i + 1, ...t }));
  const termRows = chosen.map((t) => [t.id, t.name, t.startsOn, t.endsOn, iso(localMidnight(t.startsOn) - 60 * DAY)]);

  const courseRows = [];
  const sessionRows = [];
  const enrolmentRows = [];
  const attendanceRows = [];
  const ledger = ledgerRows();
  const perCourse = enrolments / (chosen.length * perTerm);
  let courseId = 0;
  for (const term of chosen) {
    const start = localMidnight(term.startsOn);
    for (let k = 0; k < perTerm; k++) {
      const id = ++courseId;
      const forChildren = random() < 0.15;
      const title = forChildren
        ? `${childSubjects[pick(childSubjects.length)]}·${levels[pick(2)]}班`
        : `${subjects[pick(subjects.length)]}${levels[pick(levels.length)]}班`;
      const teacherMember = random() < 0.6 ? member() : null;
      const count = 8 + pick(8);
      const firstDay = start + (7 + pick(14)) * DAY;
      const hour = [9, 14, 19][pick(3)];
      const sessions = [];
      for (let s = 0; s < count; s++) {
        const startsAt = firstDay + s * 7 * DAY + hour * HOUR - 8 * HOUR;
        const sessionId = sessionRows.length + 1;
        sessions.push({ id: sessionId, startsAt });
        sessionRows.push([sessionId, id, iso(startsAt), iso(startsAt + 90 * 60_000), null]);
      }
      const deadline = sessions[0].startsAt - 3 * DAY;
      const minEnrolment = 4 + pick(4);
      const maxEnrolment = 10 + pick(10);
      const costFen = random() < 0.2 ? 0 : (20 + pick(60)) * 1000;
      const feeFen = costFen === 0 ? 0 : Math.ceil(Math.ceil((costFen * 108) / 100) / minEnrolment / 100) * 100;
      const decided = deadline < now;
      const people = new Set();
      if (k % 13 === 0 && (!decided || chosen.indexOf(term) === chosen.length - 2)) people.add(RESIDENT);
      const wanted = Math.max(1, Math.round(perCourse * (0.4 + random() * 1.2)));
      while (people.size < wanted) people.add(member());
      // Some leave before the deadline; a course whose places stay under its minimum is cancelled at the deadline.
      const leaving = new Set([...people].filter((who) => who !== RESIDENT && random() < 0.08));
      const stayed = people.size - leaving.size;
      const status = !decided ? 'enrolling' : Math.min(stayed, maxEnrolment) < minEnrolment ? 'cancelled' : 'open';
      courseRows.push([
        id,
        term.id,
        title,
        `${title}，每周一次，共 ${count} 次课。`,
        teacherMember,
        teacherMember ? '' : `${['王', '李', '陈', '周'][pick(4)]}老师`,
        teacherMember ? '' : '区老年大学退休教师',
        forChildren ? 6 : random() < 0.5 ? 50 : null,
        forChildren ? 12 : null,
        null,
        places[pick(places.length)],
        costFen,
        8,
        feeFen,
        minEnrolment,
        maxEnrolment,
        iso(deadline),
        status,
        decided ? `bench-decision-${id}` : null,
        decided ? iso(deadline + 60_000) : null,
        FOUNDER,
        iso(start - 40 * DAY),
      ]);
      const key = `course:${id}`;
      ledger.accounts.push([key, 'fund', null, `社区大学·${title}`]);

      const places_ = [];
      let position = 0;
      for (const who of people) {
        const enrolmentId = enrolmentRows.length + 1;
        const createdAt = deadline - (1 + pick(30)) * DAY - pick(86400) * 1000;
        const childName = forChildren ? `${['小', '乐', '安'][pick(3)]}${['雨', '晨', '宝', '米'][pick(4)]}` : '';
        const paymentRef = `bench-course-pay-${enrolmentId}`;
        const left = leaving.has(who);
        const withinPlaces = position < maxEnrolment;
        let enrolmentStatus;
        let cancelledAt = null;
        if (left) {
          enrolmentStatus = 'cancelled';
          cancelledAt = iso(Math.min(now - HOUR, createdAt + (1 + pick(5)) * DAY));
        } else {
          position++;
          enrolmentStatus =
            status === 'cancelled' ? 'course-cancelled' : withinPlaces ? 'enrolled' : status === 'open' ? 'not-admitted' : 'waitlisted';
        }
        const refunded = feeFen > 0 && ['cancelled', 'not-admitted', 'course-cancelled'].includes(enrolmentStatus);
        const refundRef = refunded ? `bench-course-refund-${enrolmentId}` : null;
        enrolmentRows.push([
          enrolmentId,
          id,
          who,
          childName,
          null,
          enrolmentStatus,
          feeFen,
          feeFen > 0 ? paymentRef : null,
          refundRef,
          iso(createdAt),
          cancelledAt,
        ]);
        if (feeFen > 0) {
          const child = childName ? `（${childName}）` : '';
          ledger.pay(paymentRef, localDate(createdAt), `社区大学《${title}》学费${child}`, key, feeFen, who);
          if (refundRef) {
            const on = cancelledAt ? Date.parse(cancelledAt) : deadline + 60_000;
            ledger.refund(refundRef, paymentRef, localDate(on), `社区大学《${title}》退费`, key, feeFen, cancelledAt ? who : FOUNDER);
          }
        }
        if (enrolmentStatus === 'enrolled') places_.push(enrolmentId);
      }
      if (status !== 'open') continue;
      const attendance = 0.6 + random() * 0.35;
      for (const s of sessions) {
        if (s.startsAt + 2 * HOUR > now) break;
        for (const enrolmentId of places_)
          attendanceRows.push([s.id, enrolmentId, random() < attendance ? 1 : 0, teacherMember ?? FOUNDER, iso(s.startsAt + 2 * HOUR)]);
      }
    }
  }
  sql.push(...inserts('course_terms', ['id', 'name', 'starts_on', 'ends_on', 'created_at'], termRows));
  sql.push(
    ...inserts(
      'courses',
      [
        'id',
        'term_id',
        'title',
        'description',
        'teacher_member_id',
        'teacher_name',
        'teacher_note',
        'age_min',
        'age_max',
        'space_id',
        'place',
        'cost_fen',
        'surplus_rate_percent',
        'fee_fen',
        'min_enrolment',
        'max_enrolment',
        'enrolment_deadline',
        'status',
        'decision_ref',
        'decided_at',
        'created_by',
        'created_at',
      ],
      courseRows,
    ),
  );
  sql.push(...inserts('course_sessions', ['id', 'course_id', 'starts_at', 'ends_at', 'booking_id'], sessionRows));
  sql.push(
    ...inserts(
      'course_enrolments',
      [
        'id',
        'course_id',
        'member_id',
        'child_name',
        'child_id',
        'status',
        'fee_fen',
        'payment_ref',
        'refund_ref',
        'created_at',
        'cancelled_at',
      ],
      enrolmentRows,
    ),
  );
  sql.push(...inserts('course_attendance', ['session_id', 'enrolment_id', 'present', 'marked_by', 'marked_at'], attendanceRows, 400));
  sql.push(...inserts('ledger_accounts', ['key', 'kind', 'club_id', 'name'], ledger.accounts));
  sql.push(...inserts('ledger_transactions', ['ref', 'occurred_on', 'category', 'memo', 'recorded_by'], ledger.transactions));
  sql.push(...inserts('ledger_transactions', ['ref', 'occurred_on', 'category', 'memo', 'recorded_by', 'reverses_id'], ledger.reversals));
  sql.push(...inserts('ledger_postings', ['transaction_id', 'account_id', 'amount_fen'], ledger.postings, 300));
  return { sql, facts: { terms: chosen.length, courses: courseRows.length, enrolments: enrolmentRows.length } };
}

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
