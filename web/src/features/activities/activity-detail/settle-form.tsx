import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../../i18n';
import type { Action } from '../../../lib/action';
import { api, request } from '../../../lib/api';
import { parseYuan, today, yuan, yuanInput } from '../../../lib/format';
import type { Activity } from './activity';

/** Once held, the responsible person records the actual income and costs; the surplus goes to the fund. */
export function SettleForm(props: { id: string; activity: Activity; isResponsible: boolean; action: Action }) {
  const { t } = useI18n();
  const [income, setIncome] = createSignal('');
  const [actualLines, setActualLines] = createStore<{ label: string; amount: string }[]>([]);
  // Start from the plan: the confirmed places at the fee, and the budget's cost lines.
  createEffect(
    on(
      () => (props.activity.state === 'held' ? props.activity : undefined),
      (current) => {
        if (!current) return;
        setIncome(yuanInput(current.feeFen * current.places.confirmed));
        setActualLines(current.budget.lines.map((l) => ({ label: l.label, amount: yuanInput(l.amountFen) })));
      },
    ),
  );
  const actualCost = createMemo(() => actualLines.reduce((sum, l) => sum + (parseYuan(l.amount) ?? 0), 0));
  const settlementValid = () =>
    parseYuan(income()) !== null && actualLines.every((l) => parseYuan(l.amount) !== null && l.label.trim() !== '');
  function settle(event: SubmitEvent) {
    event.preventDefault();
    if (!settlementValid()) return;
    void props.action.run(
      () =>
        request(
          api.api.activities[':id'].settlement.$post({
            param: { id: props.id },
            json: {
              incomeFen: parseYuan(income()) ?? 0,
              costLines: actualLines.map((l) => ({ label: l.label.trim(), amountFen: parseYuan(l.amount) ?? 0 })),
              occurredOn: today(),
            },
          }),
        ),
      t('activity.settled'),
    );
  }

  return (
    <Show when={props.activity.state === 'held' && props.isResponsible}>
      <form class="card" onSubmit={settle} aria-labelledby="settle-title">
        <h3 id="settle-title">{t('activity.settleTitle')}</h3>
        <p class="help">{t('activity.settleHelp')}</p>
        <div class="field" classList={{ invalid: parseYuan(income()) === null }}>
          <label for="settle-income">{t('activity.actualIncome')}</label>
          <input
            id="settle-income"
            type="text"
            inputmode="decimal"
            required
            value={income()}
            onInput={(e) => setIncome(e.currentTarget.value)}
            aria-describedby="settle-income-help"
          />
          <span class="help" id="settle-income-help">
            {t('activity.actualIncomeHelp', { fee: yuan(props.activity.feeFen), count: String(props.activity.places.confirmed) })}
          </span>
        </div>
        <ol class="cost-lines">
          <For each={actualLines}>
            {(line, i) => (
              <li class="cost-line" classList={{ invalid: parseYuan(line.amount) === null }}>
                <div class="field">
                  <label for={`settle-label-${i()}`}>{t('activityEditor.lineLabel', { n: String(i() + 1) })}</label>
                  <input
                    id={`settle-label-${i()}`}
                    type="text"
                    required
                    maxlength="60"
                    value={line.label}
                    onInput={(e) => setActualLines(i(), 'label', e.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for={`settle-amount-${i()}`}>{t('activityEditor.lineAmount')}</label>
                  <input
                    id={`settle-amount-${i()}`}
                    type="text"
                    inputmode="decimal"
                    required
                    value={line.amount}
                    onInput={(e) => setActualLines(i(), 'amount', e.currentTarget.value)}
                  />
                </div>
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t('activityEditor.removeLineNamed', { n: String(i() + 1) })}
                  onClick={() => setActualLines((all) => all.filter((_, j) => j !== i()))}
                >
                  {t('activityEditor.removeLine')}
                </button>
              </li>
            )}
          </For>
        </ol>
        <button type="button" class="button secondary" onClick={() => setActualLines(actualLines.length, { label: '', amount: '' })}>
          {t('activityEditor.addLine')}
        </button>
        <p aria-live="polite">
          {t('activity.settlePreview', {
            income: yuan(parseYuan(income()) ?? 0),
            costs: yuan(actualCost()),
            surplus: yuan((parseYuan(income()) ?? 0) - actualCost()),
          })}
        </p>
        <button type="submit" class="button" disabled={props.action.busy() || !settlementValid()}>
          {t('activity.settleSubmit')}
        </button>
      </form>
    </Show>
  );
}
