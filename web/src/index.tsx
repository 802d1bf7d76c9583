import { render } from 'solid-js/web';
import { App } from './app';
import { sharedWordsReady } from './i18n';
import { startOfflineQueue } from './lib/offline-queue';
import { registerAfterLoad } from './lib/service-worker';
import './styles.css';

const root = document.getElementById('root');
// In Chinese, the default, at once; in English once its shared words are loaded (the app's frame shows them).
void sharedWordsReady()
  .catch(() => undefined)
  .then(() => {
    if (root) render(() => <App />, root);
  });

// The service worker (web/sw) is built for production only; the dev server and the tests run without it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerAfterLoad(() => navigator.serviceWorker.register('/service-worker.js', { scope: '/' }));
}
startOfflineQueue();
