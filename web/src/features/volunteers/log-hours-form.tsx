import { createSignal, For } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { today } from '../../lib/format';

/** Mirrors the server's window (`HOURS_WINDOW_DAYS` in worker/community/volunteers/rules.ts). */
const WINDOW_DAYS = 7;

function daysBefore(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * A volunteer logs their own service outside an activity: which program, the day (within the last week), how
 * long, and a note that names no one. An association admin confirms it.
 */
export function LogHoursForm(props: { programs: { key: string; name: string }[]; onLogged: () => void }) {
  const { t } = useI18n();
  const latest = today();
  const [programKey, setProgramKey] = createSignal(props.programs[0]?.key ?? '');
  const [servedOn, setServedOn] = createSignal(latest);
  const [hoursText, setHoursText] = createSignal('');
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [logged, setLogged] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(undefined);
    setLogged(false);
    setBusy(true);
    try {
      const minutes = Math.round(Number(hoursText()) * 60);
      await request(
        api.api.volunteers.me.hours.$post({
          json: { programKey: programKey(), servedOn: servedOn(), minutes, note: note().trim() || undefined },
        }),
      );
      setLogged(true);
      setHoursText('');
      setNote('');
      props.onLogged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} aria-labelledby="log-title">
      <h3 id="log-title">{t('volunteer.logTitle')}</h3>
      <p class="help">{t('volunteer.logHelp')}</p>
      <ErrorMessage error={error()} />
      <div class="field">
        <label for="log-program">{t('volunteer.logProgram')}</label>
        <select id="log-program" value={programKey()} onChange={(e) => setProgramKey(e.currentTarget.value)} required>
          <For each={props.programs}>{(p) => <option value={p.key}>{p.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="log-date">{t('volunteer.date')}</label>
        <input
          id="log-date"
          type="date"
          required
          min={daysBefore(latest, WINDOW_DAYS)}
          max={latest}
          value={servedOn()}
          onInput={(e) => setServedOn(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="log-hours">{t('volunteer.hours')}</label>
        <input
          id="log-hours"
          type="number"
          required
          min="0.5"
          max="24"
          step="0.5"
          inputmode="decimal"
          value={hoursText()}
          onInput={(e) => setHoursText(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="log-note">{t('volunteer.logNote')}</label>
        <input
          id="log-note"
          type="text"
          maxlength="300"
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
          aria-describedby="log-note-help"
        />
        <span class="help" id="log-note-help">
          {t('volunteer.logNoteHelp')}
        </span>
      </div>
      <button type="submit" class="button" disabled={busy() || !programKey()}>
        {t('volunteer.logSubmit')}
      </button>{' '}
      {logged() && (
        <span class="tag" role="status">
          {t('volunteer.logged')}
        </span>
      )}
    </form>
  );
}
