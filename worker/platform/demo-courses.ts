import { eq, sql } from 'drizzle-orm';
import { tenantDb } from '../db/client';
import { courseAttendance, courseEnrolments, courseSessions } from '../db/tenant-schema';
import { consentStatements } from '../community/children/consent';
import { detailsUntil, safetyItemKeys } from '../community/children/rules';
import { children } from '../community/children/schema';
import { saveChecklist } from '../community/children/safety';
import { decideCourse } from '../community/courses/decision';
import { accountsOf, enrolStatements } from '../community/courses/enrolment';
import { createCourse, createTerm, getCourse } from '../community/courses/service';
import { wallClock } from '../community/profile/rules';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

const TZ = 'Asia/Shanghai';
const DAY = 86400_000;

interface DemoCourse {
  title: string;
  description: string;
  teacher: { member: string } | { name: string; note: string };
  ages: [number | null, number | null];
  place: string;
  costFen: number;
  min: number;
  max: number;
  /** Days from today to the enrolment deadline, and to the first of the weekly sessions. */
  deadline: number;
  first: number;
  sessions: number;
  /** How many residents enrol; for a children's course, guardians with their children's names. */
  enrol: number;
  children?: string[];
}

const catalogue: DemoCourse[] = [
  {
    title: '书法入门',
    description: '从执笔、坐姿和楷书基本笔画练起，每周一帖，结课时写一幅春联带回家。笔墨纸砚由课程统一采购。',
    teacher: { name: '孙立群', note: '区书法家协会会员，退休语文教师' },
    ages: [12, null],
    place: '社区活动中心二楼书画室',
    costFen: 72_000,
    min: 6,
    max: 15,
    deadline: -60,
    first: -55,
    sessions: 10,
    enrol: 10,
  },
  {
    title: '智能手机入门',
    description: '给长辈的手机课：视频通话、扫码付款、打车挂号、识别诈骗短信，一人一台手机手把手练。',
    teacher: { member: 'demo-resident' },
    ages: [55, null],
    place: '社区活动中心一楼多功能厅',
    costFen: 0,
    min: 5,
    max: 20,
    deadline: -50,
    first: -45,
    sessions: 8,
    enrol: 12,
  },
  {
    title: '英语角',
    description: '每周六晚上用英语聊社区生活，由外籍邻居带话题，适合有一点基础、想开口练的大人。',
    teacher: { name: 'Emma Clarke', note: '住在 8 栋的英国邻居，小学英语老师' },
    ages: [16, null],
    place: '彩虹屋旁的阅览角',
    costFen: 24_000,
    min: 8,
    max: 16,
    deadline: -40,
    first: -35,
    sessions: 8,
    enrol: 3,
  },
  {
    title: '太极拳（二十四式）',
    description: '清晨在中心花园练二十四式简化太极拳，每次先站桩十分钟，再学两式、复习前面的。',
    teacher: { member: 'demo-contact' },
    ages: [null, null],
    place: '中心花园广场',
    costFen: 0,
    min: 5,
    max: 30,
    deadline: -30,
    first: -25,
    sessions: 10,
    enrol: 9,
  },
  {
    title: '少儿编程：用积木做游戏',
    description: '用图形化编程做小游戏，认识循环、条件和变量；每节课做完一个能玩的作品。请家长为孩子报名。',
    teacher: { member: 'demo-club-founder' },
    ages: [8, 12],
    place: '明志书屋电脑角',
    costFen: 48_000,
    min: 4,
    max: 8,
    deadline: -20,
    first: -14,
    sessions: 8,
    enrol: 6,
    children: ['小宇', '朵朵', '乐乐', '浩然', '欣怡', '子涵'],
  },
  {
    title: '亲子绘本共读',
    description: '家长和孩子一起读绘本、做手工，每次一个主题。由家长为孩子报名。',
    teacher: { name: '何晓雯', note: '绘本馆志愿者，两个孩子的妈妈' },
    ages: [3, 6],
    place: '明志书屋',
    costFen: 12_000,
    min: 4,
    max: 10,
    deadline: 10,
    first: 14,
    sessions: 6,
    enrol: 3,
    children: ['豆豆', '果果', '安安'],
  },
  {
    title: '家常烘焙',
    description: '用家里的烤箱做面包、戚风和饼干，材料按次采购，做好的当场分享。',
    teacher: { name: '胡海燕', note: '西点师，在小区开了家庭烘焙工作室' },
    ages: [14, null],
    place: '社区活动中心厨房',
    costFen: 60_000,
    min: 4,
    max: 6,
    deadline: 5,
    first: 9,
    sessions: 4,
    enrol: 8,
  },
];

/** The term of today: 春季 (Feb–Jul) or 秋季 (Aug–Jan), named by the year it starts in. */
function termAround(now: number) {
  const today = wallClock(now, TZ).date;
  const [y, m] = today.split('-').map(Number) as [number, number];
  const autumn = m >= 8 || m === 1;
  const year = m === 1 ? y - 1 : y;
  return autumn
    ? { name: `${year} 秋季学期`, startsOn: `${year}-09-01`, endsOn: `${year + 1}-01-31` }
    : { name: `${year} 春季学期`, startsOn: `${year}-02-20`, endsOn: `${year}-07-10` };
}

/**
 * 社区大学 in 翠竹园: a term of seven courses taught by residents and neighbours from outside — calligraphy, phones for
 * elders, tai chi and children's coding have opened and kept attendance on past sessions; the English corner missed
 * its minimum, was cancelled and refunded; a picture-book course and a baking course (full, with a waitlist) are
 * enrolling. Runs once: a community that has a term already is left alone.
 */
export async function seedDemoCourses(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const seen = await d1.prepare('SELECT COUNT(*) AS n FROM course_terms').first<{ n: number }>();
  if ((seen?.n ?? 0) > 0) return;
  const { results: people } = await d1
    .prepare("SELECT id, user_id AS userId, display_name AS name FROM members WHERE status = 'active' ORDER BY id")
    .all<{ id: number; userId: string; name: string }>();
  const idOf = (userId: string) => people.find((p) => p.userId === userId)?.id ?? null;
  const admin = idOf('demo-admin');
  if (!admin || people.length < 12) return;
  const db = tenantDb(d1);
  const term = termAround(now);
  // The term holds every course's sessions, whatever day the demo is seeded.
  const first = wallClock(now - 70 * DAY, TZ).date;
  const last = wallClock(now + 60 * DAY, TZ).date;
  const termId = await createTerm(db, {
    name: term.name,
    startsOn: first < term.startsOn ? first : term.startsOn,
    endsOn: last > term.endsOn ? last : term.endsOn,
  });
  const learners = people.filter((p) => p.id !== admin);
  for (const [index, c] of catalogue.entries()) {
    const at = (days: number, hour: number) =>
      new Date(Date.parse(`${wallClock(now + days * DAY, 'UTC').date}T00:00:00Z`) + (hour - 8) * 3600_000);
    const hour = c.title.startsWith('太极') ? 7 : c.title === '英语角' ? 19 : 9 + (index % 3) * 5;
    const teacherMemberId = 'member' in c.teacher ? idOf(c.teacher.member) : null;
    const id = await createCourse(db, admin, {
      termId,
      title: c.title,
      description: c.description,
      teacherMemberId,
      teacherName: 'name' in c.teacher ? c.teacher.name : '',
      teacherNote: 'note' in c.teacher ? c.teacher.note : '',
      ageMin: c.ages[0],
      ageMax: c.ages[1],
      spaceId: null,
      place: c.place,
      costFen: c.costFen,
      minEnrolment: c.min,
      maxEnrolment: c.max,
      enrolmentDeadline: at(c.deadline, 22).toISOString(),
      sessions: Array.from({ length: c.sessions }, (_, w) => ({
        startsAt: at(c.first + 7 * w, hour).toISOString(),
        endsAt: new Date(at(c.first + 7 * w, hour).getTime() + 90 * 60_000).toISOString(),
      })),
    });
    const course = await getCourse(db, id);
    const accounts = await accountsOf(db, course);
    const lastEnd = at(c.first + 7 * (c.sessions - 1), hour).toISOString();
    // Residents enrol over the days before the deadline, one after another, so the queue has an order. A child is
    // enrolled from the guardian's page, with their consent and an emergency contact, as the enrolment route asks.
    for (let k = 0; k < c.enrol; k++) {
      const who = learners[(index * 5 + k) % learners.length]!;
      if (who.id === teacherMemberId) continue;
      const when = now + (c.deadline - 12 + k) * DAY;
      const enrolledAt = new Date(Math.min(when, now - 60_000)).toISOString();
      const childName = c.children?.[k] ?? '';
      const child = childName
        ? (
            await db
              .insert(children)
              .values({ guardianMemberId: who.id, name: childName, birthMonth: `${2016 + (k % 4)}-0${1 + (k % 9)}` })
              .onConflictDoUpdate({ target: [children.guardianMemberId, children.name], set: { name: childName } })
              .returning({ id: children.id })
          )[0]
        : undefined;
      const ref = crypto.randomUUID();
      const statements = [
        ...enrolStatements(
          db,
          course,
          who.id,
          { childName, childId: child?.id ?? null },
          ref,
          enrolledAt,
          wallClock(enrolledAt, TZ).date,
          accounts,
        ),
        ...(child
          ? consentStatements(
              db,
              {
                targetKind: 'course',
                targetId: id,
                childId: child.id,
                givenBy: who.id,
                purpose: c.title,
                emergencyName: '孩子的外婆',
                emergencyPhone: `1390000${String(1000 + k)}`,
                needsNote: k % 3 === 0 ? '对花生过敏' : '',
                detailsUntil: detailsUntil(lastEnd, TZ),
              },
              sql`EXISTS (SELECT 1 FROM course_enrolments WHERE payment_ref = ${ref})`,
            )
          : []),
      ];
      await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
    }
    if (c.deadline >= 0) continue;
    // A course for children opens only with its safety checklist done: its teacher ticked it before the deadline.
    if (c.children)
      await saveChecklist(db, 'course', id, teacherMemberId ?? admin, {
        checkedItems: [...safetyItemKeys],
        adultName: 'member' in c.teacher ? (people.find((p) => p.id === teacherMemberId)?.name ?? '') : c.teacher.name,
        adultPhone: '13900009999',
      });
    await decideCourse(db, id, Date.parse(course.enrolmentDeadline) + 3600_000, { decidedBy: admin, decideNow: false });
    const opened = await getCourse(db, id);
    if (opened.status !== 'open') continue;
    const [sessions, enrolled] = await db.batch([
      db.select().from(courseSessions).where(eq(courseSessions.courseId, id)),
      db.select().from(courseEnrolments).where(eq(courseEnrolments.courseId, id)),
    ]);
    const marks = sessions
      .filter((s) => Date.parse(s.endsAt) < now)
      .flatMap((s, si) =>
        enrolled
          .filter((e) => e.status === 'enrolled')
          .map((e, ei) => ({
            sessionId: s.id,
            enrolmentId: e.id,
            present: (si * 7 + ei * 3) % 10 < 8,
            markedBy: teacherMemberId ?? admin,
          })),
      );
    // D1 binds at most 100 values per statement: 20 rows of four.
    for (let i = 0; i < marks.length; i += 20) await db.insert(courseAttendance).values(marks.slice(i, i + 20));
  }
}
