/**
 * How a coordination body decides an agenda item once the positions are in.
 *
 * The joint meeting (多方联席会议) decides by unanimity: an item is implemented only after every member party
 * agrees, and any party can block. Committees and the federation may decide by simple majority. Both rules
 * share the same record of positions, so minutes, issue lists and tallies read the same whatever the body.
 *
 * Pure functions: no I/O, no imports from the rest of the project.
 */

/**
 * A voter's position on a motion.
 * - `agree`: accepts the motion as it stands.
 * - `object`: does not accept it as it stands; the motion can be amended and voted again in the same meeting.
 * - `block`: holds that it cannot be carried out at all (law, safety, remit); the item stays open, visibly
 *   blocked, until the proposer revises it and brings it back.
 * - `abstain`: takes no side. Under unanimity that is not agreement.
 */

export const POSITIONS = ['agree', 'object', 'block', 'abstain'] as const;
export type Position = (typeof POSITIONS)[number];

/** A meeting is scheduled, then in progress while positions are recorded, then closed for good. */
export const meetingStatuses = ['scheduled', 'in-progress', 'closed'] as const;

/** What became of an agenda item. */
export const itemOutcomes = ['adopted', 'blocked', 'not-adopted', 'undecided'] as const;
export type ItemOutcome = (typeof itemOutcomes)[number];

export type DecisionRule = 'unanimity' | 'majority';

/** One voter's recorded stance on one motion. */
export interface Stance {
  /** A party key for the joint meeting, a member id for committees and the federation. */
  voter: string;
  /** Whether the voter was present when the vote was taken. */
  attended: boolean;
  /** Null while nothing has been recorded (present but not yet asked, or absent without a written position). */
  position: Position | null;
  /** Required for object and block, so the proposer knows what to change. */
  reason?: string | null;
  /** A written position handed in before the meeting by a voter who then did not attend. */
  written?: boolean;
}

/** Counts over the eligible voters, so minutes can show the vote whatever the outcome. */
export interface Tally {
  agree: number;
  object: number;
  block: number;
  abstain: number;
  /** Voters with no effective position. */
  missing: number;
  /** Voters who attended (written positions of absent voters are not attendance). */
  present: number;
}

export interface VoterReason {
  voter: string;
  reason: string;
}

export type Outcome =
  | { result: 'adopted'; tally: Tally }
  | { result: 'blocked'; blocks: VoterReason[]; tally: Tally }
  | {
      result: 'not-adopted';
      /** Objections (under majority, blocks are listed here too), in voter order. */
      objections: VoterReason[];
      /** Voters who abstained, in voter order. */
      abstentions: string[];
      tally: Tally;
    }
  | {
      result: 'undecided';
      /**
       * `no-position`: these voters have no effective position, so the item carries over.
       * `no-quorum`: too few voters attended; `missing` lists the absent ones.
       */
      cause: 'no-position' | 'no-quorum';
      missing: string[];
      tally: Tally;
    };

export interface MajorityOptions {
  /** Voters who must attend for a vote to count. Defaults to more than half of the voters. */
  quorum?: number;
}

/**
 * Thrown when the input cannot be decided on without guessing: an invalid stance, two stances for one voter,
 * a voter listed twice, no voters at all. A decision must not depend on the order records happen to arrive in,
 * so these are rejected rather than resolved silently.
 */
export class DecisionInputError extends Error {
  override name = 'DecisionInputError';
}

function isBlank(text: string | null | undefined): boolean {
  return text == null || text.trim().length === 0;
}

/**
 * Returns what is wrong with a stance, or null when it can be counted.
 * A reason is required for object and block: an objection says what to amend, a block says why the motion
 * cannot be carried out and what change would lift it. Only an absent voter's written position can count; an
 * absent voter without one has no say on the item, and a present voter states its position at the meeting.
 */
export function checkStance(s: Stance): string | null {
  if (typeof s.voter !== 'string' || isBlank(s.voter)) return 'a stance needs a voter';
  if (typeof s.attended !== 'boolean') return 'a stance must say whether the voter attended';
  if (s.position !== null && !POSITIONS.includes(s.position)) return `unknown position "${String(s.position)}"`;
  if (s.written === true && s.attended) {
    return 'a written position is for a voter who did not attend; a voter who attended states its position at the meeting';
  }
  if (s.written === true && s.position === null) return 'a written position must say agree, object, block or abstain';
  if (!s.attended && s.position !== null && s.written !== true) {
    return 'an absent voter can only have a position handed in in writing before the meeting';
  }
  if (s.position === 'object' && isBlank(s.reason)) return 'an objection needs a reason, so the motion can be amended';
  if (s.position === 'block' && isBlank(s.reason)) {
    return 'a block needs a written reason and the change that would lift it';
  }
  return null;
}

/**
 * The position that counts: a present voter's recorded position, or an absent voter's written one.
 * Null means the voter has no say on this item (yet). Assumes the stance passed `checkStance`.
 */
export function effectivePosition(s: Stance | undefined): Position | null {
  if (!s || s.position === null) return null;
  if (s.attended) return s.position;
  return s.written === true ? s.position : null;
}

/**
 * Returns what is wrong with a set of stances for these voters, or null when they can be decided on.
 * Stances from anyone outside `voters` are ignored here and by the decide functions: only the body's members vote.
 */
export function checkStances(voters: readonly string[], stances: readonly Stance[]): string | null {
  if (voters.length === 0) return 'a body with no voters cannot decide';
  const eligible = new Set<string>();
  for (const voter of voters) {
    if (typeof voter !== 'string' || isBlank(voter)) return 'a voter must have a key';
    if (eligible.has(voter)) return `voter "${voter}" is listed twice`;
    eligible.add(voter);
  }
  const seen = new Set<string>();
  for (const s of stances) {
    if (!eligible.has(s.voter)) continue;
    if (seen.has(s.voter)) return `voter "${s.voter}" has more than one stance`;
    seen.add(s.voter);
    const problem = checkStance(s);
    if (problem) return `voter "${s.voter}": ${problem}`;
  }
  return null;
}

interface Counted {
  voter: string;
  stance: Stance | undefined;
  position: Position | null;
}

/** Validates, drops non-voters and pairs every voter (in the body's order) with its effective position. */
function count(voters: readonly string[], stances: readonly Stance[]): { rows: Counted[]; tally: Tally } {
  const problem = checkStances(voters, stances);
  if (problem) throw new DecisionInputError(problem);
  const byVoter = new Map<string, Stance>();
  for (const s of stances) byVoter.set(s.voter, s);
  const tally: Tally = { agree: 0, object: 0, block: 0, abstain: 0, missing: 0, present: 0 };
  const rows = voters.map((voter): Counted => {
    const stance = byVoter.get(voter);
    const position = effectivePosition(stance);
    if (stance?.attended) tally.present += 1;
    if (position === null) tally.missing += 1;
    else tally[position] += 1;
    return { voter, stance, position };
  });
  return { rows, tally };
}

function reasonOf(row: Counted): string {
  return row.stance?.reason?.trim() ?? '';
}

/**
 * Unanimity, as the joint meeting decides. Precedence, first match wins:
 * 1. any effective block → `blocked`, listing every block. A block is reported even while another voter is
 *    missing or objecting: it already stops the item, and its reason must go on the public list so the proposer
 *    can start revising.
 * 2. any voter without an effective position → `undecided` (`no-position`). An absent party without a written
 *    position is never counted as agreeing; the item is discussed but not decided and moves to the next meeting.
 * 3. any objection or abstention → `not-adopted`; the motion can be amended and voted again.
 * 4. otherwise everyone agrees → `adopted`.
 */
export function decideByUnanimity(voters: readonly string[], stances: readonly Stance[]): Outcome {
  const { rows, tally } = count(voters, stances);
  const blocks = rows.filter((r) => r.position === 'block').map((r) => ({ voter: r.voter, reason: reasonOf(r) }));
  if (blocks.length > 0) return { result: 'blocked', blocks, tally };
  const missing = rows.filter((r) => r.position === null).map((r) => r.voter);
  if (missing.length > 0) return { result: 'undecided', cause: 'no-position', missing, tally };
  if (tally.agree === rows.length) return { result: 'adopted', tally };
  return {
    result: 'not-adopted',
    objections: rows.filter((r) => r.position === 'object').map((r) => ({ voter: r.voter, reason: reasonOf(r) })),
    abstentions: rows.filter((r) => r.position === 'abstain').map((r) => r.voter),
    tally,
  };
}

/** More than half of the voters: the default quorum for a majority vote. */
export function defaultQuorum(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/**
 * Simple majority, as committees and the federation may decide. Precedence, first match wins:
 * 1. fewer voters attended than the quorum → `undecided` (`no-quorum`), listing the absent voters. Written
 *    positions of absent voters count toward the vote but not toward the quorum: a meeting needs people in the room.
 * 2. a voter who attended but has no recorded position → `undecided` (`no-position`): the vote is not finished.
 * 3. agrees > objections → `adopted`, else `not-adopted` (a tie is not a majority). A block counts as an
 *    objection, since no single member can stop a majority body; abstentions count for neither side. Absent
 *    voters without a written position simply do not vote.
 */
export function decideByMajority(voters: readonly string[], stances: readonly Stance[], options: MajorityOptions = {}): Outcome {
  const quorum = options.quorum ?? defaultQuorum(voters.length);
  if (!Number.isInteger(quorum) || quorum < 1) throw new DecisionInputError('quorum must be a whole number of at least 1');
  const { rows, tally } = count(voters, stances);
  if (tally.present < quorum) {
    return { result: 'undecided', cause: 'no-quorum', missing: rows.filter((r) => !r.stance?.attended).map((r) => r.voter), tally };
  }
  const unrecorded = rows.filter((r) => r.stance?.attended && r.position === null).map((r) => r.voter);
  if (unrecorded.length > 0) return { result: 'undecided', cause: 'no-position', missing: unrecorded, tally };
  const against = tally.object + tally.block;
  if (tally.agree > against) return { result: 'adopted', tally };
  return {
    result: 'not-adopted',
    objections: rows.filter((r) => r.position === 'object' || r.position === 'block').map((r) => ({ voter: r.voter, reason: reasonOf(r) })),
    abstentions: rows.filter((r) => r.position === 'abstain').map((r) => r.voter),
    tally,
  };
}

/** Decides by the body's rule: unanimity for the joint meeting, majority where a body's rules allow it. */
export function decide(rule: DecisionRule, voters: readonly string[], stances: readonly Stance[], options?: MajorityOptions): Outcome {
  if (rule === 'unanimity') return decideByUnanimity(voters, stances);
  if (rule === 'majority') return decideByMajority(voters, stances, options);
  throw new DecisionInputError(`unknown decision rule "${String(rule)}"`);
}

/**
 * Minutes before publication are a draft: only the chair and the people who record positions at the meeting see
 * them. Once published they are for every member.
 */
export function visibleMinutes(
  meeting: { minutes: string | null; minutesPublishedAt: string | null },
  you: { chairs: boolean; recordsFor: readonly string[] },
): string | null {
  if (meeting.minutesPublishedAt !== null) return meeting.minutes;
  return you.chairs || you.recordsFor.length > 0 ? meeting.minutes : null;
}
