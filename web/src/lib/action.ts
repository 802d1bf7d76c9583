import { createSignal } from 'solid-js';

/**
 * The state of a page's buttons: busy while a call runs, its error, and a confirmation message.
 * `after` reloads what the call changed.
 */
export function createAction(after: () => Promise<unknown> | unknown) {
  const [error, setError] = createSignal<unknown>();
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  async function run(call: () => Promise<unknown>, done?: string) {
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      await call();
      if (done) setMessage(done);
      await after();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, message, setMessage, busy, run };
}

/** A page's action state, handed to the parts of the page that share its buttons' busy state and messages. */
export type Action = ReturnType<typeof createAction>;
