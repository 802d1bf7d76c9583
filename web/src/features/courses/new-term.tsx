import { createSignal } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** A coordinator opens a term: its name and its first and last day. */
export function NewTerm(props: { onCreated: (id: number) => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setError(undefined);
    try {
      const { id } = await request(
        api.api['course-terms'].$post({
          json: {
            name: String(data.get('name') ?? ''),
            startsOn: String(data.get('startsOn') ?? ''),
            endsOn: String(data.get('endsOn') ?? ''),
          },
        }),
      );
      form.reset();
      props.onCreated(id);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form class="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="new-term">
      <h2 id="new-term">{t('courses.newTerm')}</h2>
      <ErrorMessage error={error()} detail />
      <label for="term-name">{t('courses.termName')}</label>
      <input id="term-name" name="name" required maxLength={40} placeholder="2027 春季学期" />
      <label for="term-starts">{t('courses.termStarts')}</label>
      <input id="term-starts" name="startsOn" type="date" required />
      <label for="term-ends">{t('courses.termEnds')}</label>
      <input id="term-ends" name="endsOn" type="date" required />
      <button type="submit" class="button">
        {t('courses.create')}
      </button>
    </form>
  );
}
