import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { ItemPartProps } from './meeting';

/** How the item came out: who blocked or objected and why, the decision text, who has not spoken, and the tally. */
export function ItemResult(props: ItemPartProps & { partyName: (key: string) => string }) {
  const { t } = useI18n();
  const stance = (party: string) => props.item.stances.find((s) => s.voter === party);
  const majority = () => props.meeting.body.rule === 'majority';
  const blocks = () => props.item.stances.filter((s) => s.position === 'block');
  const objections = () =>
    props.item.stances.filter((s) => s.position === 'object' || (props.meeting.body.rule === 'majority' && s.position === 'block'));
  /** Parties without a position that counts: none recorded, or recorded in the room by a party marked absent. */
  const missing = () =>
    props.meeting.voters.filter((v) => {
      const s = stance(v.key);
      return !s || (!s.written && v.attended !== true);
    });

  return (
    <>
      <Show when={props.item.outcome === 'blocked'}>
        <div class="alert blocked-banner" data-testid="blocked-banner">
          <strong>{t('meeting.blockedBanner')}</strong>
          <ul>
            <For each={blocks()}>
              {(b) => <li>{t('meeting.partyReason', { party: props.partyName(b.voter), reason: b.reason ?? '' })}</li>}
            </For>
          </ul>
          <p>{t('meeting.blockedHelp')}</p>
        </div>
      </Show>
      <Show when={props.item.outcome === 'adopted' && props.item.decisionText}>
        <div class="notice decision">
          <strong>{t('meeting.decisionLabel')}</strong>
          <blockquote class="decision-text">{props.item.decisionText}</blockquote>
        </div>
      </Show>
      <Show when={props.item.outcome === 'not-adopted'}>
        <div class="alert">
          <strong>{t('meeting.notAdoptedBanner')}</strong>
          <ul>
            <For each={objections()}>
              {(o) => <li>{t('meeting.partyReason', { party: props.partyName(o.voter), reason: o.reason ?? '' })}</li>}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.item.outcome === 'undecided'}>
        <p class="alert">
          {t('meeting.undecidedBanner', {
            parties:
              missing()
                .map((v) => props.partyName(v.key))
                .join(t('meeting.listSeparator')) || '—',
          })}
        </p>
      </Show>

      <Show when={props.item.tally}>
        {(tally) => (
          <p class="tally" data-testid="tally">
            <strong>{t('governance.tallyLabel')}：</strong>
            {majority()
              ? t('governance.tallyMajority', {
                  agree: String(tally().agree),
                  against: String(tally().object + tally().block),
                  abstain: String(tally().abstain),
                  missing: String(tally().missing),
                  present: String(tally().present),
                })
              : t('governance.tally', {
                  agree: String(tally().agree),
                  object: String(tally().object),
                  block: String(tally().block),
                  abstain: String(tally().abstain),
                  missing: String(tally().missing),
                  present: String(tally().present),
                })}
          </p>
        )}
      </Show>
    </>
  );
}
