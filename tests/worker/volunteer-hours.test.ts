import { describe, expect, it, vi } from 'vitest';
import { as, byId, type Person, resident, sharedCommunity } from './community-fixtures';
import { bodyOf, expectStatus, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const c = sharedCommunity();
const daysAgo = (days: number) => new Date(Date.now() - days * 86400_000).toISOString().slice(0, 10);

const logOwn = (who: Person, json: { programKey: string; servedOn: string; minutes: number; note?: string }) =>
  read(as(c().host, who).volunteers.me.hours.$post({ json }));
const approve = (id: number, who?: Person) => read(as(c().host, who)['volunteer-hours'][':id'].approval.$post(byId(id)));
const confirmAsVolunteer = (id: number, who: Person) => read(as(c().host, who)['volunteer-hours'][':id'].confirmation.$post(byId(id)));
const waiting = (who?: Person) => read(as(c().host, who)['volunteer-hours'].waiting.$get());
const mine = async (who: Person) => bodyOf(await read(as(c().host, who).volunteers.me.$get()), 200);

async function secondAdmin(): Promise<Person> {
  const person = await resident(c().host, '副会长');
  const res = await read(
    as(c().host, c().admin).members[':memberId'].roles.$put({
      param: { memberId: String(person.id) },
      json: { roles: [{ role: 'association-admin' }] },
    }),
  );
  expectStatus(res, 200);
  return person;
}

describe('hours outside activities: the volunteer logs them, an association admin confirms within a week', () => {
  it('lets any member log their own service for a program, and only an admin other than the volunteer confirm it', async () => {
    const volunteer = await resident(c().host, '书屋值班员');
    const neighbour = await resident(c().host, '邻居');
    const logged = await logOwn(volunteer, { programKey: 'library', servedOn: daysAgo(1), minutes: 120, note: '周六下午值班' });
    const { id } = bodyOf(logged, 201);

    const record = await mine(volunteer);
    expect(record.hours).toEqual([
      expect.objectContaining({ id, programKey: 'library', minutes: 120, confirmedAt: null, loggedByMe: true }),
    ]);
    expect(record.confirmedMinutes).toBe(0);

    // The volunteer cannot confirm their own log, as organisers' records are confirmed.
    expect((await confirmAsVolunteer(id, volunteer)).status).toBe(404);
    // Nobody but an association admin confirms it.
    expect((await approve(id, volunteer)).status).toBe(403);
    expect((await approve(id, neighbour)).status).toBe(403);
    expect((await approve(id)).status).toBe(401);
    expect((await waiting(neighbour)).status).toBe(403);

    const list = bodyOf(await waiting(c().admin), 200);
    expect(list.hours).toContainEqual(
      expect.objectContaining({ id, memberId: volunteer.id, volunteerName: '书屋值班员', programKey: 'library', overdue: false }),
    );

    expectStatus(await approve(id, c().admin), 200);
    expect((await approve(id, c().admin)).status).toBe(409);
    expect((await mine(volunteer)).confirmedMinutes).toBe(120);
    expect(bodyOf(await waiting(c().admin), 200).hours.map((h) => h.id)).not.toContain(id);
  });

  it('an admin who volunteered has another admin confirm, and hours an organiser recorded stay the volunteer’s to confirm', async () => {
    const other = await secondAdmin();
    const { id } = bodyOf(await logOwn(c().admin, { programKey: 'elder-care', servedOn: daysAgo(0), minutes: 60 }), 201);
    const own = await approve(id, c().admin);
    expect(own.status).toBe(403);
    expectStatus(await approve(id, other), 200);

    // A row an organiser recorded for someone else (the activity flow) is not confirmed by an admin.
    const volunteer = await resident(c().host, '帮忙的人');
    const d1 = await tenantD1(c().slug);
    const row = await d1
      .prepare(
        "INSERT INTO volunteer_hours (member_id, program_key, served_on, minutes, recorded_by) VALUES (?, 'salon', ?, 30, ?) RETURNING id",
      )
      .bind(volunteer.id, daysAgo(1), other.id)
      .first<{ id: number }>();
    expect((await approve(row!.id, c().admin)).status).toBe(409);
    expectStatus(await confirmAsVolunteer(row!.id, volunteer), 200);
  });

  it('takes service logged within 7 days of the day served, never ahead of it, for a program the community has', async () => {
    const volunteer = await resident(c().host, '探访志愿者');
    expectStatus(await logOwn(volunteer, { programKey: 'elder-care', servedOn: daysAgo(6), minutes: 90 }), 201);
    const late = await logOwn(volunteer, { programKey: 'elder-care', servedOn: daysAgo(9), minutes: 90 });
    expectStatus(late, 400);
    expect(late.json.error.details).toHaveProperty(['servedOn']);
    const ahead = await logOwn(volunteer, { programKey: 'elder-care', servedOn: daysAgo(-2), minutes: 90 });
    expectStatus(ahead, 400);
    const unknown = await logOwn(volunteer, { programKey: 'no-such-program', servedOn: daysAgo(1), minutes: 90 });
    expectStatus(unknown, 400);
    expect(unknown.json.error.details).toHaveProperty(['programKey']);
  });

  it('flags to admins the hours still waiting a week after they were logged, and still lets an admin confirm them', async () => {
    const volunteer = await resident(c().host, '彩虹屋值班员');
    const { id } = bodyOf(await logOwn(volunteer, { programKey: 'charity-shop', servedOn: daysAgo(2), minutes: 180 }), 201);
    const d1 = await tenantD1(c().slug);
    const eightDaysAgo = new Date(Date.now() - 8 * 86400_000).toISOString();
    await d1.prepare('UPDATE volunteer_hours SET created_at = ? WHERE id = ?').bind(eightDaysAgo, id).run();

    const list = bodyOf(await waiting(c().admin), 200);
    expect(list.hours.find((h) => h.id === id)).toMatchObject({ overdue: true, loggedAt: eightDaysAgo });
    expectStatus(await approve(id, c().admin), 200);
  });
});
