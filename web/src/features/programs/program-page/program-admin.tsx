import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import type { ProgramPage } from './program';

/** For association administrators: the program's name in both languages, and switching it on or off. */
export function ProgramAdmin(props: { program: ProgramPage; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const [notice, setNotice] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function patch(json: { name?: { zh: string; en: string }; enabled?: boolean }, done: string) {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      await request(api.api.programs[':key'].$patch({ param: { key: props.program.key }, json }));
      setNotice(done);
      props.onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function rename(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void patch({ name: { zh: String(data.get('zh') ?? ''), en: String(data.get('en') ?? '') } }, t('program.renamed'));
  }

  return (
    <section class="card no-print" aria-labelledby="program-admin-title">
      <h2 id="program-admin-title">{t('program.adminTitle')}</h2>
      <ErrorMessage error={error()} />
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>
      <form onSubmit={rename}>
        <div class="field-row">
          <div class="field">
            <label for="program-name-zh">{t('program.nameZh')}</label>
            <input id="program-name-zh" name="zh" type="text" required maxlength="40" value={props.program.name.zh} />
          </div>
          <div class="field">
            <label for="program-name-en">{t('program.nameEn')}</label>
            <input id="program-name-en" name="en" type="text" required maxlength="80" value={props.program.name.en} />
          </div>
        </div>
        <div class="actions">
          <button class="button" type="submit" disabled={busy()}>
            {t('program.rename')}
          </button>
          <button
            class="button secondary"
            type="button"
            disabled={busy()}
            aria-pressed={props.program.enabled}
            onClick={() =>
              void patch(
                { enabled: !props.program.enabled },
                props.program.enabled ? t('program.switchedOffNotice') : t('program.switchedOnNotice'),
              )
            }
          >
            {props.program.enabled ? t('program.switchOff') : t('program.switchOn')}
          </button>
        </div>
      </form>
    </section>
  );
}
