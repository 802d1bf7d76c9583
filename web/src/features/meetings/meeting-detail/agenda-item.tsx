import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MarkdownView } from '../../../components/markdown-view';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { ActionItems } from './action-items';
import { BringBack } from './bring-back';
import { DecideForm } from './decide-form';
import { Discussion } from './discussion';
import { ItemResult } from './item-result';
import type { Item, Meeting, Voter } from './meeting';
import { PositionForms, Positions } from './positions';
import type { SpeakingTimer } from './speaking-timer';

/** One agenda item: papers, the chair's timer, positions per party, the decision, bring-back and action items. */
export function AgendaItem(props: {
  item: Item;
  number: number;
  meeting: Meeting;
  /** Voters the reader records for. */
  myVoters: Voter[];
  meId: number | null;
  partyName: (key: string) => string;
  /** The reader chairs the meeting: decides, brings back, adds action items, records a show of hands. */
  chairs: boolean;
  isCoordinator: boolean;
  discussing: boolean;
  onDiscuss: () => void;
  onStopDiscussing: () => void;
  timer: SpeakingTimer;
  reload: () => unknown;
}) {
  const { t } = useI18n();
  const closed = () => props.meeting.status === 'closed';
  // One action for the whole item: its notice and error show under the positions, whichever form was used.
  const action = createAction(() => props.reload());
  const { error, message } = action;
  const prefix = () => `item-${props.item.id}`;

  return (
    <li
      class="card agenda-item"
      classList={{ blocked: props.item.outcome === 'blocked', discussing: props.discussing }}
      data-item={props.item.id}
      aria-labelledby={`${prefix()}-title`}
    >
      <h3 id={`${prefix()}-title`}>
        <span class="item-number">{props.number}.</span> {props.item.title}
      </h3>
      <p class="tags">
        <Show when={props.item.outcome} fallback={<span class="tag outline">{t('itemOutcome.none')}</span>}>
          {(outcome) => (
            <span class="tag" classList={{ warn: outcome() !== 'adopted' }}>
              {t(`itemOutcome.${outcome()}`)}
            </span>
          )}
        </Show>
        <Show when={props.item.issueId}>
          {(issueId) => (
            <A class="tag outline" href={`/issues/${issueId()}`}>
              {t('meeting.issueLink', { id: String(issueId()) })}
            </A>
          )}
        </Show>
        <Show when={props.item.revisedFrom}>
          <span class="tag">{t('meeting.revised')}</span>
        </Show>
      </p>
      <p class="help">{t('meeting.presenterLine', { name: props.item.presenter, minutes: String(props.item.minutesAllotted) })}</p>

      <ItemResult item={props.item} meeting={props.meeting} partyName={props.partyName} />

      <Show when={props.item.papers.trim()}>
        <details class="papers">
          <summary>{t('meeting.papersTitle')}</summary>
          <MarkdownView source={props.item.papers} />
        </details>
      </Show>

      <Show when={props.chairs && !closed()}>
        <Discussion
          item={props.item}
          meeting={props.meeting}
          prefix={prefix()}
          partyName={props.partyName}
          discussing={props.discussing}
          onDiscuss={props.onDiscuss}
          onStopDiscussing={props.onStopDiscussing}
          timer={props.timer}
        />
      </Show>

      <Positions item={props.item} meeting={props.meeting} partyName={props.partyName} />

      <Show when={message()}>
        <p class="notice" role="status">
          {message()}
        </p>
      </Show>
      <ErrorMessage error={error()} detail />

      <PositionForms
        item={props.item}
        meeting={props.meeting}
        prefix={prefix()}
        partyName={props.partyName}
        myVoters={props.myVoters}
        meId={props.meId}
        chairs={props.chairs}
        action={action}
      />
      <DecideForm item={props.item} meeting={props.meeting} prefix={prefix()} chairs={props.chairs} action={action} />
      <BringBack item={props.item} meeting={props.meeting} prefix={prefix()} chairs={props.chairs} action={action} />
      <ActionItems
        item={props.item}
        meeting={props.meeting}
        prefix={prefix()}
        chairs={props.chairs}
        isCoordinator={props.isCoordinator}
        action={action}
      />
    </li>
  );
}
