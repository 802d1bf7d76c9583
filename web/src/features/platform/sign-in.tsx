import { useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { mountClerkSignIn } from '../../lib/clerk';
import { devSignIn } from '../../lib/site';
import { useSite } from '../../lib/site-context';

/** Only local paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignIn() {
  const { t, pick } = useI18n();
  const { site, refetchMe } = useSite();
  const [params] = useSearchParams<{ next?: string; as?: string; name?: string }>();
  const navigate = useNavigate();
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const isDev = () => site()?.authMode === 'dev';
  const [personas] = createResource(isDev, async () => (await request(api.api.dev.personas.$get())).personas);
  const [userId, setUserId] = createSignal('');
  const [name, setName] = createSignal('');

  async function signInAs(id: string, displayName: string) {
    setBusy(true);
    setError(undefined);
    try {
      await devSignIn(id, displayName);
      await refetchMe();
      navigate(safeNext(params.next), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  // Hand-off from the platform after sign-up: the new community's site signs the founder in here too.
  onMount(() => {
    const as = params.as;
    const handOffName = params.name;
    if (as && handOffName) {
      const waitForSite = setInterval(() => {
        if (site.state === 'ready') {
          clearInterval(waitForSite);
          if (isDev()) void signInAs(as, handOffName);
        }
      }, 20);
    }
  });

  return (
    <section>
      <h1>{t('signIn.title')}</h1>
      <ErrorMessage error={error()} />
      <Show when={site()}>
        <Show
          when={isDev()}
          fallback={
            <Show when={site()?.clerkPublishableKey} fallback={<p class="alert">{t('signIn.clerkMissing')}</p>}>
              {(key) => (
                <>
                  <p class="lead">{t('signIn.clerkIntro')}</p>
                  <div ref={(el) => void mountClerkSignIn(el, new URL(safeNext(params.next), location.origin).href, key())} />
                </>
              )}
            </Show>
          }
        >
          <p class="lead">{t('signIn.devIntro')}</p>
          <h2>{t('signIn.personas')}</h2>
          <ul class="persona-list">
            <For each={personas()}>
              {(p) => (
                <li>
                  <button type="button" disabled={busy()} onClick={() => signInAs(p.userId, pick({ zh: p.nameZh, en: p.nameEn }))}>
                    {pick({ zh: p.nameZh, en: p.nameEn })}
                    <span class="role">{pick({ zh: p.roleZh, en: p.roleEn })}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
          <h2>{t('signIn.newUser')}</h2>
          <form
            class="card"
            onSubmit={(e) => {
              e.preventDefault();
              void signInAs(userId().trim(), name().trim() || userId().trim());
            }}
          >
            <div class="field">
              <label for="dev-user-id">{t('signIn.userId')}</label>
              <input
                id="dev-user-id"
                type="text"
                required
                pattern="[A-Za-z0-9_\-]{1,64}"
                autocomplete="username"
                value={userId()}
                onInput={(e) => setUserId(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="dev-name">{t('signIn.displayName')}</label>
              <input id="dev-name" type="text" maxlength="40" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <button class="button" type="submit" disabled={busy()}>
              {t('signIn.submit')}
            </button>
          </form>
        </Show>
      </Show>
    </section>
  );
}
