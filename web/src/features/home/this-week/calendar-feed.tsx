import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';

/** The member's own calendar feed: a private link their phone's calendar subscribes to, made on request and copied. */
export function CalendarFeed() {
  const { t } = useI18n();
  const [feed, setFeed] = createSignal<string>();
  const [feedError, setFeedError] = createSignal<unknown>();
  const [copied, setCopied] = createSignal(false);
  async function subscribe() {
    setFeedError(undefined);
    setCopied(false);
    try {
      const { path } = await request(api.api.me['calendar-token'].$post());
      setFeed(`${location.origin}${path}`);
    } catch (error) {
      setFeedError(error);
    }
  }
  async function copyFeed() {
    const url = feed();
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div class="card">
      <h3>{t('week.calendar')}</h3>
      <p>{t('week.calendarBody')}</p>
      <ErrorMessage error={feedError()} />
      <Show
        when={feed()}
        fallback={
          <button type="button" class="button secondary" onClick={() => void subscribe()}>
            {t('week.subscribe')}
          </button>
        }
      >
        {(url) => (
          <form
            class="copy-field"
            onSubmit={(e) => {
              e.preventDefault();
              void copyFeed();
            }}
          >
            <div class="field">
              <label for="feed-url">{t('week.feedUrl')}</label>
              <input
                id="feed-url"
                type="text"
                readonly
                value={url()}
                onFocus={(e) => e.currentTarget.select()}
                aria-describedby="feed-help"
              />
              <span class="help" id="feed-help">
                {t('week.feedHelp')}
              </span>
            </div>
            <button type="submit" class="button secondary">
              {copied() ? t('week.copied') : t('week.copy')}
            </button>
          </form>
        )}
      </Show>
    </div>
  );
}
