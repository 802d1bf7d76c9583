import { createSignal, onCleanup } from 'solid-js';

/** The chair's speaking timer: one speaker at a time, two minutes by default (rules of procedure). */
export function createSpeakingTimer() {
  const [limit, setLimit] = createSignal(120);
  const [remaining, setRemaining] = createSignal(120);
  const [running, setRunning] = createSignal(false);
  let handle: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (handle) clearInterval(handle);
    handle = undefined;
    setRunning(false);
  };
  const start = () => {
    if (running()) return;
    setRunning(true);
    handle = setInterval(() => setRemaining((s) => s - 1), 1000);
  };
  const reset = (seconds = limit()) => {
    stop();
    setLimit(seconds);
    setRemaining(seconds);
  };
  onCleanup(stop);
  return { limit, remaining, running, start, stop, reset };
}

export type SpeakingTimer = ReturnType<typeof createSpeakingTimer>;
