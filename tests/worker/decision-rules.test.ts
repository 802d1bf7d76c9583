import { describe, expect, it } from 'vitest';
import {
  type Stance,
  checkStance,
  checkStances,
  DecisionInputError,
  decide,
  decideByMajority,
  decideByUnanimity,
  defaultQuorum,
  effectivePosition,
  type Position,
} from '../../worker/community/meetings/rules';

const PARTIES = ['residents-committee', 'owners-committee', 'property-company', 'association'];
const [RC, OC, PC, AS] = PARTIES as [string, string, string, string];

function present(voter: string, position: Position | null, reason?: string): Stance {
  return { voter, attended: true, position, reason: reason ?? null };
}
function written(voter: string, position: Position, reason?: string): Stance {
  return { voter, attended: false, position, reason: reason ?? null, written: true };
}
function absent(voter: string): Stance {
  return { voter, attended: false, position: null };
}
const allAgree = (voters: string[]) => voters.map((v) => present(v, 'agree'));

describe('checkStance', () => {
  it('accepts plain agree and abstain without a reason', () => {
    expect(checkStance(present(RC, 'agree'))).toBeNull();
    expect(checkStance(present(RC, 'abstain'))).toBeNull();
    expect(checkStance(present(RC, 'agree', 'good for the stairwells'))).toBeNull();
    expect(checkStance(present(RC, null))).toBeNull();
    expect(checkStance(absent(RC))).toBeNull();
  });

  it('requires a non-blank reason for an objection', () => {
    expect(checkStance(present(RC, 'object'))).toMatch(/reason/);
    expect(checkStance(present(RC, 'object', '   '))).toMatch(/reason/);
    expect(checkStance({ voter: RC, attended: true, position: 'object' })).toMatch(/reason/);
    expect(checkStance(present(RC, 'object', 'the budget has no surplus'))).toBeNull();
  });

  it('requires a written reason and the lifting change for a block', () => {
    expect(checkStance(present(PC, 'block'))).toMatch(/block needs a written reason/);
    expect(checkStance(present(PC, 'block', ''))).toMatch(/lift/);
    expect(checkStance(written(PC, 'block'))).toMatch(/reason/);
    expect(checkStance(present(PC, 'block', 'no fire separation underground; a site above ground would do'))).toBeNull();
  });

  it('lets an absent voter have a position only when it was handed in in writing', () => {
    expect(checkStance({ voter: OC, attended: false, position: 'agree' })).toMatch(/absent voter/);
    expect(checkStance({ voter: OC, attended: false, position: 'agree', written: false })).toMatch(/absent voter/);
    expect(checkStance(written(OC, 'agree'))).toBeNull();
    expect(checkStance(written(OC, 'object', 'too costly'))).toBeNull();
  });

  it('rejects a written position from a voter who attended, and a written stance with no position', () => {
    expect(checkStance({ voter: OC, attended: true, position: 'agree', written: true })).toMatch(/attended/);
    expect(checkStance({ voter: OC, attended: false, position: null, written: true })).toMatch(/written position/);
  });

  it('rejects a blank voter and an unknown position', () => {
    expect(checkStance(present('', 'agree'))).toMatch(/voter/);
    expect(checkStance(present('  ', 'agree'))).toMatch(/voter/);
    expect(checkStance({ voter: RC, attended: true, position: 'veto' as Position })).toMatch(/unknown position/);
  });
});

describe('effectivePosition', () => {
  it('counts a present position and an absent written one, nothing else', () => {
    expect(effectivePosition(present(RC, 'agree'))).toBe('agree');
    expect(effectivePosition(written(RC, 'block', 'r'))).toBe('block');
    expect(effectivePosition(absent(RC))).toBeNull();
    expect(effectivePosition(present(RC, null))).toBeNull();
    expect(effectivePosition(undefined)).toBeNull();
  });
});

describe('decideByUnanimity (the joint meeting)', () => {
  it('adopts when all four parties agree', () => {
    const outcome = decideByUnanimity(PARTIES, allAgree(PARTIES));
    expect(outcome.result).toBe('adopted');
    expect(outcome.tally).toEqual({ agree: 4, object: 0, block: 0, abstain: 0, missing: 0, present: 4 });
  });

  it('is stopped by a single block, which is reported with its reason', () => {
    const reason = 'the underground car park lacks fire separation; an above-ground site could be reconsidered';
    const outcome = decideByUnanimity(PARTIES, [
      present(RC, 'agree'),
      present(OC, 'agree'),
      present(PC, 'block', reason),
      present(AS, 'agree'),
    ]);
    expect(outcome).toEqual({
      result: 'blocked',
      blocks: [{ voter: PC, reason }],
      tally: { agree: 3, object: 0, block: 1, abstain: 0, missing: 0, present: 4 },
    });
  });

  it('lists every block, in the body’s voter order, and blocks even when others object', () => {
    const outcome = decideByUnanimity(PARTIES, [
      present(AS, 'block', 'outside the association’s remit'),
      present(OC, 'object', 'needs a cost estimate'),
      present(RC, 'block', 'breaks the fire code'),
      present(PC, 'agree'),
    ]);
    expect(outcome.result).toBe('blocked');
    if (outcome.result !== 'blocked') return;
    expect(outcome.blocks).toEqual([
      { voter: RC, reason: 'breaks the fire code' },
      { voter: AS, reason: 'outside the association’s remit' },
    ]);
    expect(outcome.tally.object).toBe(1);
    expect(outcome.tally.block).toBe(2);
  });

  it('does not adopt when a party objects without blocking, and lists the objections', () => {
    const outcome = decideByUnanimity(PARTIES, [
      present(RC, 'agree'),
      present(OC, 'object', 'charge users for the electricity'),
      present(PC, 'agree'),
      present(AS, 'agree'),
    ]);
    expect(outcome).toEqual({
      result: 'not-adopted',
      objections: [{ voter: OC, reason: 'charge users for the electricity' }],
      abstentions: [],
      tally: { agree: 3, object: 1, block: 0, abstain: 0, missing: 0, present: 4 },
    });
  });

  it('does not count an abstention as agreement', () => {
    const outcome = decideByUnanimity(PARTIES, [present(RC, 'agree'), present(OC, 'agree'), present(PC, 'abstain'), present(AS, 'agree')]);
    expect(outcome.result).toBe('not-adopted');
    if (outcome.result !== 'not-adopted') return;
    expect(outcome.objections).toEqual([]);
    expect(outcome.abstentions).toEqual([PC]);
    expect(outcome.tally.abstain).toBe(1);
  });

  it('leaves the item undecided when a party is absent without a written position, never counting it as agreeing', () => {
    const outcome = decideByUnanimity(PARTIES, [present(RC, 'agree'), absent(OC), present(PC, 'agree'), present(AS, 'agree')]);
    expect(outcome).toEqual({
      result: 'undecided',
      cause: 'no-position',
      missing: [OC],
      tally: { agree: 3, object: 0, block: 0, abstain: 0, missing: 1, present: 3 },
    });
  });

  it('treats a party with no stance at all like an absent one', () => {
    const outcome = decideByUnanimity(PARTIES, [present(RC, 'agree'), present(PC, 'agree')]);
    expect(outcome.result).toBe('undecided');
    if (outcome.result !== 'undecided') return;
    expect(outcome.missing).toEqual([OC, AS]);
    expect(outcome.tally.present).toBe(2);
  });

  it('leaves the item undecided while a present party’s position is not yet recorded', () => {
    const outcome = decideByUnanimity(PARTIES, [present(RC, 'agree'), present(OC, null), present(PC, 'agree'), present(AS, 'agree')]);
    expect(outcome.result).toBe('undecided');
    if (outcome.result !== 'undecided') return;
    expect(outcome.missing).toEqual([OC]);
    expect(outcome.tally.present).toBe(4);
  });

  it('counts a written agree from an absent party', () => {
    const outcome = decideByUnanimity(PARTIES, [present(RC, 'agree'), written(OC, 'agree'), present(PC, 'agree'), present(AS, 'agree')]);
    expect(outcome.result).toBe('adopted');
    expect(outcome.tally).toEqual({ agree: 4, object: 0, block: 0, abstain: 0, missing: 0, present: 3 });
  });

  it('counts a written block or objection from an absent party', () => {
    const blocked = decideByUnanimity(PARTIES, [
      present(RC, 'agree'),
      written(OC, 'block', 'benefits only a few owners'),
      present(PC, 'agree'),
      present(AS, 'agree'),
    ]);
    expect(blocked).toMatchObject({ result: 'blocked', blocks: [{ voter: OC, reason: 'benefits only a few owners' }] });
    const objected = decideByUnanimity(PARTIES, [
      present(RC, 'agree'),
      written(OC, 'object', 'too costly'),
      present(PC, 'agree'),
      present(AS, 'agree'),
    ]);
    expect(objected).toMatchObject({ result: 'not-adopted', objections: [{ voter: OC, reason: 'too costly' }] });
  });

  it('reports a block even while another party is missing', () => {
    const outcome = decideByUnanimity(PARTIES, [
      present(RC, 'agree'),
      absent(OC),
      present(PC, 'block', 'exceeds the contract'),
      present(AS, 'agree'),
    ]);
    expect(outcome.result).toBe('blocked');
    if (outcome.result !== 'blocked') return;
    expect(outcome.blocks).toEqual([{ voter: PC, reason: 'exceeds the contract' }]);
    expect(outcome.tally.missing).toBe(1);
  });

  it('reports a missing party before an objection: the item carries over rather than being voted down', () => {
    const outcome = decideByUnanimity(PARTIES, [
      present(RC, 'object', 'needs a map'),
      absent(OC),
      present(PC, 'abstain'),
      present(AS, 'agree'),
    ]);
    expect(outcome.result).toBe('undecided');
    if (outcome.result !== 'undecided') return;
    expect(outcome.missing).toEqual([OC]);
    expect(outcome.tally).toMatchObject({ object: 1, abstain: 1, agree: 1, missing: 1 });
  });

  it('trims the reasons it reports', () => {
    const outcome = decideByUnanimity([RC], [present(RC, 'block', '  unsafe  ')]);
    expect(outcome).toMatchObject({ blocks: [{ voter: RC, reason: 'unsafe' }] });
  });

  it('rejects two stances for one voter instead of picking one by order', () => {
    const stances = [
      present(RC, 'agree'),
      present(OC, 'agree'),
      present(PC, 'agree'),
      present(AS, 'agree'),
      present(PC, 'block', 'unsafe'),
    ];
    expect(() => decideByUnanimity(PARTIES, stances)).toThrow(DecisionInputError);
    expect(() => decideByUnanimity(PARTIES, stances)).toThrow(/property-company.*more than one stance/);
    // Even identical duplicates are rejected: the record itself is wrong.
    expect(() => decideByUnanimity(PARTIES, [...allAgree(PARTIES), present(RC, 'agree')])).toThrow(DecisionInputError);
    expect(checkStances(PARTIES, stances)).toMatch(/more than one stance/);
  });

  it('ignores stances from anyone who is not a voter, even invalid or duplicated ones', () => {
    const stances = [
      ...allAgree(PARTIES),
      present('grid-worker', 'block'),
      present('grid-worker', 'object', 'x'),
      { voter: 'guest', attended: false, position: 'block' } as Stance,
    ];
    const outcome = decideByUnanimity(PARTIES, stances);
    expect(outcome.result).toBe('adopted');
    expect(outcome.tally.block).toBe(0);
    expect(checkStances(PARTIES, stances)).toBeNull();
  });

  it('rejects an invalid stance from a voter rather than guessing what it meant', () => {
    expect(() =>
      decideByUnanimity(PARTIES, [present(RC, 'block'), present(OC, 'agree'), present(PC, 'agree'), present(AS, 'agree')]),
    ).toThrow(/residents-committee.*block needs a written reason/);
    expect(() => decideByUnanimity(PARTIES, [{ voter: RC, attended: false, position: 'agree' }])).toThrow(DecisionInputError);
  });

  it('rejects an empty body and a voter listed twice', () => {
    expect(() => decideByUnanimity([], [])).toThrow(/no voters/);
    expect(() => decideByUnanimity([RC, RC], allAgree([RC]))).toThrow(/listed twice/);
    expect(() => decideByUnanimity([RC, ''], allAgree([RC]))).toThrow(/voter must have a key/);
  });
});

describe('decideByMajority (committees and the federation)', () => {
  const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'];

  it('defaults the quorum to more than half of the voters', () => {
    expect(defaultQuorum(5)).toBe(3);
    expect(defaultQuorum(4)).toBe(3);
    expect(defaultQuorum(1)).toBe(1);
  });

  it('adopts on a simple majority, reporting the minority’s objections in the tally', () => {
    const outcome = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'agree'),
      present('m3', 'agree'),
      present('m4', 'object', 'too early'),
      present('m5', 'object', 'too costly'),
    ]);
    expect(outcome).toEqual({ result: 'adopted', tally: { agree: 3, object: 2, block: 0, abstain: 0, missing: 0, present: 5 } });
  });

  it('does not adopt on a minority of agrees', () => {
    const outcome = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'object', 'a'),
      present('m3', 'object', 'b'),
      present('m4', 'agree'),
      present('m5', 'object', 'c'),
    ]);
    expect(outcome.result).toBe('not-adopted');
    if (outcome.result !== 'not-adopted') return;
    expect(outcome.objections.map((o) => o.voter)).toEqual(['m2', 'm3', 'm5']);
  });

  it('does not adopt on a tie', () => {
    const outcome = decideByMajority(
      ['a', 'b', 'c', 'd'],
      [present('a', 'agree'), present('b', 'agree'), present('c', 'object', 'x'), present('d', 'object', 'y')],
    );
    expect(outcome.result).toBe('not-adopted');
    expect(outcome.tally).toMatchObject({ agree: 2, object: 2 });
  });

  it('counts a block as an objection rather than a veto', () => {
    const adopted = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'agree'),
      present('m3', 'agree'),
      present('m4', 'block', 'unsafe'),
      present('m5', 'abstain'),
    ]);
    expect(adopted.result).toBe('adopted');
    const tied = decideByMajority(['a', 'b'], [present('a', 'agree'), present('b', 'block', 'unsafe')]);
    expect(tied).toMatchObject({ result: 'not-adopted', objections: [{ voter: 'b', reason: 'unsafe' }] });
  });

  it('ignores abstentions on both sides', () => {
    const adopted = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'abstain'),
      present('m3', 'abstain'),
      present('m4', 'abstain'),
      present('m5', 'abstain'),
    ]);
    expect(adopted.result).toBe('adopted');
    const nobody = decideByMajority(
      MEMBERS,
      MEMBERS.map((m) => present(m, 'abstain')),
    );
    expect(nobody).toMatchObject({ result: 'not-adopted', objections: [], abstentions: MEMBERS });
  });

  it('is undecided when the quorum is not met, listing the absent voters', () => {
    const outcome = decideByMajority(MEMBERS, [present('m1', 'agree'), present('m2', 'agree'), absent('m3'), absent('m4')]);
    expect(outcome).toEqual({
      result: 'undecided',
      cause: 'no-quorum',
      missing: ['m3', 'm4', 'm5'],
      tally: { agree: 2, object: 0, block: 0, abstain: 0, missing: 3, present: 2 },
    });
  });

  it('counts written positions toward the vote but not toward the quorum', () => {
    const belowQuorum = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'agree'),
      written('m3', 'agree'),
      written('m4', 'agree'),
    ]);
    expect(belowQuorum).toMatchObject({ result: 'undecided', cause: 'no-quorum', missing: ['m3', 'm4', 'm5'] });
    expect(belowQuorum.tally.agree).toBe(4);

    const swung = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'object', 'x'),
      present('m3', 'object', 'y'),
      written('m4', 'agree'),
      written('m5', 'agree'),
    ]);
    expect(swung.result).toBe('adopted');
    expect(swung.tally).toMatchObject({ agree: 3, object: 2, present: 3 });
  });

  it('lets absent voters without a written position simply not vote once the quorum is met', () => {
    const outcome = decideByMajority(MEMBERS, [present('m1', 'agree'), present('m2', 'agree'), present('m3', 'object', 'x'), absent('m4')]);
    expect(outcome.result).toBe('adopted');
    expect(outcome.tally).toMatchObject({ agree: 2, object: 1, missing: 2, present: 3 });
  });

  it('is undecided while a present voter’s position is not yet recorded', () => {
    const outcome = decideByMajority(MEMBERS, [
      present('m1', 'agree'),
      present('m2', 'agree'),
      present('m3', 'agree'),
      present('m4', null),
    ]);
    expect(outcome).toMatchObject({ result: 'undecided', cause: 'no-position', missing: ['m4'] });
  });

  it('takes an explicit quorum', () => {
    const stances = [present('m1', 'agree'), present('m2', 'object', 'x'), written('m3', 'agree')];
    expect(decideByMajority(MEMBERS, stances, { quorum: 2 }).result).toBe('adopted');
    expect(decideByMajority(MEMBERS, stances, { quorum: 3 }).result).toBe('undecided');
    expect(decideByMajority(['a', 'b'], [present('a', 'agree'), present('b', 'agree')], { quorum: 3 })).toMatchObject({
      result: 'undecided',
      cause: 'no-quorum',
      missing: [],
    });
    expect(() => decideByMajority(MEMBERS, stances, { quorum: 0 })).toThrow(/quorum/);
    expect(() => decideByMajority(MEMBERS, stances, { quorum: 1.5 })).toThrow(DecisionInputError);
  });

  it('applies the same input checks as unanimity', () => {
    expect(() => decideByMajority(MEMBERS, [present('m1', 'agree'), present('m1', 'object', 'x')])).toThrow(/more than one stance/);
    expect(() => decideByMajority(MEMBERS, [present('m1', 'object')])).toThrow(/objection needs a reason/);
    expect(decideByMajority(['m1'], [present('m1', 'agree'), present('outsider', 'object', 'x')]).result).toBe('adopted');
  });
});

describe('decide', () => {
  const stances = [present(RC, 'agree'), present(OC, 'agree'), present(PC, 'agree'), present(AS, 'block', 'outside our remit')];

  it('dispatches to the body’s rule', () => {
    expect(decide('unanimity', PARTIES, stances)).toEqual(decideByUnanimity(PARTIES, stances));
    expect(decide('unanimity', PARTIES, stances).result).toBe('blocked');
    expect(decide('majority', PARTIES, stances)).toEqual(decideByMajority(PARTIES, stances));
    expect(decide('majority', PARTIES, stances).result).toBe('adopted');
  });

  it('passes majority options through and rejects an unknown rule', () => {
    expect(decide('majority', PARTIES, stances.slice(0, 2), { quorum: 2 }).result).toBe('adopted');
    expect(decide('majority', PARTIES, stances.slice(0, 2)).result).toBe('undecided');
    expect(() => decide('consensus' as 'unanimity', PARTIES, stances)).toThrow(/unknown decision rule/);
  });
});
