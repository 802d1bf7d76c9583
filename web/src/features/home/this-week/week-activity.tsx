import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatWhen, yuan } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';

export interface WeekItem {
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

/** A sign-up the API refused because the activity is for children: the child is signed up on the activity's page. */
const childOnly = (error: unknown) =>
  error instanceof ApiError && error.code === 'validation_failed' && Boolean(error.details && 'isChild' in error.details);

/** One activity of the week: when, where, the fee and the places left, and one-tap sign-up with its outcome. */
export function WeekActivity(props: {
  item: WeekItem;
  /** The reader's own sign-up for it, if any. */
  mine: { status: string } | undefined;
  /** Signed up without a connection: waiting to be sent. */
  pending: boolean;
  isMember: boolean;
  signedIn: boolean;
  busy: boolean;
  result: string | undefined;
  failure: { error: unknown } | undefined;
  onSignUp: () => void;
}) {
  const { t, locale } = useI18n();
  const label = useLabel();
  const left = () => Math.max(0, props.item.capacity - props.item.confirmed);
  return (
    <li class="card activity-item" data-activity={props.item.id}>
      <h2>
        <A href={`/activities/${props.item.id}`}>{props.item.title}</A>
      </h2>
      <Show when={props.item.clubName}>
        <p class="club-name">{props.item.clubName}</p>
      </Show>
      <dl class="facts-inline">
        <div>
          <dt>{t('week.when')}</dt>
          <dd>{formatWhen(props.item.startsAt, locale())}</dd>
        </div>
        <div>
          <dt>{t('week.where')}</dt>
          <dd>{props.item.place}</dd>
        </div>
        <div>
          <dt>{t('week.fee')}</dt>
          <dd>{props.item.feeFen === 0 ? t('money.free') : yuan(props.item.feeFen)}</dd>
        </div>
        <div>
          <dt>{t('week.places')}</dt>
          <dd>{left() > 0 ? t('week.placesLeft', { count: String(left()), capacity: String(props.item.capacity) }) : t('week.full')}</dd>
        </div>
      </dl>
      <div class="actions">
        <Show
          when={props.item.state === 'open'}
          fallback={<span class="tag warn">{label(`week.state_${props.item.state}`, props.item.state)}</span>}
        >
          <Show
            when={props.isMember}
            fallback={
              <A class="button" href={props.signedIn ? '/join' : `/sign-in?next=${encodeURIComponent('/this-week')}`}>
                {t('week.signInToSignUp')}
              </A>
            }
          >
            <Show
              when={props.mine}
              fallback={
                <Show when={!props.pending} fallback={<span class="tag warn">{t('activity.pendingOnline')}</span>}>
                  <button
                    type="button"
                    class="button"
                    disabled={props.busy}
                    onClick={() => props.onSignUp()}
                    aria-label={t('week.signUpFor', { title: props.item.title })}
                  >
                    {left() > 0 ? t('week.signUp') : t('week.joinWaitlist')}
                  </button>
                </Show>
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
      <Show when={props.result}>
        <p class="notice" role="status">
          {props.result}
        </p>
      </Show>
      <Show when={props.failure}>
        {(failure) => (
          <Show when={childOnly(failure().error)} fallback={<ErrorMessage error={failure().error} />}>
            <p class="alert" role="alert">
              <A href={`/activities/${props.item.id}`}>{t('week.childOnly')}</A>
            </p>
          </Show>
        )}
      </Show>
    </li>
  );
}
