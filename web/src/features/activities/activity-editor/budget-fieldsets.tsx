import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { type ActivityForm, type Audience, newLine } from './activity-form';

/** Who the activity is for: the club's members, all residents, or children. */
export function AudienceFieldset(props: { form: ActivityForm }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('activityEditor.audience')}</legend>
      <For each={['residents', 'members', 'children'] as Audience[]}>
        {(value) => (
          <label class="radio">
            <input
              type="radio"
              name="audience"
              value={value}
              checked={props.form.audience() === value}
              onChange={() => props.form.setAudience(value)}
            />
            <span>
              {t(`audience.${value}`)}
              <span class="help block">{t(`activityEditor.audienceHelp_${value}`)}</span>
            </span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** The cost lines the fee must cover. */
export function CostLinesFieldset(props: { form: ActivityForm }) {
  const { t } = useI18n();
  const form = props.form;
  return (
    <fieldset>
      <legend>{t('activityEditor.costs')}</legend>
      <p class="help">{t('activityEditor.costsHelp')}</p>
      <ol class="cost-lines">
        <For each={form.lines}>
          {(line, index) => (
            <li class="cost-line" classList={{ invalid: form.lineAmount(line) === null }}>
              <div class="field">
                <label for={`a-line-label-${line.key}`}>{t('activityEditor.lineLabel', { n: String(index() + 1) })}</label>
                <input
                  id={`a-line-label-${line.key}`}
                  type="text"
                  maxlength="60"
                  required={line.amount.trim() !== ''}
                  value={line.label}
                  placeholder={t('activityEditor.linePlaceholder')}
                  onInput={(e) => form.setLines(index(), 'label', e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for={`a-line-amount-${line.key}`}>{t('activityEditor.lineAmount')}</label>
                <input
                  id={`a-line-amount-${line.key}`}
                  type="text"
                  inputmode="decimal"
                  value={line.amount}
                  aria-invalid={form.lineAmount(line) === null}
                  aria-describedby={`a-line-help-${line.key}`}
                  onInput={(e) => form.setLines(index(), 'amount', e.currentTarget.value)}
                />
                <Show when={form.lineAmount(line) === null}>
                  <span class="field-error" id={`a-line-help-${line.key}`}>
                    {t('activityEditor.amountInvalid')}
                  </span>
                </Show>
              </div>
              <button
                type="button"
                class="button secondary"
                onClick={() => form.setLines((all) => (all.length > 1 ? all.filter((l) => l.key !== line.key) : [newLine()]))}
                aria-label={t('activityEditor.removeLineNamed', { n: String(index() + 1) })}
              >
                {t('activityEditor.removeLine')}
              </button>
            </li>
          )}
        </For>
      </ol>
      <button type="button" class="button secondary" onClick={() => form.setLines(form.lines.length, newLine())}>
        {t('activityEditor.addLine')}
      </button>
    </fieldset>
  );
}

/** The fee: the surplus rate, a lower fee than the derived one, and the reason for an exception. */
export function FeeFieldset(props: { form: ActivityForm; invalid: (field: string) => boolean }) {
  const { t } = useI18n();
  const form = props.form;
  return (
    <fieldset>
      <legend>{t('activityEditor.fee')}</legend>
      <div class="field" classList={{ invalid: form.rateValue() === null }}>
        <label for="a-rate">{t('activityEditor.surplusRate')}</label>
        <input
          id="a-rate"
          type="number"
          inputmode="numeric"
          min="0"
          max="50"
          step="1"
          value={form.rate()}
          placeholder={String(form.defaultRate())}
          onInput={(e) => form.setRate(e.currentTarget.value)}
          aria-describedby="a-rate-help"
        />
        <span class="help" id="a-rate-help">
          {t('activityEditor.surplusRateHelp', { rate: String(form.defaultRate()) })}
        </span>
      </div>
      <div class="field" classList={{ invalid: form.lowerFeeValue() === null || props.invalid('feeFen') }}>
        <label for="a-lower-fee">{t('activityEditor.lowerFee')}</label>
        <input
          id="a-lower-fee"
          type="text"
          inputmode="decimal"
          value={form.lowerFee()}
          onInput={(e) => form.setLowerFee(e.currentTarget.value)}
          aria-describedby="a-lower-fee-help"
        />
        <span class="help" id="a-lower-fee-help">
          {t('activityEditor.lowerFeeHelp')}
        </span>
      </div>
      <div class="field" classList={{ invalid: props.invalid('exceptionReason') }}>
        <label for="a-exception">{t('activityEditor.exceptionReason')}</label>
        <textarea
          id="a-exception"
          rows="2"
          maxlength="300"
          value={form.exceptionReason()}
          onInput={(e) => form.setExceptionReason(e.currentTarget.value)}
          aria-describedby="a-exception-help"
        />
        <span class="help" id="a-exception-help">
          {t('activityEditor.exceptionHelp')}
        </span>
      </div>
    </fieldset>
  );
}
