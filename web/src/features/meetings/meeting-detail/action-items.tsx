import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { formatDate, today } from '../../../lib/format';
import { type ItemPartProps, itemParams } from './meeting';

/** The action items of an adopted decision: who does what by when; the chair adds them, a coordinator marks them done. */
export function ActionItems(props: ItemPartProps & { prefix: string; chairs: boolean; isCoordinator: boolean; action: Action }) {
  const { t, locale } = useI18n();
  const [actionText, setActionText] = createSignal('');
  const [actionOwner, setActionOwner] = createSignal('');
  const [actionDue, setActionDue] = createSignal('');
  function addAction(event: SubmitEvent) {
    event.preventDefault();
    void props.action.run(async () => {
      await request(
        api.api.meetings[':id'].items[':itemId'].actions.$post({
          param: itemParams(props.meeting, props.item),
          json: { description: actionText().trim(), owner: actionOwner().trim(), dueOn: actionDue() },
        }),
      );
      setActionText('');
      setActionOwner('');
      setActionDue('');
    }, t('meeting.actionAdded'));
  }

  return (
    <Show when={props.item.outcome === 'adopted'}>
      <h4>{t('meeting.actionsTitle')}</h4>
      <Show when={props.item.actions.length > 0} fallback={<p class="help">{t('meeting.noActions')}</p>}>
        <ul class="rows">
          <For each={props.item.actions}>
            {(a) => (
              <li>
                <span>
                  {a.description}
                  <span class="help block">{t('meeting.actionLine', { owner: a.owner, due: formatDate(a.dueOn, locale()) })}</span>
                </span>
                <Show
                  when={a.doneAt}
                  fallback={
                    <>
                      <span class="tag" classList={{ warn: a.dueOn < today() }}>
                        {a.dueOn < today() ? t('meeting.actionOverdue') : t('meeting.actionOpen')}
                      </span>
                      <Show when={props.isCoordinator}>
                        <button
                          type="button"
                          class="button secondary"
                          disabled={props.action.busy()}
                          aria-label={t('meeting.markDoneNamed', { action: a.description })}
                          onClick={() =>
                            void props.action.run(
                              () => request(api.api.actions[':id'].done.$post({ param: { id: String(a.id) } })),
                              t('meeting.actionDone'),
                            )
                          }
                        >
                          {t('meeting.markDone')}
                        </button>
                      </Show>
                    </>
                  }
                >
                  {(at) => <span class="tag">{t('meeting.doneOn', { date: formatDate(at(), locale()) })}</span>}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.chairs}>
        <form class="card inline-form" onSubmit={addAction}>
          <div class="field">
            <label for={`${props.prefix}-action`}>{t('meeting.actionDescription')}</label>
            <input
              id={`${props.prefix}-action`}
              type="text"
              required
              minlength="2"
              maxlength="300"
              value={actionText()}
              onInput={(e) => setActionText(e.currentTarget.value)}
            />
          </div>
          <div class="field-row">
            <div class="field">
              <label for={`${props.prefix}-action-owner`}>{t('issue.owner')}</label>
              <input
                id={`${props.prefix}-action-owner`}
                type="text"
                required
                maxlength="80"
                value={actionOwner()}
                onInput={(e) => setActionOwner(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for={`${props.prefix}-action-due`}>{t('issue.dueOn')}</label>
              <input
                id={`${props.prefix}-action-due`}
                type="date"
                required
                value={actionDue()}
                onInput={(e) => setActionDue(e.currentTarget.value)}
              />
            </div>
          </div>
          <button type="submit" class="button secondary" disabled={props.action.busy()}>
            {t('meeting.addAction')}
          </button>
        </form>
      </Show>
    </Show>
  );
}
