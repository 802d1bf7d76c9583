import { A, useLocation } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { formatWhen, yuan } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSite } from '../../../lib/site-context';

interface WeekItem {
  id: number;
  title: string;
  clubName: string | null;
  startsAt: string;
  place: string;
  state: string;
  feeFen: number;
  capacity: number;
  confirmed: number;
}

const SHOWN_STATES = ['approved', 'open', 'closed'];

/** What's on this week, with one-tap sign-up; and, for members, their own sign-ups, clubs and calendar. */
export default function ThisWeek() {
  const { t, locale } = useI18n();
  const label = useLabel();
  const { me } = useSite();
  const { member } = useMembership();
  const routeLocation = useLocation();

  const [overview, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api.me.overview.$get()),
  );
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
      setFailure({ id, error });
    } finally {
      setBusy(undefined);
    }
  }
  const [cancelError, setCancelError] = createSignal<unknown>();
  async function cancel(activityId: number, signupId: number) {
    setCancelError(undefined);
    try {
      await request(
        api.api.activities[':id'].signups[':signupId'].$delete({ param: { id: String(activityId), signupId: String(signupId) } }),
      );
      await refetch();
    } catch (error) {
      setCancelError(error);
    }
  }
  const childOnly = (error: unknown) =>
    error instanceof ApiError && error.code === 'validation_failed' && Boolean(error.details && 'isChild' in error.details);

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
              {(item) => {
                const left = () => Math.max(0, item.capacity - item.confirmed);
                const mine = () => mySignupFor(item.id);
                return (
                  <li class="card activity-item" data-activity={item.id}>
                    <h2>
                      <A href={`/activities/${item.id}`}>{item.title}</A>
                    </h2>
                    <Show when={item.clubName}>
                      <p class="club-name">{item.clubName}</p>
                    </Show>
                    <dl class="facts-inline">
                      <div>
                        <dt>{t('week.when')}</dt>
                        <dd>{formatWhen(item.startsAt, locale())}</dd>
                      </div>
                      <div>
                        <dt>{t('week.where')}</dt>
                        <dd>{item.place}</dd>
                      </div>
                      <div>
                        <dt>{t('week.fee')}</dt>
                        <dd>{item.feeFen === 0 ? t('money.free') : yuan(item.feeFen)}</dd>
                      </div>
                      <div>
                        <dt>{t('week.places')}</dt>
                        <dd>
                          {left() > 0 ? t('week.placesLeft', { count: String(left()), capacity: String(item.capacity) }) : t('week.full')}
                        </dd>
                      </div>
                    </dl>
                    <div class="actions">
                      <Show
                        when={item.state === 'open'}
                        fallback={<span class="tag warn">{label(`week.state_${item.state}`, item.state)}</span>}
                      >
                        <Show
                          when={member()}
                          fallback={
                            <A class="button" href={me() ? '/join' : `/sign-in?next=${encodeURIComponent('/this-week')}`}>
                              {t('week.signInToSignUp')}
                            </A>
                          }
                        >
                          <Show
                            when={mine()}
                            fallback={
                              <button
                                type="button"
                                class="button"
                                disabled={busy() === item.id}
                                onClick={() => void signUp(item.id)}
                                aria-label={t('week.signUpFor', { title: item.title })}
                              >
                                {left() > 0 ? t('week.signUp') : t('week.joinWaitlist')}
                              </button>
                            }
                          >
                            {(s) => (
                              <span class="tag" classList={{ warn: s().status === 'waitlisted' }}>
                                {s().status === 'confirmed' ? t('week.youAreIn') : t('week.youAreWaiting')}
                              </span>
                            )}
                          </Show>
                        </Show>
                      </Show>
                    </div>
                    <Show when={result()?.id === item.id}>
                      <p class="notice" role="status">
                        {result()?.text}
                      </p>
                    </Show>
                    <Show when={failure()?.id === item.id}>
                      <Show when={childOnly(failure()?.error)} fallback={<ErrorMessage error={failure()?.error} />}>
                        <p class="alert" role="alert">
                          <A href={`/activities/${item.id}`}>{t('week.childOnly')}</A>
                        </p>
                      </Show>
                    </Show>
                  </li>
                );
              }}
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
          <div class="grid">
            <div class="card">
              <h3>{t('week.mySignups')}</h3>
              <ErrorMessage error={cancelError()} />
              <Show when={(ov()?.signups.length ?? 0) > 0} fallback={<p>{t('week.noSignups')}</p>}>
                <ul class="rows">
                  <For each={ov()?.signups ?? []}>
                    {(s) => (
                      <li>
                        <span>
                          <A href={`/activities/${s.activityId}`}>{s.title}</A>
                          <span class="help block">
                            {formatWhen(s.startsAt, locale())} · {s.place}
                            <Show when={s.participant}> · {s.participant}</Show>
                          </span>
                        </span>
                        <span class="tag" classList={{ warn: s.status === 'waitlisted' }}>
                          {label(`signupStatus.${s.status}`, s.status)}
                        </span>
                        <Show when={['approved', 'open', 'closed'].includes(s.state)}>
                          <button
                            type="button"
                            class="button secondary"
                            onClick={() => void cancel(s.activityId, s.signupId)}
                            aria-label={t('week.cancelFor', { title: s.title })}
                          >
                            {t('week.cancel')}
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
            <div class="card">
              <h3>{t('week.myClubs')}</h3>
              <Show when={(ov()?.clubs.length ?? 0) > 0} fallback={<p>{t('week.noClubs')}</p>}>
                <ul class="rows">
                  <For each={ov()?.clubs ?? []}>
                    {(c) => (
                      <li>
                        <A href={`/clubs/${c.id}`}>{c.name}</A>
                        <Show when={c.role === 'leader'}>
                          <span class="tag">{t('clubs.leader')}</span>
                        </Show>
                        <Show when={c.status !== 'active'}>
                          <span class="tag warn">{label(`clubStatus.${c.status}`, c.status)}</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <p>
                <A href="/clubs">{t('week.allClubs')}</A>
              </p>
            </div>
            <div class="card">
              <h3>{t('week.volunteering')}</h3>
              <p>{t('week.volunteeringBody')}</p>
              <p>
                <A href="/volunteering">{t('week.volunteeringLink')}</A>
              </p>
            </div>
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
          </div>
        </Show>
      </section>
    </section>
  );
}
