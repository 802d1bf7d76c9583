import { describe, expect, it, vi } from 'vitest';
import { runRetention } from '../../worker/community/retention/service';
import { runCoursesDay } from '../../worker/community/courses/decision';
import { allItems, safetyCommunity } from './children-fixtures';
import { as, byId, inDays, type Person, resident } from './community-fixtures';
import { createCourse, openTerm, weekly } from './courses-fixtures';
import { bodyOf, errorOf, expectStatus, read, tenantD1, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const DAY = 86400_000;

/** A community on the model with the safety step, a children's course enrolling, a guardian with a child on their page. */
async function childrensCourse(o: { minEnrolment?: number; enrolmentDeadline?: string } = {}) {
  const c = await safetyCommunity();
  const termId = await openTerm(c.host, c.admin);
  const id = await createCourse(c.host, c.admin, termId, {
    title: '少儿编程',
    ageMin: 8,
    ageMax: 12,
    minEnrolment: o.minEnrolment ?? 1,
    maxEnrolment: 10,
    costFen: 0,
    sessions: weekly(2),
    ...(o.enrolmentDeadline ? { enrolmentDeadline: o.enrolmentDeadline } : {}),
  });
  const guardian = await resident(c.host, '李爸爸');
  const child = bodyOf(await read(as(c.host, guardian).children.$post({ json: { name: '李小雨', birthMonth: '2016-05' } })), 201);
  return { ...c, id, guardian, child };
}

const enrolChild = (host: string, id: number, who: Person, json: Record<string, unknown>) =>
  read(as(host, who).courses[':id'].enrolments.$post({ ...byId(id), json }));

const consent = (childId: number) => ({
  childId,
  consent: true,
  emergencyName: '李奶奶',
  emergencyPhone: '13900002222',
  needsNote: '花生过敏',
});

describe("a child's enrolment on a course goes through the guardian's consent", () => {
  it('is refused without consent or an emergency contact (400 naming each field), and without a child of one’s own', async () => {
    const { host, slug, id, guardian, child } = await childrensCourse();
    const bare = await enrolChild(host, id, guardian, { childName: '李小雨' });
    expectStatus(bare, 400);
    expect(Object.keys(errorOf(bare.json).details as object).sort()).toEqual(['childId', 'consent', 'emergencyName', 'emergencyPhone']);

    const noConsent = await enrolChild(host, id, guardian, { ...consent(child.id), consent: false, emergencyPhone: '电话' });
    expectStatus(noConsent, 400);
    expect(Object.keys(errorOf(noConsent.json).details as object).sort()).toEqual(['consent', 'emergencyPhone']);

    const stranger = await resident(host, '路人');
    const notTheirs = await enrolChild(host, id, stranger, consent(child.id));
    expectStatus(notTheirs, 400);
    expect(errorOf(notTheirs.json).details).toHaveProperty('childId');

    // Nothing was written by the refusals.
    const d1 = await tenantD1(slug);
    const rows = await d1.prepare('SELECT COUNT(*) AS n FROM course_enrolments WHERE course_id = ?').bind(id).first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it('records the consent (who, when, for which course) with the place, in the child’s name from their page', async () => {
    const { host, slug, id, guardian, child } = await childrensCourse();
    const before = new Date().toISOString();
    const placed = bodyOf(await enrolChild(host, id, guardian, consent(child.id)), 201);
    expect(placed).toMatchObject({ childName: '李小雨', status: 'enrolled' });
    const d1 = await tenantD1(slug);
    const row = await d1
      .prepare("SELECT * FROM child_consents WHERE target_kind = 'course' AND target_id = ? AND child_id = ?")
      .bind(id, child.id)
      .first<Record<string, string | number | null>>();
    expect(row).toMatchObject({ given_by: guardian.id, purpose: '少儿编程', emergency_name: '李奶奶', needs_note: '花生过敏' });
    expect(String(row?.given_at) >= before).toBe(true);
    const enrolment = await d1
      .prepare('SELECT child_id, child_name FROM course_enrolments WHERE course_id = ?')
      .bind(id)
      .first<{ child_id: number; child_name: string }>();
    expect(enrolment).toEqual({ child_id: child.id, child_name: '李小雨' });
  });

  it('shows the emergency contact and needs to the course’s organisers only, and erases them 30 days after the last session', async () => {
    const { host, slug, admin, id, guardian, child } = await childrensCourse();
    expectStatus(await enrolChild(host, id, guardian, consent(child.id)), 201);

    const roster = bodyOf(await read(as(host, admin).courses[':id'].children.$get(byId(id))), 200).children;
    expect(roster).toMatchObject([
      { childName: '李小雨', guardianName: '李爸爸', emergencyName: '李奶奶', emergencyPhone: '13900002222', needsNote: '花生过敏' },
    ]);
    const neighbour = await resident(host, '邻居');
    expectStatus(await read(as(host, neighbour).courses[':id'].children.$get(byId(id))), 403);
    expectStatus(await read(as(host, guardian).courses[':id'].children.$get(byId(id))), 403);
    expectStatus(await read(as(host).courses[':id'].children.$get(byId(id))), 401);
    // The course's page shows nobody's details, to anyone.
    const page = JSON.stringify(bodyOf(await read(as(host, neighbour).courses[':id'].$get(byId(id))), 200));
    expect(page).not.toContain('13900002222');
    expect(page).not.toContain('花生过敏');

    // The last session is 17 days on: kept 30 days after it, erased after that by the children's daily pass.
    const db = await tenantDb(slug);
    expect((await runRetention(db, Date.now() + 40 * DAY)).counts.childDetails).toBe(0);
    expect((await runRetention(db, Date.now() + 50 * DAY)).counts.childDetails).toBe(1);
    const after = bodyOf(await read(as(host, admin).courses[':id'].children.$get(byId(id))), 200).children;
    expect(after).toMatchObject([{ childName: '李小雨', emergencyName: null, emergencyPhone: null, needsNote: null, purpose: '少儿编程' }]);
    expect(after[0]?.givenAt).not.toBeNull();
  });
});

describe("a children's course and its safety checklist", () => {
  it('cannot open, now or at the deadline, until the checklist is complete (409 naming what is missing)', async () => {
    const { host, slug, admin, id, guardian, child } = await childrensCourse({ enrolmentDeadline: inDays(2) });
    expectStatus(await enrolChild(host, id, guardian, consent(child.id)), 201);

    const refused = await read(as(host, admin).courses[':id'].decision.$post(byId(id)));
    expectStatus(refused, 409);
    expect((errorOf(refused.json).details as { safety: string[] }).safety).toEqual([...allItems, 'adult-in-charge']);

    // The daily pass after the deadline leaves it waiting (and enrolment closed) rather than opening it unsafe.
    const db = await tenantDb(slug);
    expect(await runCoursesDay(db, Date.now() + 3 * DAY)).toEqual({ open: 0, cancel: 0 });
    const safety = bodyOf(await read(as(host, admin).courses[':id'].safety.$get(byId(id))), 200);
    expect(safety).toMatchObject({ required: true, missing: [...allItems, 'adult-in-charge'] });

    const saved = await read(
      as(host, admin).courses[':id'].safety.$put({
        ...byId(id),
        json: { checkedItems: [...allItems], adultName: '王老师', adultPhone: '13800001111' },
      }),
    );
    expect(bodyOf(saved, 200)).toMatchObject({ required: true, missing: [] });
    expect(await runCoursesDay(db, Date.now() + 3 * DAY)).toEqual({ open: 1, cancel: 0 });
  });

  it('does not stand in the way of a course for adults', async () => {
    const { host, admin } = await safetyCommunity();
    const termId = await openTerm(host, admin);
    const id = await createCourse(host, admin, termId, { minEnrolment: 1, costFen: 0 });
    const learner = await resident(host, '学员');
    expectStatus(await read(as(host, learner).courses[':id'].enrolments.$post({ ...byId(id), json: {} })), 201);
    expect(bodyOf(await read(as(host, admin).courses[':id'].decision.$post(byId(id))), 200).decision).toBe('open');
  });
});
