import { A, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';

/** What the check-in QR code opens: signs the reader's own confirmed places in. */
export default function ActivityCheckIn() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ token?: string }>();
  const { t } = useI18n();
  const { me } = useSite();
  const [activity] = createResource(
    () => params.id,
    (id) => request(api.api.activities[':id'].$get({ param: { id } })).catch(() => null),
  );
  const [checkedIn, setCheckedIn] = createSignal<number>();
  const [error, setError] = createSignal<unknown>();
  const [tried, setTried] = createSignal(false);
  const here = () => `/activities/${params.id}/check-in?token=${encodeURIComponent(search.token ?? '')}`;

  async function checkIn() {
    const token = search.token;
    if (!token) return;
    setTried(true);
    setError(undefined);
    try {
      const result = await request(api.api.activities[':id'].checkins.$post({ param: { id: params.id }, json: { token } }));
      setCheckedIn(result.checkedIn);
    } catch (e) {
      setError(e);
    }
  }

  // Check in as soon as we know the reader is a member; once per opening.
  createEffect(() => {
    if (!tried() && me()?.member && search.token) void checkIn();
  });

  const specific = () => {
    const e = error();
    if (!(e instanceof ApiError)) return null;
    if (e.code === 'not_found') return t('checkIn.noPlace');
    if (e.code === 'forbidden') return t('checkIn.badCode');
    if (e.code === 'conflict') return t('checkIn.notNow');
    if (e.code === 'validation_failed') return t('checkIn.badCode');
    return null;
  };

  return (
    <section class="check-in">
      <h1>{t('checkIn.title')}</h1>
      <Show when={activity()}>{(a) => <p class="lead">{a().title}</p>}</Show>
      <Show when={search.token} fallback={<p class="alert">{t('checkIn.noToken')}</p>}>
        <Show when={!me.loading} fallback={<p>{t('app.loading')}</p>}>
          <Show
            when={me()}
            fallback={
              <p class="notice">
                <A href={`/sign-in?next=${encodeURIComponent(here())}`}>{t('checkIn.signIn')}</A>
              </p>
            }
          >
            <Show
              when={me()?.member}
              fallback={
                <p class="notice">
                  <A href="/join">{t('checkIn.join')}</A>
                </p>
              }
            >
              <Show when={checkedIn()}>
                {(n) => (
                  <p class="notice success" role="status">
                    <span class="big-check" aria-hidden="true">
                      ✓
                    </span>
                    {t('checkIn.done', { count: String(n()) })}
                  </p>
                )}
              </Show>
              <Show when={error()}>
                <Show when={specific()} fallback={<ErrorMessage error={error()} />}>
                  <p class="alert" role="alert">
                    {specific()}
                  </p>
                </Show>
                <button type="button" class="button secondary" onClick={() => void checkIn()}>
                  {t('app.retry')}
                </button>
              </Show>
              <Show when={tried() && !checkedIn() && !error()}>
                <p role="status">{t('checkIn.working')}</p>
              </Show>
            </Show>
          </Show>
        </Show>
      </Show>
      <p>
        <A href={`/activities/${params.id}`}>{t('checkIn.toActivity')}</A>
      </p>
    </section>
  );
}
