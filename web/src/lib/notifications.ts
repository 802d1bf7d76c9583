import { createSignal } from 'solid-js';

const [version, setVersion] = createSignal(0);

/** Changes whenever the reader's notifications may have changed (e.g. marked read), so the header badge re-reads them. */
export const notificationsVersion = version;

export function notificationsChanged(): void {
  setVersion((v) => v + 1);
}
