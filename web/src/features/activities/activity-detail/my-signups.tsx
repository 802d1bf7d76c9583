import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { isOffline, offlineQueue, type ReplayOutcome } from '../../../lib/offline-queue';
import { isForChildren } from '../../../../../worker/community/children/rules';
import { type Activity, HAPPENED } from './activity';
import { nameOrErased } from '../../settings/erased-name';

/**
 * The reader's own sign-ups (for themself, or someone they bring), and signing up while sign-up is open. Signed up
 * without a connection, the sign-up waits in the offline queue, shown as pending, and is sent when the connection
 * returns; then the page shows the place it got, or why it was refused.
 */
export function MySignups(props: { id: string; activity: Activity; signedIn: boolean; action: Action }) {
  const { t } = useI18n();
  const [participant, setParticipant] = createSignal('');
  const [isChild, setIsChild] = createSignal(false);
  createEffect(
    on(
      () => props.activity.audience,
      (audience) => setIsChild(audience === 'children'),
    ),
  );
  async function signUp(forSomeone: boolean) {
    const body = forSomeone ? { participant: participant().trim(), isChild: isChild() && !isForChildren(props.activity) } : {};
    await props.action.run(async () => {
      const result = await request(api.api.activities[':id'].signups.$post({ param: { id: props.id }, json: body }));
      props.action.setMessage(result.status === 'confirmed' ? t('activity.signedUpConfirmed') : t('activity.signedUpWaitlisted'));
      if (forSomeone) setParticipant('');
    });
    // The call never reached the server: keep it and send it later.
    if (isOffline(props.action.error())) {
      await offlineQueue.enqueue(props.id, body);
      props.action.setError(undefined);
      props.action.setMessage(t('activity.queuedOffline'));
      if (forSomeone) setParticipant('');
    }
  }
  function showOutcome(outcome: ReplayOutcome) {
    if (outcome.entry.activityId !== props.id) return;
    if (outcome.ok) {
      const done = outcome.result.status === 'confirmed' ? t('activity.signedUpConfirmed') : t('activity.signedUpWaitlisted');
      void props.action.run(async () => undefined, done);
    } else {
      props.action.setMessage(t('activity.queuedRefused'));
      props.action.setError(outcome.error);
    }
  }
  onCleanup(offlineQueue.onOutcome(showOutcome));
  const pending = () => offlineQueue.pendingFor(props.id);
  const cancelSignup = (signupId: number) =>
    props.action.run(
      () => request(api.api.activities[':id'].signups[':signupId'].$delete({ param: { id: props.id, signupId: String(signupId) } })),
      t('activity.signupCancelled'),
    );
  const activeSignups = () => props.activity.mySignups.filter((s) => s.status !== 'cancelled');
  const signedUpSelf = () => activeSignups().some((s) => s.participant === '') || pending().some((p) => !p.body.participant);

  return (
    <section aria-labelledby="my-signups-title">
      <h2 id="my-signups-title">{t('activity.mySignups')}</h2>
      <MemberGate next={`/activities/${props.id}`} />
      <Show when={activeSignups().length > 0 || pending().length > 0}>
        <ul class="rows">
          <For each={activeSignups()}>
            {(s) => (
              <li>
                <span>{nameOrErased(s.participant, t('retention.erased')) || t('activity.myself')}</span>
                <Show when={s.isChild}>
                  <span class="tag">{t('activity.child')}</span>
                </Show>
                <span class="tag" classList={{ warn: s.status === 'waitlisted' }}>
                  {t(`signupStatus.${s.status}`)}
                </span>
                <Show when={s.checkedInAt}>
                  <span class="tag">{t('activity.checkedInTag')}</span>
                </Show>
                <Show when={!HAPPENED.includes(props.activity.state)}>
                  <button type="button" class="button secondary" disabled={props.action.busy()} onClick={() => cancelSignup(s.id)}>
                    {t('activity.cancelSignup')}
                  </button>
                </Show>
              </li>
            )}
          </For>
          <For each={pending()}>
            {(p) => (
              <li>
                <span>{p.body.participant || t('activity.myself')}</span>
                <Show when={p.body.isChild}>
                  <span class="tag">{t('activity.child')}</span>
                </Show>
                <span class="tag warn pending">{t('activity.pendingOnline')}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.signedIn}>
        <Show
          when={props.activity.state === 'open'}
          fallback={
            <Show when={!HAPPENED.includes(props.activity.state) && props.activity.state !== 'cancelled'}>
              <p class="help">{t(props.activity.state === 'approved' ? 'activity.notOpenYet' : 'activity.signupClosed')}</p>
            </Show>
          }
        >
          <div class="actions">
            <Show when={props.activity.audience !== 'children' && !signedUpSelf()}>
              <button type="button" class="button" disabled={props.action.busy()} onClick={() => void signUp(false)}>
                {props.activity.places.free > 0 ? t('activity.signUpMyself') : t('activity.joinWaitlist')}
              </button>
            </Show>
          </div>
          {/* A child of a children's activity is signed up by their guardian with consent (ChildSignup, features/children). */}
          <Show when={props.activity.audience !== 'children'}>
            <form
              class="card inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void signUp(true);
              }}
            >
              <h3>{props.activity.audience === 'children' ? t('activity.signUpChild') : t('activity.signUpOther')}</h3>
              <div class="field">
                <label for="signup-participant">{t('activity.participantName')}</label>
                <input
                  id="signup-participant"
                  type="text"
                  required
                  maxlength="40"
                  value={participant()}
                  onInput={(e) => setParticipant(e.currentTarget.value)}
                />
              </div>
              {/* On an activity of a children's program a child's place needs consent (ChildSignup); this form brings adults. */}
              <Show when={!isForChildren(props.activity)}>
                <label class="radio">
                  <input
                    type="checkbox"
                    checked={isChild()}
                    disabled={props.activity.audience === 'children'}
                    onChange={(e) => setIsChild(e.currentTarget.checked)}
                  />
                  {t('activity.isChild')}
                </label>
              </Show>
              <button type="submit" class="button secondary" disabled={props.action.busy()}>
                {t('activity.signUpThem')}
              </button>
            </form>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
