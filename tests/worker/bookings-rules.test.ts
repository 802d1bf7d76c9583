import { describe, expect, it } from 'vitest';
import type { ActivityState } from '../../worker/community/activities/rules';
import {
  type BookingFacts,
  type BookingViewer,
  bookingView,
  occurrences,
  plainMember,
  withinOpeningHours,
} from '../../worker/community/bookings/rules';

describe('opening hours, on the community wall clock', () => {
  const hall = { opensAt: '08:00', closesAt: '22:00', timeZone: 'Asia/Shanghai' };

  it('reads a time on the community clock whatever offset it is written with', () => {
    // 09:00–11:00 in Shanghai, written three ways.
    expect(withinOpeningHours(hall, '2026-12-05T01:00:00Z', '2026-12-05T03:00:00Z')).toBe(true);
    expect(withinOpeningHours(hall, '2026-12-05T09:00:00+08:00', '2026-12-05T11:00:00+08:00')).toBe(true);
    expect(withinOpeningHours(hall, '2026-12-04T17:00:00-08:00', '2026-12-04T19:00:00-08:00')).toBe(true);
    // 01:00 UTC looks like the middle of the night; 15:00 UTC like the afternoon: in Shanghai they are 09:00 and 23:00.
    expect(withinOpeningHours(hall, '2026-12-05T15:00:00Z', '2026-12-05T16:00:00Z')).toBe(false);
    // 23:00 at UTC−8 is 15:00 the next day in Shanghai; 07:00 at UTC−8 is 23:00.
    expect(withinOpeningHours(hall, '2026-12-05T23:00:00-08:00', '2026-12-06T01:00:00-08:00')).toBe(true);
    expect(withinOpeningHours(hall, '2026-12-05T07:00:00-08:00', '2026-12-05T08:00:00-08:00')).toBe(false);
  });

  it('holds to the minute at both ends', () => {
    expect(withinOpeningHours(hall, '2027-03-01T08:00:00+08:00', '2027-03-01T22:00:00+08:00')).toBe(true);
    expect(withinOpeningHours(hall, '2027-03-01T07:59:00+08:00', '2027-03-01T09:00:00+08:00')).toBe(false);
    expect(withinOpeningHours(hall, '2027-03-01T20:00:00+08:00', '2027-03-01T22:01:00+08:00')).toBe(false);
    expect(withinOpeningHours(hall, '2027-03-01T20:00:00+08:00', '2027-03-01T22:00:30+08:00')).toBe(false);
  });

  it('a booking across midnight fits only a space open overnight; equal times never close', () => {
    expect(withinOpeningHours(hall, '2027-03-01T21:00:00+08:00', '2027-03-01T23:00:00+08:00')).toBe(false);
    const lounge = { opensAt: '18:00', closesAt: '02:00', timeZone: 'Asia/Shanghai' };
    expect(withinOpeningHours(lounge, '2027-03-01T23:00:00+08:00', '2027-03-02T01:30:00+08:00')).toBe(true);
    expect(withinOpeningHours(lounge, '2027-03-01T15:00:00Z', '2027-03-01T17:30:00Z')).toBe(true);
    expect(withinOpeningHours(lounge, '2027-03-02T00:30:00+08:00', '2027-03-02T02:00:00+08:00')).toBe(true);
    expect(withinOpeningHours(lounge, '2027-03-02T01:00:00+08:00', '2027-03-02T03:00:00+08:00')).toBe(false);
    expect(withinOpeningHours(lounge, '2027-03-02T17:00:00+08:00', '2027-03-02T19:00:00+08:00')).toBe(false);
    const always = { opensAt: '00:00', closesAt: '00:00', timeZone: 'Asia/Shanghai' };
    expect(withinOpeningHours(always, '2027-03-02T03:00:00+08:00', '2027-03-02T05:00:00+08:00')).toBe(true);
  });

  it('the same instant is inside the hours in one community and outside in another', () => {
    const berlin = { ...hall, timeZone: 'Europe/Berlin' };
    // 10:00–12:00 UTC: 18:00–20:00 in Shanghai, 11:00–13:00 in Berlin; 16:00–18:00 UTC: 00:00 in Shanghai, 17:00 in Berlin.
    expect(withinOpeningHours(hall, '2027-01-10T10:00:00Z', '2027-01-10T12:00:00Z')).toBe(true);
    expect(withinOpeningHours(berlin, '2027-01-10T10:00:00Z', '2027-01-10T12:00:00Z')).toBe(true);
    expect(withinOpeningHours(hall, '2027-01-10T16:00:00Z', '2027-01-10T18:00:00Z')).toBe(false);
    expect(withinOpeningHours(berlin, '2027-01-10T16:00:00Z', '2027-01-10T18:00:00Z')).toBe(true);
  });
});

describe('weekly occurrences', () => {
  it('are whole weeks apart in a zone without summer time', () => {
    expect(occurrences('2027-01-04T19:00:00+08:00', '2027-01-04T21:00:00+08:00', 3, 'Asia/Shanghai')).toEqual([
      { startsAt: '2027-01-04T11:00:00.000Z', endsAt: '2027-01-04T13:00:00.000Z' },
      { startsAt: '2027-01-11T11:00:00.000Z', endsAt: '2027-01-11T13:00:00.000Z' },
      { startsAt: '2027-01-18T11:00:00.000Z', endsAt: '2027-01-18T13:00:00.000Z' },
    ]);
  });

  it('keep their wall-clock time when the clocks change', () => {
    const berlin = { opensAt: '08:00', closesAt: '22:00', timeZone: 'Europe/Berlin' };
    const weeks = occurrences('2027-03-22T20:00:00+01:00', '2027-03-22T22:00:00+01:00', 2, berlin.timeZone);
    expect(weeks).toEqual([
      { startsAt: '2027-03-22T19:00:00.000Z', endsAt: '2027-03-22T21:00:00.000Z' },
      { startsAt: '2027-03-29T18:00:00.000Z', endsAt: '2027-03-29T20:00:00.000Z' },
    ]);
    expect(weeks.every((o) => withinOpeningHours(berlin, o.startsAt, o.endsAt))).toBe(true);
    // And back in autumn: summer time ends on Sunday 31 October 2027.
    expect(occurrences('2027-10-25T19:00:00+02:00', '2027-10-25T20:00:00+02:00', 2, 'Europe/Berlin').map((o) => o.startsAt)).toEqual([
      '2027-10-25T17:00:00.000Z',
      '2027-11-01T18:00:00.000Z',
    ]);
  });
});

describe('what a viewer sees of a booking', () => {
  const visitor: BookingViewer = { kind: 'visitor' };
  const member: BookingViewer = { kind: 'member', memberId: 7, admin: false, responsibleFor: [] };
  const organiser: BookingViewer = { kind: 'member', memberId: 3, admin: false, responsibleFor: [] };
  const clubLead: BookingViewer = { kind: 'member', memberId: 9, admin: false, responsibleFor: [2] };
  const admin: BookingViewer = { kind: 'member', memberId: 1, admin: true, responsibleFor: [] };

  const own: BookingFacts = { clubName: null, bookedBy: '王小雨', purpose: '书法', activity: null };
  const club: BookingFacts = { clubName: '合唱团', bookedBy: '李社长', purpose: '排练', activity: null };
  const forActivity = (state: ActivityState): BookingFacts => ({
    clubName: '合唱团',
    bookedBy: '李社长',
    purpose: '新年音乐会',
    activity: { id: 5, title: '新年音乐会', state, clubId: 2, responsibleMemberId: 3 },
  });

  it("visitors see the club that holds a slot, and nothing personal of a resident's own booking", () => {
    expect(bookingView(own, visitor)).toEqual({ bookedBy: null, purpose: '书法', activityId: null, activityTitle: null });
    expect(bookingView(club, visitor)).toEqual({ bookedBy: '合唱团', purpose: '排练', activityId: null, activityTitle: null });
  });

  it("members see the resident's name", () => {
    expect(bookingView(own, member).bookedBy).toBe('王小雨');
    expect(bookingView(club, member).bookedBy).toBe('李社长');
  });

  it('an announced activity is shown to everyone', () => {
    for (const state of ['open', 'closed', 'held', 'settled', 'reviewed'] as const)
      for (const viewer of [visitor, member])
        expect(bookingView(forActivity(state), viewer)).toMatchObject({
          purpose: '新年音乐会',
          activityId: 5,
          activityTitle: '新年音乐会',
        });
  });

  it('an activity not yet announced, or cancelled, is only named to its organiser, its club lead and the admins', () => {
    const hidden = { purpose: null, activityId: null, activityTitle: null };
    const full = { purpose: '新年音乐会', activityId: 5, activityTitle: '新年音乐会' };
    for (const state of ['draft', 'budget-submitted', 'approved', 'cancelled'] as const) {
      expect(bookingView(forActivity(state), visitor)).toEqual({ bookedBy: '合唱团', ...hidden });
      expect(bookingView(forActivity(state), member)).toEqual({ bookedBy: '李社长', ...hidden });
      expect(bookingView(forActivity(state), plainMember)).toMatchObject(hidden);
      for (const viewer of [organiser, clubLead, admin]) expect(bookingView(forActivity(state), viewer)).toMatchObject(full);
    }
  });
});

describe('odd but valid times', () => {
  it('years before 1000 and after 9999 on the wall clock are still judged, never thrown', () => {
    const hall = { opensAt: '08:00', closesAt: '22:00', timeZone: 'Asia/Shanghai' };
    expect(withinOpeningHours(hall, '0050-06-01T02:00:00Z', '0050-06-01T03:00:00Z')).toBe(true);
    expect(withinOpeningHours(hall, '9999-12-31T15:00:00Z', '9999-12-31T16:00:00Z')).toBe(false);
    expect(occurrences('0050-06-01T02:00:00Z', '0050-06-01T03:00:00Z', 2, 'Asia/Shanghai')).toHaveLength(2);
    expect(occurrences('9999-12-20T02:00:00Z', '9999-12-20T03:00:00Z', 2, 'Asia/Shanghai')[1]!.startsAt).toBe('9999-12-27T02:00:00.000Z');
  });
});
