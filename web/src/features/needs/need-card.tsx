import { A } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import type { Action } from '../../lib/action';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { type NeedResponseKind, type NeedState, openNeedStates } from '../../../../worker/community/needs/rules';
import type { NeedCategory } from '../../../../worker/community/needs/rules';

export interface NeedCardData {
  id: number;
  title: string;
  category: NeedCategory;
  state: NeedState;
  posterName: string | null;
  onBehalf: boolean;
  onBehalfName: string | null;
  createdAt: string;
  meToo: number;
  canHelp: number;
  meTooByMe: boolean;
  canHelpByMe: boolean;
  postedByMe: boolean;
  forReview: boolean;
}

/** Says "me too" or "I can help" (or takes it back) on a need. */
export function respond(id: number, kind: NeedResponseKind, note?: string) {
  return request(api.api.needs[':id'].responses.$post({ param: { id: String(id) }, json: { kind, ...(note ? { note } : {}) } }));
}

/** The two response buttons, as toggles that say whether they are on. */
export function ResponseButtons(props: {
  need: NeedCardData;
  member: boolean;
  action: Action;
  helpNote?: () => string;
  children?: JSX.Element;
}) {
  const { t } = useI18n();
  const open = () => openNeedStates.includes(props.need.state) && props.member && !props.need.postedByMe;
  return (
    <div class="need-responses">
      <span>{t('needs.meTooCount', { count: String(props.need.meToo) })}</span>
      <span>{t('needs.canHelpCount', { count: String(props.need.canHelp) })}</span>
      <Show when={open()}>
        <button
          type="button"
          class="button secondary"
          aria-pressed={props.need.meTooByMe}
          aria-label={t('needs.meTooNamed', { title: props.need.title })}
          disabled={props.action.busy()}
          onClick={() => void props.action.run(() => respond(props.need.id, 'me-too'))}
        >
          {props.need.meTooByMe ? t('needs.meTooOn') : t('needs.meToo')}
        </button>
        <button
          type="button"
          class="button secondary"
          aria-pressed={props.need.canHelpByMe}
          aria-label={t('needs.canHelpNamed', { title: props.need.title })}
          disabled={props.action.busy()}
          onClick={() =>
            void props.action.run(() => respond(props.need.id, 'can-help', props.need.canHelpByMe ? undefined : props.helpNote?.()))
          }
        >
          {props.need.canHelpByMe ? t('needs.canHelpOn') : t('needs.canHelp')}
        </button>
      </Show>
      {props.children}
    </div>
  );
}

/** One need in the register: its state, category, who posted it (members only), and the response buttons. */
export function NeedCard(props: { need: NeedCardData; member: boolean; action: Action }) {
  const { t, locale } = useI18n();
  return (
    <li class="card need-card" data-need={props.need.id}>
      <h3>
        <A href={`/needs/${props.need.id}`}>{props.need.title}</A>
      </h3>
      <p class="tags">
        <span class="tag" classList={{ muted: !openNeedStates.includes(props.need.state) }}>
          {t(`needState.${props.need.state}`)}
        </span>
        <span class="tag outline">{t(`needCategory.${props.need.category}`)}</span>
        <Show when={props.need.onBehalf}>
          <span class="tag outline">{t('needs.onBehalfTag')}</span>
        </Show>
        <Show when={props.need.forReview}>
          <span class="tag warn">{t('needs.reviewTitle')}</span>
        </Show>
      </p>
      <dl class="facts-inline">
        <div>
          <dt>{t('needs.postedBy')}</dt>
          <dd>{props.need.posterName ?? t('need.posterHidden')}</dd>
        </div>
        <div>
          <dt>{t('needs.postedOn')}</dt>
          <dd>{formatDate(props.need.createdAt, locale())}</dd>
        </div>
      </dl>
      <ResponseButtons need={props.need} member={props.member} action={props.action} />
    </li>
  );
}
