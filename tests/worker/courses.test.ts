import { describe, expect, it, vi } from 'vitest';
import { runCoursesDay } from '../../worker/community/courses/decision';
import { as, inDays, type Person, resident, sharedCommunity } from './community-fixtures';
import { courseOf, createCourse, enrolIn, openTerm, weekly } from './courses-fixtures';
import { bodyOf, errorOf, expectStatus, rawCall, read, tenantD1, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const c = sharedCommunity();
const DAY = 86400_000;

/** What the course's ledger account holds, in fen. */
async function accountBalance(courseId: number) {
  const d1 = await tenantD1(c().slug);
  const row = await d1
    .prepare(
      'SELECT COALESCE(SUM(p.amount_fen), 0) AS n FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE a.key = ?',
    )
    .bind(`course:${courseId}`)
    .first<{ n: number }>();
  return Number(row?.n ?? 0);
}

const notes = async (who: Person) => bodyOf(await read(as(c().host, who).me.notifications.$get()), 200).notifications;
const leave = (id: number, enrolmentId: number, who: Person) =>
  read(
    as(c().host, who).courses[':id'].enrolments[':enrolmentId'].$delete({ param: { id: String(id), enrolmentId: String(enrolmentId) } }),
  );

describe('enrolment', () => {
  it('takes the fee into the course’s account, waitlists when full, and moves the queue up when someone leaves', async () => {
    const termId = await openTerm(c().host, c().admin);
    const id = await createCourse(c().host, c().admin, termId, { minEnrolment: 1, maxEnrolment: 2, costFen: 20_000 });
    const course = await courseOf(c().host, id);
    // 200 yuan with the default 8 % surplus among the minimum of 1: 216 yuan.
    expect(course.feeFen).toBe(21_600);
    const [a, b, d] = [await resident(c().host, '学员甲'), await resident(c().host, '学员乙'), await resident(c().host, '学员丙')];
    expect(bodyOf(await enrolIn(c().host, id, a), 201).status).toBe('enrolled');
    expect((await enrolIn(c().host, id, a)).status).toBe(200);
    expect(bodyOf(await enrolIn(c().host, id, b), 201).status).toBe('enrolled');
    const waiting = bodyOf(await enrolIn(c().host, id, d), 201);
    expect(waiting.status).toBe('waitlisted');
    expect((await courseOf(c().host, id, d)).mine[0]).toMatchObject({ status: 'waitlisted', position: 1, paid: true });
    expect(await accountBalance(id)).toBe(3 * 21_600);

    const mineA = (await courseOf(c().host, id, a)).mine[0]!;
    expectStatus(await leave(id, mineA.id, a), 200);
    expect((await courseOf(c().host, id, a)).mine[0]).toMatchObject({ status: 'cancelled', refunded: true });
    expect((await courseOf(c().host, id, d)).mine[0]).toMatchObject({ status: 'enrolled', position: null });
    expect(await accountBalance(id)).toBe(2 * 21_600);
    // Leaving twice refunds once.
    expectStatus(await leave(id, mineA.id, a), 200);
    expect(await accountBalance(id)).toBe(2 * 21_600);
    // Coming back pays again, at the back of the queue.
    expect(bodyOf(await enrolIn(c().host, id, a), 201).status).toBe('waitlisted');
    expect(await accountBalance(id)).toBe(3 * 21_600);
  });

  it('gives the last place to one of two residents enrolling at once; the other waits', async () => {
    const termId = await openTerm(c().host, c().admin);
    const id = await createCourse(c().host, c().admin, termId, { minEnrolment: 1, maxEnrolment: 3, costFen: 0 });
    const first = [await resident(c().host, '早到一'), await resident(c().host, '早到二')];
    for (const p of first) expectStatus(await enrolIn(c().host, id, p), 201);
    const racers = [await resident(c().host, '抢位甲'), await resident(c().host, '抢位乙')];
    const results = await Promise.all(racers.map((p) => enrolIn(c().host, id, p)));
    expect(results.map((r) => bodyOf(r, 201).status).sort()).toEqual(['enrolled', 'waitlisted']);
    const course = await courseOf(c().host, id);
    expect([course.enrolled, course.waitlisted]).toEqual([3, 1]);
  });

  it('has a guardian enrol each child from their page, with consent, for a children’s course', async () => {
    const termId = await openTerm(c().host, c().admin);
    const id = await createCourse(c().host, c().admin, termId, {
      title: '少儿编程',
      ageMin: 8,
      ageMax: 12,
      minEnrolment: 1,
      maxEnrolment: 10,
    });
    const parent = await resident(c().host, '家长');
    const missing = await enrolIn(c().host, id, parent);
    expect(missing.status).toBe(400);
    expect(errorOf(missing.json).details).toHaveProperty('childId');
    for (const name of ['小明', '小红']) {
      const child = bodyOf(await read(as(c().host, parent).children.$post({ json: { name, birthMonth: '2016-03' } })), 201);
      const json = { childId: child.id, consent: true, emergencyName: '外婆', emergencyPhone: '13900001111' };
      const placed = await read(as(c().host, parent).courses[':id'].enrolments.$post({ param: { id: String(id) }, json }));
      expect(bodyOf(placed, 201)).toMatchObject({ childName: name, status: 'enrolled' });
    }
    expect((await courseOf(c().host, id, parent)).mine.map((m) => m.childName)).toEqual(['小明', '小红']);
  });
});

describe('creating a course', () => {
  it('books its space for every session, all or none, and refuses a clash', async () => {
    const space = bodyOf(
      await read(as(c().host, c().admin).spaces.$post({ json: { name: '书画教室', capacity: 20, opensAt: '08:00', closesAt: '21:00' } })),
      201,
    );
    const termId = await openTerm(c().host, c().admin);
    const sessions = weekly(3, 20);
    const id = await createCourse(c().host, c().admin, termId, { spaceId: space.id, sessions });
    expect((await courseOf(c().host, id)).place).toBe('书画教室');
    const clash = await read(
      as(c().host, c().admin).courses.$post({
        json: {
          termId,
          title: '国画',
          description: '',
          teacherMemberId: null,
          teacherName: '钱老师',
          teacherNote: '',
          ageMin: null,
          ageMax: null,
          spaceId: space.id,
          place: '',
          costFen: 0,
          minEnrolment: 1,
          maxEnrolment: 10,
          enrolmentDeadline: inDays(5),
          sessions: [weekly(1, 40)[0]!, sessions[2]!],
        },
      }),
    );
    expect(clash.status).toBe(409);
    const d1 = await tenantD1(c().slug);
    const painted = await d1.prepare("SELECT COUNT(*) AS n FROM courses WHERE title = '国画'").first<{ n: number }>();
    expect(painted?.n).toBe(0);
  });

  it('answers 400 naming the sessions outside the term and a minimum above the maximum', async () => {
    const termId = await openTerm(c().host, c().admin);
    const late = await read(
      as(c().host, c().admin).courses.$post({
        json: {
          termId,
          title: '太极',
          description: '',
          teacherMemberId: null,
          teacherName: '吴师傅',
          teacherNote: '',
          ageMin: null,
          ageMax: null,
          spaceId: null,
          place: '中心花园',
          costFen: 0,
          minEnrolment: 1,
          maxEnrolment: 10,
          enrolmentDeadline: inDays(1),
          sessions: [{ startsAt: inDays(400), endsAt: inDays(400, 1) }],
        },
      }),
    );
    expect(late.status).toBe(400);
    expect(errorOf(late.json).details).toHaveProperty('sessions');
    const range = await rawCall(c().host, '/api/courses', {
      token: c().admin.token,
      body: { termId, title: 'x', minEnrolment: 5, maxEnrolment: 2 },
    });
    expect(range.status).toBe(400);
  });
});

describe('the decision at the deadline', () => {
  it('cancels a course below its minimum, refunds everyone through the ledger, tells them and gives back the room', async () => {
    const space = bodyOf(
      await read(as(c().host, c().admin).spaces.$post({ json: { name: '英语角教室', capacity: 20, opensAt: '08:00', closesAt: '21:00' } })),
      201,
    );
    const termId = await openTerm(c().host, c().admin);
    const id = await createCourse(c().host, c().admin, termId, { title: '英语角', spaceId: space.id, minEnrolment: 3, costFen: 30_000 });
    const learner = await resident(c().host, '想学英语');
    expectStatus(await enrolIn(c().host, id, learner), 201);
    expect(await accountBalance(id)).toBeGreaterThan(0);
    const decided = await read(as(c().host, c().admin).courses[':id'].decision.$post({ param: { id: String(id) } }));
    expect(bodyOf(decided, 200).decision).toBe('cancel');
    expect(await accountBalance(id)).toBe(0);
    expect((await courseOf(c().host, id, learner)).mine[0]).toMatchObject({ status: 'course-cancelled', refunded: true });
    expect((await notes(learner)).some((n) => n.textZh.includes('英语角') && n.textZh.includes('退回'))).toBe(true);
    const d1 = await tenantD1(c().slug);
    const reversal = await d1
      .prepare(
        "SELECT COUNT(*) AS n FROM ledger_transactions WHERE category = 'correction' AND reverses_id IS NOT NULL AND memo LIKE '%英语角%'",
      )
      .first<{ n: number }>();
    expect(reversal?.n).toBe(1);
    const rooms = await d1
      .prepare(
        "SELECT COUNT(*) AS n FROM bookings b JOIN course_sessions s ON s.booking_id = b.id WHERE s.course_id = ? AND b.status = 'active'",
      )
      .bind(id)
      .first<{ n: number }>();
    expect(rooms?.n).toBe(0);
    expect((await read(as(c().host, c().admin).courses[':id'].decision.$post({ param: { id: String(id) } }))).status).toBe(409);
  });

  it('opens a course at its minimum in the daily pass, refunding those still waiting', async () => {
    const termId = await openTerm(c().host, c().admin);
    const id = await createCourse(c().host, c().admin, termId, { minEnrolment: 1, maxEnrolment: 1, enrolmentDeadline: inDays(2) });
    const [in1, out1] = [await resident(c().host, '入选'), await resident(c().host, '候补')];
    expectStatus(await enrolIn(c().host, id, in1), 201);
    expectStatus(await enrolIn(c().host, id, out1), 201);
    const db = await tenantDb(c().slug);
    await runCoursesDay(db, Date.now() + DAY);
    expect((await courseOf(c().host, id)).status).toBe('enrolling');
    await runCoursesDay(db, Date.now() + 3 * DAY);
    expect((await courseOf(c().host, id)).status).toBe('open');
    expect((await courseOf(c().host, id, out1)).mine[0]).toMatchObject({ status: 'not-admitted', refunded: true });
    expect((await notes(in1)).some((n) => n.textZh.includes('正式开课'))).toBe(true);
  });
});

describe('teaching', () => {
  it('lets the member who teaches mark attendance, and shows each learner a timetable with its .ics in the community’s zone', async () => {
    const teacher = await resident(c().host, '周老师');
    const termId = await openTerm(c().host, c().admin);
    const id = await createCourse(c().host, c().admin, termId, { teacherMemberId: teacher.id, minEnrolment: 1, maxEnrolment: 5 });
    const learner = await resident(c().host, '学太极');
    expectStatus(await enrolIn(c().host, id, learner), 201);
    expectStatus(await read(as(c().host, c().admin).courses[':id'].decision.$post({ param: { id: String(id) } })), 200);
    const sheet = bodyOf(await read(as(c().host, teacher).courses[':id'].attendance.$get({ param: { id: String(id) } })), 200);
    expect(sheet.enrolments.map((e) => e.name)).toEqual(['学太极']);
    const session = sheet.sessions[0]!;
    const marked = await read(
      as(c().host, teacher).courses[':id'].sessions[':sessionId'].attendance.$put({
        param: { id: String(id), sessionId: String(session.id) },
        json: { present: [sheet.enrolments[0]!.id] },
      }),
    );
    expect(bodyOf(marked, 200).present).toBe(1);
    const again = bodyOf(await read(as(c().host, teacher).courses[':id'].attendance.$get({ param: { id: String(id) } })), 200);
    expect(again.sessions[0]).toMatchObject({ marked: true, present: [sheet.enrolments[0]!.id] });

    const table = bodyOf(await read(as(c().host, learner)['course-timetable'].$get()), 200);
    expect(table.sessions.filter((s) => s.courseId === id)).toHaveLength(4);
    const ics = await rawCall(c().host, '/api/course-timetable/calendar.ics', { token: learner.token });
    expect(ics.status).toBe(200);
    const wall = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })
      .format(new Date(session.startsAt))
      .replace(':', '');
    expect(ics.text).toContain('TZID=Asia/Shanghai');
    expect(ics.text).toContain(`T${wall}00`);
  });
});
