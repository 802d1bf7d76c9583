// The benchmark's 社区大学: 200 courses over five terms, 2,000 enrolments with fees and refunds, sessions, attendance.

import { accountId, DAY, HOUR, inserts, iso, localDate, localMidnight, txId } from './generate-sql.mjs';

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
