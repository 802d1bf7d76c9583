import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import type { Action } from '../../lib/action';
import { api, request } from '../../lib/api';

/** Counting the children at the start and at the end; a difference is flagged at once. */
export function Headcount(props: {
  activityId: string;
  safety: { headcountStart: number | null; headcountEnd: number | null; mismatch: boolean };
  action: Action;
}) {
  const { t } = useI18n();
  const [start, setStart] = createSignal('');
  const [end, setEnd] = createSignal('');
  const record = (at: 'start' | 'end', value: string) =>
    void props.action.run(() =>
      request(api.api.activities[':id'].headcounts.$post({ param: { id: props.activityId }, json: { at, count: Number(value) } })),
    );
  const counts = () => ({ start: String(props.safety.headcountStart ?? '–'), end: String(props.safety.headcountEnd ?? '–') });
  return (
    <section class="card" aria-labelledby="headcount-title">
      <h2 id="headcount-title">{t('children.headcount')}</h2>
      <Show
        when={props.safety.mismatch}
        fallback={
          <Show when={props.safety.headcountStart !== null}>
            <p class="help">{t('children.counted', counts())}</p>
          </Show>
        }
      >
        <p class="alert" role="alert">
          {t('children.mismatch', counts())}
        </p>
      </Show>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          record('start', start());
        }}
      >
        <div class="field">
          <label for="headcount-start">{t('children.headcountStart')}</label>
          <input
            id="headcount-start"
            type="number"
            min="0"
            max="1000"
            required
            value={start()}
            onInput={(e) => setStart(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button secondary">
          {t('children.record')}
        </button>
      </form>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          record('end', end());
        }}
      >
        <div class="field">
          <label for="headcount-end">{t('children.headcountEnd')}</label>
          <input
            id="headcount-end"
            type="number"
            min="0"
            max="1000"
            required
            value={end()}
            onInput={(e) => setEnd(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button secondary">
          {t('children.record')}
        </button>
      </form>
    </section>
  );
}
