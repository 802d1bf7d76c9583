import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n';

/**
 * Shares the page's link: the phone's own share sheet where the browser has one (Web Share API), otherwise the link
 * is copied for pasting into a group chat. The page's preview in the chat comes from the card the server adds.
 */
export function ShareButton(props: { title: string; url?: string }) {
  const { t } = useI18n();
  const [note, setNote] = createSignal('');
  const share = async () => {
    const url = props.url ?? window.location.href;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: props.title, url });
        return;
      } catch (error) {
        // The person closed the share sheet: nothing to do.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setNote(t('app.shareCopied'));
    } catch {
      setNote(t('app.shareFailed'));
    }
  };
  return (
    <span class="share">
      <button type="button" class="button secondary" onClick={share}>
        {t('app.share')}
      </button>
      <Show when={note()}>
        <span class="hint" role="status">
          {note()}
        </span>
      </Show>
    </span>
  );
}
