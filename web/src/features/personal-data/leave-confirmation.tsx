import { createSignal, Show } from 'solid-js';
import { confirmsDeletion, deletionPhrase } from '../../../../worker/community/personal-data/rules';
import { useI18n } from '../../i18n';

/**
 * The choice between leaving and leaving with deletion, explained in plain words. Leaving needs the box ticked;
 * deletion also needs the phrase typed, so it is never chosen by one slip.
 */
export function LeaveConfirmation(props: { busy?: boolean; onConfirm: (deleteData: boolean) => void }) {
  const { t, locale } = useI18n();
  const [deleteData, setDeleteData] = createSignal(false);
  const [ticked, setTicked] = createSignal(false);
  const [typed, setTyped] = createSignal('');
  const phrase = () => (locale() === 'en' ? deletionPhrase.en : deletionPhrase.zh);
  const ready = () => ticked() && (!deleteData() || confirmsDeletion(typed()));

  function submit(e: SubmitEvent) {
    e.preventDefault();
    if (ready()) props.onConfirm(deleteData());
  }

  return (
    <form class="card leave-confirmation" onSubmit={submit}>
      <fieldset>
        <legend>{t('personalData.leave.choiceLegend')}</legend>
        <div class="choice">
          <input
            id="leave-keep"
            type="radio"
            name="deleteData"
            value="keep"
            checked={!deleteData()}
            onChange={() => setDeleteData(false)}
            aria-describedby="leave-keep-help"
          />
          <label for="leave-keep">{t('personalData.leave.keepTitle')}</label>
          <p class="help" id="leave-keep-help">
            {t('personalData.leave.keepBody')}
          </p>
        </div>
        <div class="choice">
          <input
            id="leave-delete"
            type="radio"
            name="deleteData"
            value="delete"
            checked={deleteData()}
            onChange={() => setDeleteData(true)}
            aria-describedby="leave-delete-help"
          />
          <label for="leave-delete">{t('personalData.leave.deleteTitle')}</label>
          <p class="help" id="leave-delete-help">
            {t('personalData.leave.deleteBody')}
          </p>
        </div>
      </fieldset>
      <Show when={deleteData()}>
        <div class="field">
          <label for="leave-phrase">{t('personalData.leave.typeToConfirm', { phrase: phrase() })}</label>
          <input id="leave-phrase" autocomplete="off" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
      </Show>
      <label class="radio">
        <input id="leave-tick" type="checkbox" checked={ticked()} onChange={(e) => setTicked(e.currentTarget.checked)} />
        {t('personalData.leave.tickToConfirm')}
      </label>
      <button type="submit" class="button danger" disabled={!ready() || props.busy}>
        {deleteData() ? t('personalData.leave.submitDelete') : t('personalData.leave.submit')}
      </button>
    </form>
  );
}
