import { describe, expect, it } from 'vitest';
import { bodyOf, client, read, tenantD1 } from './helpers';
import {
  type Person,
  activeClub,
  activityBody,
  as,
  byId,
  community,
  draft,
  proposeClub,
  resident,
  setClubStatus,
  step,
  uniq,
} from './community-fixtures';

async function makeAdmin(host: string, admin: Person, who: Person) {
  const res = await read(
    client(host, admin.token).api.members[':memberId'].roles.$put({
      param: { memberId: String(who.id) },
      json: { roles: [{ role: 'association-admin' }] },
    }),
  );
  expect(res.status).toBe(200);
}

/** A community deciding by consent over `days`, with two administrators and a resident. */
async function consentCommunity(days = 3) {
  const c = await community();
  const second = await resident(c.host, '副会长小林');
  await makeAdmin(c.host, c.admin, second);
  const proposer = await resident(c.host, '提议人阿甘');
  const settings = await read(as(c.host, c.admin).community.settings.$patch({ json: { decisionRule: 'consent', consentDays: days } }));
  expect(bodyOf(settings, 200)).toMatchObject({ decisionRule: 'consent', consentDays: days });
  return { ...c, second, proposer };
}

/** Moves a plan's window (and its objections) `days` into the past, as if that much time had gone by. */
async function age(slug: string, subject: 'club' | 'activity', id: number, days: number) {
  const shift = `-${days * 86400} seconds`;
  const d1 = await tenantD1(slug);
  await d1.batch([
    d1
      .prepare(
        `UPDATE consent_objections SET raised_at = strftime('%Y-%m-%dT%H:%M:%fZ', raised_at, ?1),
           resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', resolved_at, ?1) END
         WHERE window_id IN (SELECT id FROM consent_windows WHERE subject = ?2 AND subject_id = ?3)`,
      )
      .bind(shift, subject, id),
    d1
      .prepare(
        `UPDATE consent_windows SET opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', opened_at, ?1),
           restarted_at = CASE WHEN restarted_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', restarted_at, ?1) END
         WHERE subject = ?2 AND subject_id = ?3`,
      )
      .bind(shift, subject, id),
  ]);
}

const clubStatus = async (host: string, id: number, who?: Person) =>
  bodyOf(await read(as(host, who).clubs[':id'].$get(byId(id))), 200).status;
const clubConsent = async (host: string, id: number, who: Person) =>
  bodyOf(await read(as(host, who).clubs[':id'].consent.$get(byId(id))), 200);
const objectToClub = (host: string, id: number, who: Person, reason = '活动场地与现有社团冲突') =>
  read(as(host, who).clubs[':id'].objections.$post({ ...byId(id), json: { reason } }));

describe('consent on clubs', () => {
  it('asks every administrator, waits, and approves after N days of silence', async () => {
    const c = await consentCommunity(3);
    const id = await proposeClub(c.host, c.proposer);
    const view = await clubConsent(c.host, id, c.proposer);
    expect(view.window).toMatchObject({ status: 'waiting', objections: [] });
    expect(view.window?.asked.map((p) => p.id).sort()).toEqual([c.admin.id, c.second.id].sort());
    // Both administrators are told.
    const note = bodyOf(await read(as(c.host, c.second).me.notifications.$get()), 200);
    expect(JSON.stringify(note)).toContain('请您表态');
    // An explicit approval is not how this community decides.
    expect((await setClubStatus(c.host, id, 'active', c.admin)).status).toBe(409);
    expect(await clubStatus(c.host, id)).toBe('proposed');
    await age(c.slug, 'club', id, 2);
    expect(await clubStatus(c.host, id)).toBe('proposed');
    await age(c.slug, 'club', id, 1);
    expect(await clubStatus(c.host, id)).toBe('active');
    const after = await clubConsent(c.host, id, c.proposer);
    expect(after.window?.status).toBe('approved');
    // Its fund opened with the approval.
    expect(bodyOf(await read(as(c.host).clubs[':id'].$get(byId(id))), 200).fund).not.toBeNull();
  });

  it('an objection blocks past the deadline; a revision answers it and starts the window again', async () => {
    const c = await consentCommunity(3);
    const id = await proposeClub(c.host, c.proposer);
    const objected = await objectToClub(c.host, id, c.second);
    expect(objected.status).toBe(201);
    // Residents may not object; the proposer is told.
    expect((await objectToClub(c.host, id, c.proposer)).status).toBe(403);
    await age(c.slug, 'club', id, 5);
    expect(await clubStatus(c.host, id)).toBe('proposed');
    const blocked = await clubConsent(c.host, id, c.admin);
    expect(blocked.window).toMatchObject({ status: 'blocked', objections: [{ reason: '活动场地与现有社团冲突', resolvedAt: null }] });

    const revise = await read(
      as(c.host, c.proposer).clubs[':id'].$put({ ...byId(id), json: { name: uniq('羽毛球社'), purpose: '改到周末上午，不占用篮球场' } }),
    );
    expect(revise.status).toBe(200);
    const restarted = await clubConsent(c.host, id, c.admin);
    expect(restarted.window).toMatchObject({ status: 'waiting', objections: [{ resolution: 'revised' }] });
    await age(c.slug, 'club', id, 2);
    expect(await clubStatus(c.host, id)).toBe('proposed');
    await age(c.slug, 'club', id, 1);
    expect(await clubStatus(c.host, id)).toBe('active');
  });

  it('the objector withdraws, and only the objector may', async () => {
    const c = await consentCommunity(3);
    const id = await proposeClub(c.host, c.proposer);
    const { id: objectionId } = bodyOf(await objectToClub(c.host, id, c.second), 201);
    await age(c.slug, 'club', id, 4);
    const withdraw = (who: Person) =>
      read(
        as(c.host, who).clubs[':id'].objections[':objectionId'].withdraw.$post({
          param: { id: String(id), objectionId: String(objectionId) },
        }),
      );
    expect((await withdraw(c.admin)).status).toBe(403);
    expect(await clubStatus(c.host, id)).toBe('proposed');
    expect((await withdraw(c.second)).status).toBe(200);
    // The window ran out while the objection stood: withdrawing it approves at once.
    expect(await clubStatus(c.host, id)).toBe('active');
  });

  it('with one administrator, consent is the single approval', async () => {
    const c = await community();
    await read(as(c.host, c.admin).community.settings.$patch({ json: { decisionRule: 'consent' } }));
    const proposer = await resident(c.host, '提议人');
    const id = await proposeClub(c.host, proposer);
    expect((await clubConsent(c.host, id, proposer)).window).toBeNull();
    expect((await setClubStatus(c.host, id, 'active', c.admin)).status).toBe(200);
  });

  it('single mode is unchanged: one administrator approves, there is nothing to object to', async () => {
    const c = await community();
    const second = await resident(c.host, '副会长');
    await makeAdmin(c.host, c.admin, second);
    const proposer = await resident(c.host, '提议人');
    const id = await proposeClub(c.host, proposer);
    expect((await objectToClub(c.host, id, second)).status).toBe(409);
    expect((await setClubStatus(c.host, id, 'active', c.admin)).status).toBe(200);
    expect(await clubStatus(c.host, id)).toBe('active');
  });
});

describe('consent on activity budgets', () => {
  it('submission asks the administrators; an objection blocks; a revised budget restarts; silence approves', async () => {
    const c = await consentCommunity(3);
    const clubId = await activeClubBeforeConsent(c);
    const id = await draft(c.host, c.proposer, { clubId });
    await step(c.host, id, 'submit', c.proposer);
    expect((await read(as(c.host, c.admin).activities[':id'].steps.$post({ ...byId(id), json: { step: 'approve' } }))).status).toBe(409);
    const objected = await read(as(c.host, c.admin).activities[':id'].objections.$post({ ...byId(id), json: { reason: '场地费偏高' } }));
    expect(objected.status).toBe(201);
    await age(c.slug, 'activity', id, 4);
    const state = async () => bodyOf(await read(as(c.host, c.proposer).activities[':id'].$get(byId(id))), 200).state;
    expect(await state()).toBe('budget-submitted');
    const current = bodyOf(await read(as(c.host, c.proposer).activities[':id'].$get(byId(id))), 200);
    const revised = await read(
      as(c.host, c.proposer).activities[':id'].$put({
        ...byId(id),
        json: activityBody({ clubId, title: current.title, startsAt: current.startsAt, endsAt: current.endsAt }),
      }),
    );
    expect(revised.status).toBe(200);
    const view = bodyOf(await read(as(c.host, c.proposer).activities[':id'].consent.$get(byId(id))), 200);
    expect(view.window).toMatchObject({ status: 'waiting', objections: [{ reason: '场地费偏高', resolution: 'revised' }] });
    await age(c.slug, 'activity', id, 3);
    expect(await state()).toBe('approved');
  });
});

/** The club the activities belong to, approved before the community switched to consent. */
async function activeClubBeforeConsent(c: Awaited<ReturnType<typeof consentCommunity>>) {
  await read(as(c.host, c.admin).community.settings.$patch({ json: { decisionRule: 'single' } }));
  const clubId = await activeClub(c.host, c.admin, c.proposer);
  await read(as(c.host, c.admin).community.settings.$patch({ json: { decisionRule: 'consent' } }));
  return clubId;
}
