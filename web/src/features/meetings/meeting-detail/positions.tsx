import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { type ItemOutcome, POSITIONS, type Position } from '../../../lib/coordination';
import { FINAL, type ItemPartProps, itemParams, type Voter } from './meeting';

/** Each party's position on the item so far, with the reason, and whether it was written or recorded by the chair. */
export function Positions(props: ItemPartProps & { partyName: (key: string) => string }) {
  const { t } = useI18n();
  const stance = (party: string) => props.item.stances.find((s) => s.voter === party);
  return (
    <>
      <h4>{t('meeting.positionsTitle')}</h4>
      <ul class="positions plain" aria-label={t('meeting.positionsFor', { title: props.item.title })}>
        <For each={props.meeting.voters}>
          {(voter) => (
            <li class={`position ${stance(voter.key)?.position ?? 'none'}`} data-party={voter.key}>
              <span class="party">{props.partyName(voter.key)}</span>
              <Show when={stance(voter.key)} fallback={<span class="tag outline">{t('position.none')}</span>}>
                {(s) => (
                  <>
                    <span class={`tag position-tag ${s().position}`}>{t(`position.${s().position}`)}</span>
                    <Show when={s().written}>
                      <span class="tag outline">{t('meeting.written')}</span>
                    </Show>
                    <Show when={s().byChair}>
                      <span class="tag outline">{t('governance.byChair')}</span>
                    </Show>
                    <Show when={s().reason}>
                      <span class="reason">{s().reason}</span>
                    </Show>
                  </>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

/** One form per voter the reader speaks for, while the item is open: a position, and the reason an objection or block needs. */
export function PositionForms(
  props: ItemPartProps & {
    prefix: string;
    partyName: (key: string) => string;
    /** Voters the reader records for. */
    myVoters: Voter[];
    meId: number | null;
    chairs: boolean;
    action: Action;
  },
) {
  const { t } = useI18n();
  const stance = (party: string) => props.item.stances.find((s) => s.voter === party);
  const canRecord = () => props.meeting.status === 'in-progress' && !FINAL.includes(props.item.outcome as ItemOutcome);
  /** A person's form recorded by the chair for someone else is a show of hands, and says so. */
  const onBehalf = (voter: Voter) => voter.kind !== 'party' && voter.memberId !== props.meId;
  const legendFor = (voter: Voter) =>
    onBehalf(voter)
      ? t('governance.recordForOther', { name: props.partyName(voter.key) })
      : t('meeting.recordPosition', { party: props.partyName(voter.key) });
  const attended = (party: string) => props.meeting.voters.find((v) => v.key === party)?.attended ?? null;

  const [positions, setPositions] = createSignal<Record<string, Position | undefined>>({});
  const [reasons, setReasons] = createSignal<Record<string, string>>({});
  const chosen = (party: string) => positions()[party] ?? (stance(party)?.position as Position | undefined);
  const reasonOf = (party: string) => reasons()[party] ?? stance(party)?.reason ?? '';
  const needsReason = (party: string) => chosen(party) === 'object' || chosen(party) === 'block';
  function recordPosition(event: SubmitEvent, party: string) {
    event.preventDefault();
    const position = chosen(party);
    if (!position) return;
    void props.action.run(
      () =>
        request(
          api.api.meetings[':id'].items[':itemId'].stances[':voter'].$put({
            param: { ...itemParams(props.meeting, props.item), voter: party },
            json: { position, reason: reasonOf(party).trim() || undefined, written: attended(party) === false },
          }),
        ),
      t('meeting.positionSaved', { party: props.partyName(party) }),
    );
  }

  return (
    <Show when={canRecord()}>
      <Show when={props.chairs && props.myVoters.some(onBehalf)}>
        <p class="help">{t('governance.showOfHandsHelp')}</p>
      </Show>
      <For each={props.myVoters}>
        {(party) => (
          <Show
            when={party.attended !== null}
            fallback={<p class="help">{t('meeting.attendanceFirst', { party: props.partyName(party.key) })}</p>}
          >
            <form class="card inline-form position-form" onSubmit={(e) => recordPosition(e, party.key)}>
              <fieldset class="plain-fieldset">
                <legend>{legendFor(party)}</legend>
                <Show when={party.attended === false}>
                  <p class="help">{t('meeting.writtenHelp')}</p>
                </Show>
                <div class="position-choices">
                  <For each={[...POSITIONS]}>
                    {(p) => (
                      <label class="radio choice">
                        <input
                          type="radio"
                          name={`${props.prefix}-${party.key}-position`}
                          value={p}
                          checked={chosen(party.key) === p}
                          onChange={() => setPositions({ ...positions(), [party.key]: p })}
                        />
                        {t(`position.${p}`)}
                      </label>
                    )}
                  </For>
                </div>
                <div class="field">
                  <label for={`${props.prefix}-${party.key}-reason`}>
                    {needsReason(party.key) ? t('meeting.reasonRequired') : t('meeting.reason')}
                  </label>
                  <textarea
                    id={`${props.prefix}-${party.key}-reason`}
                    rows="2"
                    maxlength="1000"
                    required={needsReason(party.key)}
                    value={reasonOf(party.key)}
                    onInput={(e) => setReasons({ ...reasons(), [party.key]: e.currentTarget.value })}
                    aria-describedby={`${props.prefix}-${party.key}-reason-help`}
                  />
                  <span class="help" id={`${props.prefix}-${party.key}-reason-help`}>
                    {chosen(party.key) === 'block' ? t('meeting.blockReasonHelp') : t('meeting.reasonHelp')}
                  </span>
                </div>
              </fieldset>
              <button
                type="submit"
                class="button secondary"
                disabled={props.action.busy() || !chosen(party.key) || (needsReason(party.key) && !reasonOf(party.key).trim())}
              >
                {t('meeting.savePosition')}
              </button>
            </form>
          </Show>
        )}
      </For>
    </Show>
  );
}
