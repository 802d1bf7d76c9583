import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDateTime } from '../../../lib/coordination';
import type { Meeting } from './meeting';

/** Corrections recorded after the meeting closed: the record itself never changes; a coordinator adds an amendment with a reason. */
export function Amendments(props: { id: string; meeting: Meeting; isCoordinator: boolean; action: Action }) {
  const { t, locale } = useI18n();
  const [amendText, setAmendText] = createSignal('');
  const [amendReason, setAmendReason] = createSignal('');
  function amend(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(async () => {
      await request(
        api.api.meetings[':id'].amendments.$post({
          param: { id: props.id },
          json: { text: amendText().trim(), reason: amendReason().trim() },
        }),
      );
      setAmendText('');
      setAmendReason('');
    }, t('governance.amendmentAdded'));
  }
  return (
    <section aria-labelledby="amendments-title" class="amendments">
      <h2 id="amendments-title">{t('governance.amendmentsTitle')}</h2>
      <p class="help">{t('governance.amendmentsHelp')}</p>
      <Show when={props.meeting.amendments.length > 0} fallback={<p class="card empty">{t('governance.noAmendments')}</p>}>
        <ol class="plain amendment-list" data-testid="amendments">
          <For each={props.meeting.amendments}>
            {(a) => (
              <li class="card amendment">
                <p>{a.text}</p>
                <p class="help">{t('governance.amendmentReasonLine', { reason: a.reason })}</p>
                <p class="help">{t('governance.amendmentBy', { name: a.recordedBy, date: formatDateTime(a.recordedAt, locale()) })}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.isCoordinator}>
        <form class="card" onSubmit={amend}>
          <div class="field">
            <label for="amend-text">{t('governance.amendmentText')}</label>
            <textarea
              id="amend-text"
              rows="3"
              required
              minlength="4"
              maxlength="4000"
              value={amendText()}
              onInput={(e) => setAmendText(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="amend-reason">{t('governance.amendmentReason')}</label>
            <input
              id="amend-reason"
              type="text"
              required
              minlength="4"
              maxlength="1000"
              value={amendReason()}
              onInput={(e) => setAmendReason(e.currentTarget.value)}
            />
          </div>
          <button
            type="submit"
            class="button secondary"
            disabled={props.action.busy() || amendText().trim().length < 4 || amendReason().trim().length < 4}
          >
            {t('governance.addAmendment')}
          </button>
        </form>
      </Show>
    </section>
  );
}
