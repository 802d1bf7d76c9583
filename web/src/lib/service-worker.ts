/**
 * Registers the service worker (web/sw) once the page has loaded. Installing it downloads the app's files for offline
 * use; started any earlier, on a slow line that download competes with the first visit's own code and data.
 */
export function registerAfterLoad(register: () => Promise<unknown>, doc: Document = document, win: Window = window): void {
  const go = () => void register().catch(() => undefined);
  if (doc.readyState === 'complete') go();
  else win.addEventListener('load', go, { once: true });
}
