import { createSignal, For, Index, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';

type Pattern = { weekday: number; startsAt: string; endsAt: string };
const weekdays = [1, 2, 3, 4, 5, 6, 0];

/** Publishes a month's shifts from weekly times (librarians and administrators); shifts already there stay as they are. */
export function PublishForm(props: { month: string; onPublished: () => void }) {
  const { t } = useI18n();
  const [pattern, setPattern] = createSignal<Pattern[]>([
    { weekday: 2, startsAt: '19:00', endsAt: '21:00' },
    { weekday: 6, startsAt: '09:30', endsAt: '11:30' },
  ]);
  const [places, setPlaces] = createSignal(2);
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  const change = (i: number, patch: Partial<Pattern>) => setPattern((p) => p.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  async function publish(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    setNote('');
    try {
      const r = await request(api.api.library['duty-slots'].$post({ json: { month: props.month, pattern: pattern(), places: places() } }));
      setNote(t('libraryRoster.published', { n: String(r.created) }));
      props.onPublished();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form class="card" onSubmit={publish} aria-labelledby="roster-publish">
      <h2 id="roster-publish">
        {t('libraryRoster.publishTitle')} · {props.month}
      </h2>
      <p class="help">{t('libraryRoster.publishHelp')}</p>
      <Index each={pattern()}>
        {(p, i) => (
          <fieldset class="field-row">
            <div class="field">
              <label for={`rp-day-${i}`}>{t('libraryRoster.weekday')}</label>
              <select id={`rp-day-${i}`} value={p().weekday} onChange={(e) => change(i, { weekday: Number(e.currentTarget.value) })}>
                <For each={weekdays}>{(d) => <option value={d}>{t(`libraryRoster.weekday${d}` as 'libraryRoster.weekday0')}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for={`rp-from-${i}`}>{t('libraryRoster.from')}</label>
              <input
                id={`rp-from-${i}`}
                type="time"
                required
                value={p().startsAt}
                onInput={(e) => change(i, { startsAt: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={`rp-to-${i}`}>{t('libraryRoster.to')}</label>
              <input
                id={`rp-to-${i}`}
                type="time"
                required
                value={p().endsAt}
                onInput={(e) => change(i, { endsAt: e.currentTarget.value })}
              />
            </div>
            <Show when={pattern().length > 1}>
              <button type="button" class="button secondary" onClick={() => setPattern((x) => x.filter((_, j) => j !== i))}>
                {t('libraryRoster.removePattern')}
              </button>
            </Show>
          </fieldset>
        )}
      </Index>
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          onClick={() => setPattern((x) => [...x, { weekday: 4, startsAt: '19:00', endsAt: '21:00' }])}
        >
          {t('libraryRoster.addPattern')}
        </button>
      </div>
      <div class="field">
        <label for="rp-places">{t('libraryRoster.perShift')}</label>
        <input
          id="rp-places"
          type="number"
          min="1"
          max="6"
          value={places()}
          onInput={(e) => setPlaces(Number(e.currentTarget.value) || 2)}
        />
      </div>
      <ErrorMessage error={error()} detail />
      <button type="submit" class="button">
        {t('libraryRoster.publish')}
      </button>
      <Show when={note()}>
        <p class="notice" role="status">
          {note()}
        </p>
      </Show>
    </form>
  );
}
