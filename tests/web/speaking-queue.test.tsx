import { describe, expect, it } from 'vitest';
import { askToSpeak, emptyQueue, MAX_TURNS, nextSpeaker, type SpeakingQueue, type Side, withdraw } from '../../web/src/lib/speaking-queue';

const ask = (queue: SpeakingQueue, speaker: string, side: Side) => askToSpeak(queue, speaker, side).queue;

describe('the speaking queue (rules of procedure)', () => {
  it('gives the floor in order when everyone is on one side', () => {
    let q = ask(ask(ask(emptyQueue(), 'a', 'for'), 'b', 'for'), 'c', 'for');
    q = nextSpeaker(q);
    expect(q.current?.speaker).toBe('a');
    q = nextSpeaker(q);
    expect(q.current?.speaker).toBe('b');
  });

  it('alternates for and against when both are waiting', () => {
    let q = emptyQueue();
    for (const [s, side] of [
      ['a', 'for'],
      ['b', 'for'],
      ['c', 'against'],
      ['d', 'for'],
      ['e', 'against'],
    ] as const)
      q = ask(q, s, side);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      q = nextSpeaker(q);
      order.push(q.current!.speaker);
    }
    expect(order).toEqual(['a', 'c', 'b', 'e', 'd']);
  });

  it('allows each speaker at most two turns on an item', () => {
    let q = emptyQueue();
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      q = ask(q, 'a', 'for');
      q = nextSpeaker(q);
    }
    expect(q.turns.a).toBe(2);
    const third = askToSpeak(q, 'a', 'against');
    expect(third.refused).toBe('max-turns');
    expect(third.queue).toBe(q);
  });

  it('keeps one place in line per speaker, and lets a speaker withdraw', () => {
    let q = ask(emptyQueue(), 'a', 'for');
    expect(askToSpeak(q, 'a', 'against').refused).toBe('already-waiting');
    q = withdraw(ask(q, 'b', 'against'), 'a');
    expect(q.waiting.map((r) => r.speaker)).toEqual(['b']);
  });

  it('clears the floor when nobody is waiting', () => {
    const q = nextSpeaker(nextSpeaker(ask(emptyQueue(), 'a', 'for')));
    expect(q.current).toBeNull();
    expect(q.turns.a).toBe(1);
  });
});

describe('the chair’s speaking queue panel', async () => {
  const { cleanup, fireEvent, render, screen } = await import('@solidjs/testing-library');
  const { SpeakingQueuePanel } = await import('../../web/src/features/meetings/speaking-queue');
  const { withProviders } = await import('./render');
  const { afterEach, vi } = await import('vitest');
  afterEach(() => cleanup());

  it('lines speakers up, alternates sides, restarts the timer for each, and refuses a third turn', async () => {
    const onNext = vi.fn();
    const voters = [
      { key: 'owners-committee', name: '业委会' },
      { key: 'property-company', name: '物业' },
    ];
    render(withProviders(() => <SpeakingQueuePanel idPrefix="q" voters={voters} onNextSpeaker={onNext} />));
    const who = (await screen.findByLabelText('请求发言')) as unknown as HTMLSelectElement;
    const add = (key: string, side: '赞成' | '反对') => {
      fireEvent.change(who, { target: { value: key } });
      fireEvent.click(screen.getByLabelText(side));
      fireEvent.click(screen.getByRole('button', { name: '加入名单' }));
    };
    add('owners-committee', '赞成');
    add('property-company', '反对');
    expect(screen.getByRole('list', { name: '等候发言' }).textContent).toContain('物业');
    fireEvent.click(screen.getByRole('button', { name: '请下一位发言' }));
    expect(screen.getByRole('status').textContent).toBe('正在发言：业委会（赞成，第 1/2 次）');
    expect(onNext).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '请下一位发言' }));
    expect(screen.getByRole('status').textContent).toContain('物业（反对');
    add('owners-committee', '反对');
    fireEvent.click(screen.getByRole('button', { name: '请下一位发言' }));
    add('owners-committee', '赞成');
    expect(screen.getByRole('alert').textContent).toBe('每人每个议题最多发言 2 次。');
  });
});
