import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import type { Meeting } from './meeting';

/** The parties (or, for a committee or the federation, the voters) and their attendance, recorded while the meeting runs. */
export function Voters(props: {
  id: string;
  meeting: Meeting;
  /** The reader records attendance for this voter. */
  recordsFor: (key: string) => boolean;
  partyName: (key: string) => string;
  action: Action;
}) {
  const { t, pick } = useI18n();
  const inProgress = () => props.meeting.status === 'in-progress';
  const setAttendance = (party: string, attended: boolean) =>
    props.action.run(
      () => request(api.api.meetings[':id'].attendance[':voter'].$put({ param: { id: props.id, voter: party }, json: { attended } })),
      t('meeting.attendanceSaved', { party: props.partyName(party) }),
    );
  return (
    <section aria-labelledby="parties-title">
      <h2 id="parties-title">{props.meeting.body.rule === 'unanimity' ? t('meeting.partiesTitle') : t('governance.votersTitle')}</h2>
      <p class="help">
        {props.meeting.body.key === 'professional-committees' || props.meeting.body.key === 'federation'
          ? t(`governance.votersHelp_${props.meeting.body.key as 'professional-committees' | 'federation'}`)
          : t('meeting.attendanceHelp')}
      </p>
      <ul class="party-grid plain">
        <For each={props.meeting.voters}>
          {(voter) => (
            <li class="card" data-party={voter.key}>
              <h3>{pick(voter.title)}</h3>
              <Show when={voter.organisationName}>
                <p>{voter.organisationName}</p>
              </Show>
              <p class="tags">
                <Show when={voter.kind === 'expert'}>
                  <span class="tag outline">{t('governance.expert')}</span>
                </Show>
                <span class="tag" classList={{ warn: voter.attended === false, outline: voter.attended === null }}>
                  {t(voter.attended === true ? 'meeting.present' : voter.attended === false ? 'meeting.absent' : 'meeting.notRecorded')}
                </span>
                <Show when={voter.attendanceByChair}>
                  <span class="tag outline">{t('governance.attendanceByChair')}</span>
                </Show>
              </p>
              <Show when={props.recordsFor(voter.key) && inProgress()}>
                <fieldset class="toggle plain-fieldset">
                  <legend class="visually-hidden">{t('meeting.attendanceFor', { party: pick(voter.title) })}</legend>
                  <button
                    type="button"
                    class="button secondary"
                    aria-pressed={voter.attended === true}
                    disabled={props.action.busy()}
                    onClick={() => void setAttendance(voter.key, true)}
                  >
                    {t('meeting.markPresent')}
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    aria-pressed={voter.attended === false}
                    disabled={props.action.busy()}
                    onClick={() => void setAttendance(voter.key, false)}
                  >
                    {t('meeting.markAbsent')}
                  </button>
                </fieldset>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
