import { as, inDays, type Person, uniq } from './community-fixtures';
import { bodyOf, expectStatus, read } from './helpers';

const DAY = 86400_000;

/** A term around the coming weeks, with a unique name. */
export async function openTerm(host: string, admin: Person) {
  const from = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10);
  return bodyOf(
    await read(as(host, admin)['course-terms'].$post({ json: { name: uniq('2027 春季学期'), startsOn: from, endsOn: to } })),
    201,
  ).id;
}

/** Weekly two-hour sessions from `firstDay` days on, at 02:00 UTC (10:00 in Shanghai). */
/** Weekly sessions of two hours at 10:00 in Shanghai (02:00 UTC), within any room's opening hours whenever the test runs. */
export function weekly(count: number, firstDay = 10) {
  const at = (day: number, hour: number) => `${inDays(day).slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return Array.from({ length: count }, (_, i) => ({ startsAt: at(firstDay + 7 * i, 2), endsAt: at(firstDay + 7 * i, 4) }));
}

export interface CourseOverrides {
  title?: string;
  teacherMemberId?: number | null;
  teacherName?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  spaceId?: number | null;
  costFen?: number;
  minEnrolment?: number;
  maxEnrolment?: number;
  enrolmentDeadline?: string;
  sessions?: { startsAt: string; endsAt: string }[];
}

export async function createCourse(host: string, admin: Person, termId: number, o: CourseOverrides = {}) {
  const res = await read(
    as(host, admin).courses.$post({
      json: {
        termId,
        title: o.title ?? uniq('书法入门'),
        description: '从握笔、楷书基本笔画学起。',
        teacherMemberId: o.teacherMemberId ?? null,
        teacherName: o.teacherName ?? '孙老师',
        teacherNote: '区书法家协会会员',
        ageMin: o.ageMin ?? null,
        ageMax: o.ageMax ?? null,
        spaceId: o.spaceId ?? null,
        place: '活动中心二楼',
        costFen: o.costFen ?? 60_000,
        minEnrolment: o.minEnrolment ?? 3,
        maxEnrolment: o.maxEnrolment ?? 4,
        enrolmentDeadline: o.enrolmentDeadline ?? inDays(5),
        sessions: o.sessions ?? weekly(4),
      },
    }),
  );
  expectStatus(res, 201);
  return res.json.id;
}

export const enrolIn = (host: string, id: number, who: Person, childName?: string) =>
  read(as(host, who).courses[':id'].enrolments.$post({ param: { id: String(id) }, json: childName ? { childName } : {} }));

export const courseOf = async (host: string, id: number, who?: Person) =>
  bodyOf(await read(as(host, who).courses[':id'].$get({ param: { id: String(id) } })), 200);
