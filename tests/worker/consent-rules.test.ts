import { describe, expect, it } from 'vitest';
import { type ConsentEvent, consentState, effectiveRule, eventsOf } from '../../worker/community/consent/rules';

const T0 = Date.parse('2026-03-01T02:00:00.000Z');
/** An instant `days` (and hours) after the window opened. */
const at = (days: number, hours = 0) => new Date(T0 + days * 86_400_000 + hours * 3_600_000).toISOString();
const opened: ConsentEvent = { kind: 'opened', at: at(0) };

describe('consent: silence approves after N days', () => {
  it('waits inside the window and approves at the deadline when nobody objects', () => {
    expect(consentState([opened], 3, at(2, 23))).toMatchObject({ status: 'waiting', deadline: at(3), approvedAt: null });
    expect(consentState([opened], 3, at(3))).toMatchObject({ status: 'approved', approvedAt: at(3) });
    expect(consentState([opened], 3, at(10))).toMatchObject({ status: 'approved', approvedAt: at(3) });
  });

  it('follows the number of days the community chose', () => {
    expect(consentState([opened], 7, at(5)).status).toBe('waiting');
    expect(consentState([opened], 7, at(7)).approvedAt).toBe(at(7));
  });
});

describe('consent: an objection blocks until the plan is revised', () => {
  const objected: ConsentEvent = { kind: 'objected', at: at(1), objectionId: 1 };

  it('blocks past the deadline while the objection stands', () => {
    const state = consentState([opened, objected], 3, at(30));
    expect(state).toMatchObject({ status: 'blocked', approvedAt: null, standing: [1] });
  });

  it('a revision answers the objection and starts the window again', () => {
    const events: ConsentEvent[] = [opened, objected, { kind: 'revised', at: at(5) }];
    expect(consentState(events, 3, at(7))).toMatchObject({ status: 'waiting', windowStart: at(5), deadline: at(8), standing: [] });
    expect(consentState(events, 3, at(8))).toMatchObject({ status: 'approved', approvedAt: at(8) });
  });

  it('a revision without objections also starts the window again', () => {
    const events: ConsentEvent[] = [opened, { kind: 'revised', at: at(2) }];
    expect(consentState(events, 3, at(4)).status).toBe('waiting');
    expect(consentState(events, 3, at(5)).approvedAt).toBe(at(5));
  });

  it('an objection after the deadline comes too late', () => {
    const events: ConsentEvent[] = [opened, { kind: 'objected', at: at(3, 1), objectionId: 9 }];
    expect(consentState(events, 3, at(4))).toMatchObject({ status: 'approved', approvedAt: at(3) });
  });

  it('nothing after now has happened yet', () => {
    expect(consentState([opened, { kind: 'objected', at: at(2), objectionId: 1 }], 3, at(1)).status).toBe('waiting');
  });
});

describe('consent: the objector withdraws', () => {
  it('a withdrawal inside the window leaves the original deadline', () => {
    const events: ConsentEvent[] = [
      opened,
      { kind: 'objected', at: at(1), objectionId: 1 },
      { kind: 'withdrawn', at: at(2), objectionId: 1 },
    ];
    expect(consentState(events, 3, at(2, 1)).status).toBe('waiting');
    expect(consentState(events, 3, at(3)).approvedAt).toBe(at(3));
  });

  it('a withdrawal after the deadline approves at once, but only when no other objection stands', () => {
    const events: ConsentEvent[] = [
      opened,
      { kind: 'objected', at: at(1), objectionId: 1 },
      { kind: 'objected', at: at(1, 2), objectionId: 2 },
      { kind: 'withdrawn', at: at(4), objectionId: 1 },
    ];
    expect(consentState(events, 3, at(6))).toMatchObject({ status: 'blocked', standing: [2] });
    const both: ConsentEvent[] = [...events, { kind: 'withdrawn', at: at(6), objectionId: 2 }];
    expect(consentState(both, 3, at(6))).toMatchObject({ status: 'approved', approvedAt: at(6) });
  });
});

describe('consent with one administrator', () => {
  it('degenerates to the single approval', () => {
    expect(effectiveRule('consent', 1)).toBe('single');
    expect(effectiveRule('consent', 0)).toBe('single');
    expect(effectiveRule('consent', 2)).toBe('consent');
    expect(effectiveRule('single', 5)).toBe('single');
  });
});

describe('stored windows as events', () => {
  it('reads revisions from the objections they answered and from the last restart', () => {
    const events = eventsOf({ openedAt: at(0), restartedAt: at(6) }, [
      { id: 1, raisedAt: at(1), resolvedAt: at(2), resolution: 'revised' },
      { id: 2, raisedAt: at(3), resolvedAt: at(4), resolution: 'withdrawn' },
      { id: 3, raisedAt: at(4, 12), resolvedAt: at(6), resolution: 'revised' },
    ]);
    expect(consentState(events, 3, at(8))).toMatchObject({ status: 'waiting', windowStart: at(6) });
    expect(consentState(events, 3, at(9))).toMatchObject({ status: 'approved', approvedAt: at(9) });
  });
});
