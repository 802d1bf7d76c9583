import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { isForChildren } from '../../../../../worker/community/children/rules';
import { type Activity, HAPPENED } from './activity';

/** The reader's own sign-ups (for themself, or someone they bring), and signing up while sign-up is open. */
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
    await props.action.run(async () => {
      const body = forSomeone ? { participant: participant().trim(), isChild: isChild() && !isForChildren(props.activity) } : {};
      const result = await request(api.api.activities[':id'].signups.$post({ param: { id: props.id }, json: body }));
      props.action.setMessage(result.status === 'confirmed' ? t('activity.signedUpConfirmed') : t('activity.signedUpWaitlisted'));
      if (forSomeone) setParticipant('');
    });
  }
  const cancelSignup = (signupId: number) =>
    props.action.run(
      () => request(api.api.activities[':id'].signups[':signupId'].$delete({ param: { id: props.id, signupId: String(signupId) } })),
      t('activity.signupCancelled'),
    );
  const activeSignups = () => props.activity.mySignups.filter((s) => s.status !== 'cancelled');
  const signedUpSelf = () => activeSignups().some((s) => s.participant === '');

  return (
    <section aria-labelledby="my-signups-title">
      <h2 id="my-signups-title">{t('activity.mySignups')}</h2>
      <MemberGate next={`/activities/${props.id}`} />
      <Show when={activeSignups().length > 0}>
        <ul class="rows">
          <For each={activeSignups()}>
            {(s) => (
              <li>
                <span>{s.participant || t('activity.myself')}</span>
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
