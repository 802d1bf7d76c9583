import { describe, expect, it, vi } from 'vitest';
import { as, community, resident } from './community-fixtures';
import { courseOf, createCourse, enrolIn, openTerm } from './courses-fixtures';
import { rawCall, read } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

describe('the community university keeps to its community and its roles', () => {
  it('lets visitors read, members enrol, only coordinators decide and teachers mark, and shows another community nothing', async () => {
    const [a, b] = [await community(), await community()];
    const teacher = await resident(a.host, '老师');
    const learner = await resident(a.host, '学员');
    const other = await resident(a.host, '旁人');
    const termId = await openTerm(a.host, a.admin);
    const id = await createCourse(a.host, a.admin, termId, { teacherMemberId: teacher.id, minEnrolment: 1 });
    const param = { param: { id: String(id) } };

    // Visitors read the course; enrolling and everything else asks them to sign in.
    expect((await courseOf(a.host, id)).title).toBeTruthy();
    expect((await enrolIn(a.host, id, undefined as never)).status).toBe(401);
    expect((await rawCall(a.host, '/api/course-timetable')).status).toBe(401);

    // A member enrols, but neither creates, decides nor keeps attendance; nor leaves someone else's place.
    expect((await enrolIn(a.host, id, learner)).status).toBe(201);
    const mine = (await courseOf(a.host, id, learner)).mine[0]!;
    expect((await read(as(a.host, other).courses[':id'].decision.$post(param))).status).toBe(403);
    expect(
      (await read(as(a.host, other)['course-terms'].$post({ json: { name: 'x', startsOn: '2027-01-01', endsOn: '2027-02-01' } }))).status,
    ).toBe(403);
    expect((await read(as(a.host, other).courses[':id'].attendance.$get(param))).status).toBe(403);
    expect(
      (
        await read(
          as(a.host, other).courses[':id'].enrolments[':enrolmentId'].$delete({ param: { id: String(id), enrolmentId: String(mine.id) } }),
        )
      ).status,
    ).toBe(403);

    // The course's teacher reads the sheet; the administrator too.
    expect((await read(as(a.host, teacher).courses[':id'].attendance.$get(param))).status).toBe(200);
    expect((await read(as(a.host, a.admin).courses[':id'].attendance.$get(param))).status).toBe(200);

    // Another community's administrator finds no such course.
    expect((await read(as(b.host, b.admin).courses[':id'].$get(param))).status).toBe(404);
    expect((await read(as(b.host, b.admin).courses[':id'].decision.$post(param))).status).toBe(404);
    expect((await read(as(b.host, b.admin).courses[':id'].attendance.$get(param))).status).toBe(404);
  });
});
