import { A, useLocation } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, lazy, onCleanup, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useMembership } from '../../../components/member-gate';
import { useI18n, withWords } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { isOffline, offlineQueue } from '../../../lib/offline-queue';
import { useSite } from '../../../lib/site-context';
import { loadOverview } from './overview';
import { WeekActivity, type WeekItem } from './week-activity';

// A member's own half of the page, and its words, load only for members: a visitor's first load stays small.
const Mine = lazy(withWords(() => import('./mine').then((m) => ({ default: m.Mine })), ['activities', 'clubs', 'home', 'personal-data']));

const SHOWN_STATES = ['approved', 'open', 'closed'];

/** What's on this week, with one-tap sign-up; and, for members, their own sign-ups, clubs and calendar. */
export default function ThisWeek() {
  const { t } = useI18n();
  const { me } = useSite();
  const { member } = useMembership();
  const routeLocation = useLocation();

  const [overview, { refetch }] = createResource(() => member()?.id, loadOverview);
  // Visitors (and signed-in non-members) see the public list of the next seven days.
  const [publicList] = createResource(
    () => (!me.loading && !member() ? 'public' : undefined),
    () => {
      const from = new Date(Date.now() - 3 * 3600_000).toISOString();
      const to = new Date(Date.now() + 7 * 86400_000).toISOString();
      return request(api.api.activities.$get({ query: { from, to } }));
    },
  );
  const ov = () => (overview.state === 'ready' || overview.state === 'refreshing' ? overview() : undefined);
  const items = (): WeekItem[] => {
    if (member()) return ov()?.thisWeek ?? [];
    return (publicList.state === 'ready' ? publicList().activities : []).filter((a) => SHOWN_STATES.includes(a.state));
  };
  // Only the first load shows "loading"; refreshes after a sign-up keep the list (and the focus) in place.
  const loading = () => me.loading || overview.state === 'pending' || publicList.state === 'pending';
  const mySignupFor = (activityId: number) => (ov()?.signups ?? []).find((s) => s.activityId === activityId && s.participant === '');

  const [result, setResult] = createSignal<{ id: number; text: string }>();
  const [failure, setFailure] = createSignal<{ id: number; error: unknown }>();
  const [busy, setBusy] = createSignal<number>();
  async function signUp(id: number) {
    setBusy(id);
    setResult(undefined);
    setFailure(undefined);
    try {
      const signup = await request(api.api.activities[':id'].signups.$post({ param: { id: String(id) }, json: {} }));
      setResult({ id, text: signup.status === 'confirmed' ? t('week.confirmed') : t('week.waitlisted') });
      await refetch();
    } catch (error) {
      if (!isOffline(error)) setFailure({ id, error });
      else {
        // No connection: the sign-up waits on this device and goes when the connection returns.
        await offlineQueue.enqueue(String(id), {});
        setResult({ id, text: t('activity.queuedOffline') });
      }
    } finally {
      setBusy(undefined);
    }
  }
  onCleanup(
    offlineQueue.onOutcome((outcome) => {
      const id = Number(outcome.entry.activityId);
      if (!outcome.ok) return setFailure({ id, error: outcome.error });
      setResult({ id, text: outcome.result.status === 'confirmed' ? t('week.confirmed') : t('week.waitlisted') });
      void refetch();
    }),
  );
  const pendingFor = (activityId: number) => offlineQueue.pendingFor(String(activityId)).some((entry) => !entry.body.participant);

  // "我的" in the menu links to #mine; scroll there once the section exists.
  createEffect(() => {
    if (routeLocation.hash === '#mine' && overview.state === 'ready')
      queueMicrotask(() => document.getElementById('mine')?.scrollIntoView());
  });

  return (
    <section class="this-week">
      <h1>{t('week.title')}</h1>
      <p class="lead">{t('week.intro')}</p>
      <ErrorMessage error={overview.error ?? publicList.error} />
      <Show when={!loading()} fallback={<p>{t('app.loading')}</p>}>
        <Show when={items().length > 0} fallback={<p class="card empty">{t('week.nothing')}</p>}>
          <ul class="activity-list">
            <For each={items()}>
              {(item) => (
                <WeekActivity
                  item={item}
                  mine={mySignupFor(item.id)}
                  pending={pendingFor(item.id)}
                  isMember={Boolean(member())}
                  signedIn={Boolean(me())}
                  busy={busy() === item.id}
                  result={result()?.id === item.id ? result()?.text : undefined}
                  failure={failure()?.id === item.id ? failure() : undefined}
                  onSignUp={() => void signUp(item.id)}
                />
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={member()}>
        <p>
          <A class="button secondary" href="/activities/new">
            {t('week.propose')}
          </A>
        </p>
      </Show>

      <section id="mine" aria-labelledby="mine-title" tabindex="-1">
        <h2 id="mine-title">{t('week.mine')}</h2>
        <Show
          when={member()}
          fallback={
            <p class="notice">
              <Show when={me()} fallback={<A href={`/sign-in?next=${encodeURIComponent('/this-week#mine')}`}>{t('gate.signIn')}</A>}>
                <A href="/join">{t('gate.join')}</A>
              </Show>
            </p>
          }
        >
          <Mine overview={ov()} reload={refetch} />
        </Show>
      </section>
    </section>
  );
}
