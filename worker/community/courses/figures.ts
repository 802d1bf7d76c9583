import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { figureReads, noFigureReads, type ProgramFigureSource } from '../programs/figures';
import { monthIn, monthsWindow } from '../programs/rules';
import { completed } from './rules';
import { courseEnrolments, courseSessions, courses } from './schema';

/**
 * 社区大学's figures, per month on the community's calendar: courses run (open courses with a session that month),
 * enrolments (places held on open courses, in the month of the course's first session), completion (the share of
 * those places, in the month of the last session, that attended at least 75 % of the sessions) and teachers (people
 * teaching a session that month).
 */
export const courseFigures: ProgramFigureSource = {
  programKey: 'university',
  reads(db, months, timeZone) {
    if (months.length === 0) return noFigureReads;
    // Only the open courses with a session in the months shown (a day's margin covers every zone); each one's
    // sessions are all read, since its first and last month place its enrolments and completions.
    const window = monthsWindow(months);
    const shown = db
      .selectDistinct({ id: courseSessions.courseId })
      .from(courseSessions)
      .where(and(gte(courseSessions.startsAt, window.from), lt(courseSessions.startsAt, window.to)));
    const open = and(eq(courses.status, 'open'), inArray(courses.id, shown));
    return figureReads(
      [
        db
          .select({ id: courses.id, teacher: sql<string>`COALESCE('m' || ${courses.teacherMemberId}, 'x' || ${courses.teacherName})` })
          .from(courses)
          .where(open),
        db
          .select({ courseId: courseSessions.courseId, startsAt: courseSessions.startsAt })
          .from(courseSessions)
          .innerJoin(courses, eq(courses.id, courseSessions.courseId))
          .where(open),
        db
          .select({
            courseId: courseEnrolments.courseId,
            attended: sql<number>`(SELECT COUNT(*) FROM course_attendance a WHERE a.enrolment_id = ${courseEnrolments.id} AND a.present = 1)`,
          })
          .from(courseEnrolments)
          .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
          .where(and(open, eq(courseEnrolments.status, 'enrolled'))),
      ],
      ([open, sessions, places]) => {
        const teacherOf = new Map(open.map((c) => [c.id, c.teacher]));
        const monthsOf = new Map<number, string[]>();
        for (const s of sessions) monthsOf.set(s.courseId, [...(monthsOf.get(s.courseId) ?? []), monthIn(s.startsAt, timeZone)]);
        for (const list of monthsOf.values()) list.sort();
        const run = (m: string) => open.filter((c) => monthsOf.get(c.id)?.includes(m)).length;
        const teachers = (m: string) => new Set(open.filter((c) => monthsOf.get(c.id)?.includes(m)).map((c) => teacherOf.get(c.id))).size;
        const enrolments = (m: string) => places.filter((p) => monthsOf.get(p.courseId)?.[0] === m).length;
        const completion = (m: string) => {
          const ending = places.filter((p) => monthsOf.get(p.courseId)?.at(-1) === m);
          if (ending.length === 0) return null;
          const done = ending.filter((p) => completed(Number(p.attended), monthsOf.get(p.courseId)?.length ?? 0)).length;
          return Math.round((done / ending.length) * 100);
        };
        const each = (value: (m: string) => number | null) =>
          Object.fromEntries(
            months.flatMap((m) => {
              const v = value(m);
              return v === null ? [] : [[m, v]];
            }),
          );
        return [
          { key: 'courses-run', labelZh: '开课门数', labelEn: 'Courses run', unit: 'count', values: each(run) },
          { key: 'enrolments', labelZh: '报名人次', labelEn: 'Enrolments', unit: 'count', values: each(enrolments) },
          {
            key: 'completion',
            labelZh: '结业率（出勤≥75%）',
            labelEn: 'Completion (≥75 % attendance)',
            unit: 'percent',
            values: each(completion),
          },
          { key: 'teachers', labelZh: '授课老师', labelEn: 'Teachers', unit: 'count', values: each(teachers) },
        ];
      },
    );
  },
};
