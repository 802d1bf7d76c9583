import { describe, expect, it } from 'vitest';
import { type ActivityState, activityStates, activityVisibility, announcedStates } from '../../worker/community/activities/rules';
import { publicStatement } from '../../worker/community/ledger/rules';
import { visibleMinutes } from '../../worker/community/meetings/rules';
import { seesOrganiserNames, seesResidentNames } from '../../worker/community/members/rules';
import { wallClock } from '../../worker/community/profile/rules';

const nobody = { admin: false, organiser: false, clubResponsible: false, signedUp: false };

describe('activityVisibility', () => {
  it('shows an announced activity to everyone, and nothing before it is open to anyone but the people involved', () => {
    for (const state of activityStates) {
      const expected = announcedStates.includes(state) ? 'full' : 'hidden';
      expect(activityVisibility(state, nobody), state).toBe(expected);
      expect(activityVisibility(state, { ...nobody, signedUp: true }), `${state}, signed up`).toBe(
        state === 'cancelled' ? 'cancelled-notice' : expected,
      );
    }
  });

  it('shows every state in full to the organiser, the club responsible and admins', () => {
    const unannounced: ActivityState[] = ['draft', 'budget-submitted', 'approved', 'cancelled'];
    for (const state of unannounced)
      for (const who of [{ organiser: true }, { clubResponsible: true }, { admin: true }])
        expect(activityVisibility(state, { ...nobody, ...who }), `${state} ${JSON.stringify(who)}`).toBe('full');
  });
});

describe('visibleMinutes', () => {
  const draft = { minutes: '会议纪要草稿', minutesPublishedAt: null };
  const published = { minutes: '会议纪要', minutesPublishedAt: '2026-11-30T12:00:00Z' };

  it('keeps a draft for the chair and those who record positions', () => {
    expect(visibleMinutes(draft, { chairs: true, recordsFor: [] })).toBe('会议纪要草稿');
    expect(visibleMinutes(draft, { chairs: false, recordsFor: ['owners-committee'] })).toBe('会议纪要草稿');
    expect(visibleMinutes(draft, { chairs: false, recordsFor: [] })).toBeNull();
  });

  it('gives published minutes to every member', () => {
    expect(visibleMinutes(published, { chairs: false, recordsFor: [] })).toBe('会议纪要');
  });
});

describe("residents' names", () => {
  it('are for members; organisers are shown to visitors only by the community’s choice', () => {
    expect(seesResidentNames(null)).toBe(false);
    expect(seesResidentNames({ id: 3 })).toBe(true);
    expect(seesOrganiserNames(null, false)).toBe(false);
    expect(seesOrganiserNames(null, true)).toBe(true);
    expect(seesOrganiserNames({ id: 3 }, false)).toBe(true);
  });

  it("leave a statement's totals to visitors and its entries to members", () => {
    const statement = { incomeFen: 5000, entries: [{ memo: '蔡阿姨捐赠' }] };
    expect(publicStatement(statement, null)).toEqual({ incomeFen: 5000, entries: [], entriesForMembers: true });
    expect(publicStatement(statement, { id: 1 })).toEqual({ ...statement, entriesForMembers: false });
  });
});

describe('wallClock', () => {
  it('reads one instant on the community’s clock, whatever offset it was written with', () => {
    for (const written of ['2026-12-05T01:30:00Z', '2026-12-05T09:30:00+08:00', '2026-12-04T17:30:00-08:00'])
      expect(wallClock(written, 'Asia/Shanghai'), written).toEqual({ date: '2026-12-05', minutes: 9 * 60 + 30 });
  });

  it('follows summer time where the zone has it', () => {
    expect(wallClock('2026-07-01T12:00:00Z', 'Europe/Berlin').minutes).toBe(14 * 60);
    expect(wallClock('2026-12-01T12:00:00Z', 'Europe/Berlin').minutes).toBe(13 * 60);
  });
});
