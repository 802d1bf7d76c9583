/**
 * The chair's list of who speaks next on the item under discussion, following the rules of procedure used in
 * Chinese community practice: each speaker at most twice per item, and speakers for and against the motion
 * take turns where both are waiting. Pure functions over an immutable state.
 */

export type Side = 'for' | 'against';

export interface SpeakingRequest {
  speaker: string;
  side: Side;
}

export interface SpeakingQueue {
  waiting: readonly SpeakingRequest[];
  /** Turns each speaker has had on this item. */
  turns: Readonly<Record<string, number>>;
  current: SpeakingRequest | null;
}

export const MAX_TURNS = 2;

export const emptyQueue = (): SpeakingQueue => ({ waiting: [], turns: {}, current: null });

export type Refusal = 'max-turns' | 'already-waiting';

/** Puts a speaker on the list, or says why not: no third turn, and no second place in the line. */
export function askToSpeak(queue: SpeakingQueue, speaker: string, side: Side): { queue: SpeakingQueue; refused?: Refusal } {
  if (queue.waiting.some((r) => r.speaker === speaker)) return { queue, refused: 'already-waiting' };
  if ((queue.turns[speaker] ?? 0) >= MAX_TURNS) return { queue, refused: 'max-turns' };
  return { queue: { ...queue, waiting: [...queue.waiting, { speaker, side }] } };
}

/** Takes a speaker off the list before their turn (they changed their mind). */
export function withdraw(queue: SpeakingQueue, speaker: string): SpeakingQueue {
  return { ...queue, waiting: queue.waiting.filter((r) => r.speaker !== speaker) };
}

/**
 * Gives the floor to the next speaker: the first one waiting on the other side from the last speaker, so that
 * for and against alternate; the first in line when nobody on the other side is waiting.
 */
export function nextSpeaker(queue: SpeakingQueue): SpeakingQueue {
  if (queue.waiting.length === 0) return { ...queue, current: null };
  const lastSide = queue.current?.side;
  const index = lastSide ? queue.waiting.findIndex((r) => r.side !== lastSide) : 0;
  const pick = Math.max(index, 0);
  const chosen = queue.waiting[pick]!;
  return {
    waiting: queue.waiting.filter((_, i) => i !== pick),
    turns: { ...queue.turns, [chosen.speaker]: (queue.turns[chosen.speaker] ?? 0) + 1 },
    current: chosen,
  };
}
