/** Who decides in a meeting: its body's rule and its voters (as they are now, or as fixed when it opened). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import {
  bodies,
  bodyParties,
  clubMembers,
  clubs,
  committeeMembers,
  meetingVoters,
  memberRoles,
  members,
  parties,
} from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { Meeting } from './schema';

/** One voter of a meeting: a party of the joint meeting, or a person on a committee or in the federation. */
export interface MeetingVoter {
  key: string;
  kind: 'party' | 'member' | 'expert';
  title: { zh: string; en: string };
  /** The party's organisation, or the clubs a federation member leads. */
  organisationName: string | null;
  memberId: number | null;
}

/** A body and its decision rule: unanimity for the joint meeting, majority for committees and the federation. */
export async function bodyRule(db: TenantDb, bodyKey: string) {
  const [body] = await db.select().from(bodies).where(eq(bodies.key, bodyKey));
  if (!body) throw new AppError('validation_failed', 'No such body', { bodyKey: ['No such body'] });
  return { body, rule: body.decisionRule ?? 'majority' };
}

/**
 * Who votes in a body now: its member parties (the joint meeting), the named committee's members (residents and
 * outside experts), or the leaders and responsible persons of the community's active clubs (the federation).
 */
export async function currentVoters(db: TenantDb, meeting: { bodyKey: string; committeeId: number | null }): Promise<MeetingVoter[]> {
  if (meeting.bodyKey === 'professional-committees') {
    if (meeting.committeeId === null) return [];
    const rows = await db
      .select({
        id: committeeMembers.id,
        memberId: committeeMembers.memberId,
        externalName: committeeMembers.externalName,
        expertise: committeeMembers.expertise,
        displayName: members.displayName,
      })
      .from(committeeMembers)
      .leftJoin(members, eq(members.id, committeeMembers.memberId))
      .where(eq(committeeMembers.committeeId, meeting.committeeId))
      .orderBy(asc(committeeMembers.id));
    const seen = new Set<string>();
    const voters: MeetingVoter[] = [];
    for (const r of rows) {
      const key = r.memberId !== null ? `member:${r.memberId}` : `expert:${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = r.displayName ?? r.externalName ?? key;
      voters.push({
        key,
        kind: r.memberId !== null ? 'member' : 'expert',
        title: { zh: name, en: name },
        organisationName: r.expertise || null,
        memberId: r.memberId,
      });
    }
    return voters;
  }
  if (meeting.bodyKey === 'federation') {
    const [leaders, responsible] = await db.batch([
      db
        .select({ memberId: clubMembers.memberId, displayName: members.displayName, clubName: clubs.name })
        .from(clubMembers)
        .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
        .innerJoin(members, eq(members.id, clubMembers.memberId))
        .where(and(eq(clubMembers.role, 'leader'), eq(clubs.status, 'active'))),
      db
        .select({ memberId: clubs.responsibleMemberId, displayName: members.displayName, clubName: clubs.name })
        .from(clubs)
        .innerJoin(members, eq(members.id, clubs.responsibleMemberId))
        .where(eq(clubs.status, 'active')),
    ]);
    // One vote per person, however many clubs they lead.
    const byMember = new Map<number, { name: string; clubs: Set<string> }>();
    for (const r of [...responsible, ...leaders]) {
      const entry = byMember.get(r.memberId) ?? { name: r.displayName, clubs: new Set<string>() };
      entry.clubs.add(r.clubName);
      byMember.set(r.memberId, entry);
    }
    return [...byMember.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([memberId, e]) => ({
        key: `member:${memberId}`,
        kind: 'member' as const,
        title: { zh: e.name, en: e.name },
        organisationName: [...e.clubs].sort().join('、'),
        memberId,
      }));
  }
  const rows = await db
    .select({ key: parties.key, titleZh: parties.titleZh, titleEn: parties.titleEn, organisationName: parties.organisationName })
    .from(bodyParties)
    .innerJoin(parties, eq(parties.key, bodyParties.partyKey))
    .where(eq(bodyParties.bodyKey, meeting.bodyKey))
    .orderBy(asc(parties.position));
  return rows.map((p) => ({
    key: p.key,
    kind: 'party' as const,
    title: { zh: p.titleZh, en: p.titleEn },
    organisationName: p.organisationName,
    memberId: null,
  }));
}

/** The voters of a meeting: fixed when it was opened, so later changes of membership do not rewrite its votes. */
export async function votersOf(db: TenantDb, meeting: Meeting): Promise<MeetingVoter[]> {
  if (meeting.status === 'scheduled') return currentVoters(db, meeting);
  const [fixed, partyRows] = await db.batch([
    db.select().from(meetingVoters).where(eq(meetingVoters.meetingId, meeting.id)).orderBy(asc(meetingVoters.position)),
    db
      .select({ key: parties.key, titleZh: parties.titleZh, titleEn: parties.titleEn, organisationName: parties.organisationName })
      .from(parties),
  ]);
  // Meetings opened before voters were fixed read them as they are now.
  if (fixed.length === 0) return currentVoters(db, meeting);
  return fixed.map((v) => {
    const party = v.kind === 'party' ? partyRows.find((p) => p.key === v.voter) : undefined;
    return {
      key: v.voter,
      kind: v.kind,
      title: party ? { zh: party.titleZh, en: party.titleEn } : { zh: v.name, en: v.name },
      organisationName: party ? party.organisationName : v.detail,
      memberId: v.memberId,
    };
  });
}

/** The voter of a meeting with this key; a key that does not sit on its body is a validation error. */
export async function voterOf(db: TenantDb, meeting: Meeting, voterKey: string) {
  const voter = (await votersOf(db, meeting)).find((v) => v.key === voterKey);
  if (!voter) throw new AppError('validation_failed', 'That voter does not sit on this body', { voter: ['Not a voter of this meeting'] });
  return voter;
}

/**
 * The people a meeting's news goes to: its members who vote in person (committee members, club leaders) and the
 * representatives of its parties (the joint meeting).
 */
export async function peopleOf(db: TenantDb, meeting: Meeting): Promise<number[]> {
  const voters = await votersOf(db, meeting);
  const partyKeys = voters.filter((v) => v.kind === 'party').map((v) => v.key);
  const reps =
    partyKeys.length === 0
      ? []
      : await db
          .select({ memberId: memberRoles.memberId })
          .from(memberRoles)
          .where(and(eq(memberRoles.role, 'party-representative'), inArray(memberRoles.partyKey, partyKeys)));
  return [...new Set([...voters.flatMap((v) => (v.memberId === null ? [] : [v.memberId])), ...reps.map((r) => r.memberId)])];
}
