import { describe, expect, it, vi } from 'vitest';
import { registerAfterLoad } from '../../web/src/lib/service-worker';

/** A document in the given state and a window that keeps its load listeners for the test to fire. */
function page(readyState: DocumentReadyState) {
  const listeners: (() => void)[] = [];
  const doc = { readyState } as Document;
  const win = {
    addEventListener: (type: string, listener: () => void) => type === 'load' && listeners.push(listener),
  } as unknown as Window;
  const load = () => {
    for (const listener of listeners.splice(0)) listener();
  };
  return { doc, win, load };
}

describe('registering the service worker', () => {
  it('waits for the page to load, so the offline download does not slow the first visit', () => {
    const register = vi.fn(() => Promise.resolve());
    const { doc, win, load } = page('interactive');
    registerAfterLoad(register, doc, win);
    expect(register).not.toHaveBeenCalled();
    load();
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('registers at once when the page has already loaded, and swallows a refusal', async () => {
    const register = vi.fn(() => Promise.reject(new Error('blocked')));
    const { doc, win } = page('complete');
    registerAfterLoad(register, doc, win);
    expect(register).toHaveBeenCalledTimes(1);
    await Promise.resolve();
  });
});
