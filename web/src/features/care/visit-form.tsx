import { createSignal } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { today } from '../../lib/format';

/** The paired volunteer's visit log: day, duration, what was done, observations, and a concern flag. */
export function VisitForm(props: { recipientId: number; onLogged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setBusy(true);
    setError(undefined);
    setNote('');
    const concern = data.get('concern') === 'on';
    try {
      await request(
        api.api['care-recipients'][':id'].visits.$post({
          param: { id: String(props.recipientId) },
          json: {
            visitedOn: String(data.get('visitedOn')),
            minutes: Number(data.get('minutes')),
            done: String(data.get('done') ?? '').trim(),
            observations: String(data.get('observations') ?? '').trim(),
            concern,
          },
        }),
      );
      form.reset();
      setNote(concern ? t('careVisit.loggedConcern') : t('careVisit.logged'));
      props.onLogged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="visit-form-title">
      <h2 id="visit-form-title">{t('careVisit.title')}</h2>
      <ErrorMessage error={error()} detail />
      <p class="notice" role="status" hidden={!note()}>
        {note()}
      </p>
      <div class="field">
        <label for="cv-day">{t('careVisit.day')}</label>
        <input id="cv-day" name="visitedOn" type="date" required max={today()} value={today()} />
      </div>
      <div class="field">
        <label for="cv-minutes">{t('careVisit.minutes')}</label>
        <input id="cv-minutes" name="minutes" type="number" inputmode="numeric" min="15" max="480" step="15" required value="60" />
      </div>
      <div class="field">
        <label for="cv-done">{t('careVisit.done')}</label>
        <textarea id="cv-done" name="done" rows="2" required maxlength="500" />
      </div>
      <div class="field">
        <label for="cv-obs">{t('careVisit.observations')}</label>
        <textarea id="cv-obs" name="observations" rows="2" maxlength="1000" />
      </div>
      <label class="block">
        <input type="checkbox" name="concern" /> {t('careVisit.concern')}
      </label>
      <p class="help">{t('careVisit.concernHelp')}</p>
      <button type="submit" class="button" disabled={busy()}>
        {t('careVisit.submit')}
      </button>
    </form>
  );
}
