import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Index, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { createAction } from '../../../lib/action';
import { useCoordinationRoles } from '../../../lib/coordination';
import { AddItemForm } from './add-item-form';
import { AgendaItem } from './agenda-item';
import { Amendments } from './amendments';
import { CloseMeeting } from './close-meeting';
import { Papers } from './papers';
import { loadMeeting } from './meeting';
import { MeetingHeader } from './meeting-header';
import { Minutes } from './minutes';
import { createSpeakingTimer } from './speaking-timer';
import { Voters } from './voters';

/** A meeting: parties and attendance, the agenda with papers, positions per party, decisions, action items and minutes. */
export default function MeetingDetail() {
  const params = useParams<{ id: string }>();
  const { t, pick } = useI18n();
  const { member, isCoordinator } = useCoordinationRoles();
  const [meeting, { refetch }] = createResource(() => (member() ? params.id : undefined), loadMeeting);
  const m = () => (meeting.state === 'ready' || meeting.state === 'refreshing' ? meeting() : undefined);
  const closed = () => m()?.status === 'closed';
  const inProgress = () => m()?.status === 'in-progress';
  /** The reader chairs this meeting (the API says so: coordinators, or the chair of the committee that meets). */
  const chairs = () => m()?.you.chairs ?? false;
  const recordsFor = (key: string) => m()?.you.recordsFor.includes(key) ?? false;
  const partyName = (key: string) => {
    const voter = m()?.voters.find((v) => v.key === key);
    return voter ? pick(voter.title) : key;
  };
  /** Voters the reader records for: their own party or themself, and, as the chair, the others by a show of hands. */
  const myVoters = () => (m()?.voters ?? []).filter((v) => recordsFor(v.key));

  // The meeting-wide buttons (open, attendance, agenda, close, minutes, amendments) share one notice and error.
  const action = createAction(() => refetch());
  const { error, message } = action;

  // The chair's timer follows the item under discussion.
  const timer = createSpeakingTimer();
  const [discussing, setDiscussing] = createSignal<number | null>(null);
  const discuss = (itemId: number) => {
    setDiscussing(itemId);
    timer.reset();
  };

  return (
    <section class="meeting coordination">
      <p class="no-print">
        <A href="/meetings">{t('meeting.back')}</A>
      </p>
      <MemberGate next={`/meetings/${params.id}`} />
      <ErrorMessage error={meeting.error} />
      <Show
        when={m()}
        fallback={
          <Show when={member() && !meeting.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(mt) => (
          <>
            <MeetingHeader id={params.id} meeting={mt()} chairs={chairs()} action={action} />

            <Show when={message()}>
              <p class="notice" role="status">
                {message()}
              </p>
            </Show>
            <ErrorMessage error={error()} detail />

            <Voters id={params.id} meeting={mt()} recordsFor={recordsFor} partyName={partyName} action={action} />

            <section aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t('meeting.agendaTitle')}</h2>
              <Show when={mt().items.length > 0} fallback={<p class="card empty">{t('meeting.noItems')}</p>}>
                <ol class="agenda plain">
                  {/* By index, so an item keeps its open forms and messages when the meeting is re-read after an action. */}
                  <Index each={mt().items}>
                    {(item, n) => (
                      <AgendaItem
                        item={item()}
                        number={n + 1}
                        meeting={mt()}
                        myVoters={myVoters()}
                        meId={member()?.id ?? null}
                        partyName={partyName}
                        chairs={chairs()}
                        isCoordinator={isCoordinator()}
                        discussing={discussing() === item().id}
                        onDiscuss={() => discuss(item().id)}
                        onStopDiscussing={() => {
                          timer.stop();
                          setDiscussing(null);
                        }}
                        timer={timer}
                        reload={refetch}
                      />
                    )}
                  </Index>
                </ol>
              </Show>
            </section>

            <Papers id={params.id} meeting={mt()} chairs={chairs()} action={action} />

            <Show when={chairs() && !closed()}>
              <AddItemForm id={params.id} meeting={mt()} action={action} />
            </Show>

            <Show when={chairs() && inProgress()}>
              <CloseMeeting id={params.id} action={action} />
            </Show>

            <Show when={closed()}>
              <Minutes id={params.id} meeting={mt()} chairs={chairs()} action={action} />
              <Amendments id={params.id} meeting={mt()} isCoordinator={isCoordinator()} action={action} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
