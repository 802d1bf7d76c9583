import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { hoursOf } from './kinds';

/** /care/time-bank — my banked hours (hours, never money): statement, give hours to family, use hours for my household. */
export default function TimeBank() {
  const { t, locale } = useI18n();
  const { member } = useMembership();
  const [bank, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api.care['time-bank'].$get()),
  );
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  async function act(e: SubmitEvent, call: (data: FormData) => Promise<unknown>, done: string) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setError(undefined);
    setNote('');
    try {
      await call(new FormData(form));
      form.reset();
      setNote(done);
      void refetch();
    } catch (err) {
      setError(err);
    }
  }
  const minutesOf = (data: FormData) => Math.round(Number(data.get('hours')) * 60);
  const give = (data: FormData) =>
    request(
      api.api.care['time-bank'].gifts.$post({
        json: { toMemberId: Number(data.get('to')), minutes: minutesOf(data), note: String(data.get('note') ?? '').trim() },
      }),
    );
  const use = (data: FormData) =>
    request(
      api.api.care['time-bank'].uses.$post({ json: { minutes: minutesOf(data), request: String(data.get('request') ?? '').trim() } }),
    );
  return (
    <section class="care">
      <p>
        <A href="/care">← {t('care.title')}</A>
      </p>
      <h1>{t('care.timeBank')}</h1>
      <p class="help">{t('careBank.intro')}</p>
      <MemberGate next="/care/time-bank" />
      <ErrorMessage error={bank.error ?? error()} detail />
      <p class="notice" role="status" hidden={!note()}>
        {note()}
      </p>
      <Show when={bank.latest}>
        {(b) => (
          <>
            <p class="stat">
              <span class="stat-value">{t('careBank.hours', { n: String(b().balanceHours) })}</span>
              <span class="stat-label">{t('careBank.balance')}</span>
            </p>
            <form class="card" onSubmit={(e) => void act(e, give, t('careBank.given'))}>
              <h2>{t('careBank.give')}</h2>
              <Show when={b().family.length > 0} fallback={<p class="help">{t('careBank.noFamily')}</p>}>
                <div class="field">
                  <label for="tb-to">{t('careBank.to')}</label>
                  <select id="tb-to" name="to" required>
                    <For each={b().family}>{(f) => <option value={f.id}>{f.name}</option>}</For>
                  </select>
                </div>
                <div class="field">
                  <label for="tb-give-hours">{t('careBank.hoursLabel')}</label>
                  <input id="tb-give-hours" name="hours" type="number" inputmode="decimal" min="0.25" step="0.25" required />
                </div>
                <div class="field">
                  <label for="tb-give-note">{t('careBank.note')}</label>
                  <input id="tb-give-note" name="note" maxlength="200" />
                </div>
                <button type="submit" class="button">
                  {t('careBank.giveSubmit')}
                </button>
              </Show>
            </form>
            <form class="card" onSubmit={(e) => void act(e, use, t('careBank.used'))}>
              <h2>{t('careBank.use')}</h2>
              <div class="field">
                <label for="tb-use-hours">{t('careBank.hoursLabel')}</label>
                <input id="tb-use-hours" name="hours" type="number" inputmode="decimal" min="0.25" step="0.25" required />
              </div>
              <div class="field">
                <label for="tb-request">{t('careBank.request')}</label>
                <textarea id="tb-request" name="request" rows="2" required maxlength="300" />
              </div>
              <button type="submit" class="button">
                {t('careBank.useSubmit')}
              </button>
            </form>
            <h2>{t('careBank.statement')}</h2>
            <Show when={b().entries.length > 0} fallback={<p class="card empty">{t('careBank.empty')}</p>}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('careBank.date')}</th>
                    <th scope="col">{t('careBank.what')}</th>
                    <th scope="col">{t('careBank.hoursColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={b().entries}>
                    {(e) => (
                      <tr>
                        <td>{formatDate(e.createdAt, locale())}</td>
                        <td>
                          {t(`careBank.kind_${e.kind}`)}
                          {e.counterpart ? ` · ${e.counterpart}` : ''}
                          {e.note ? ` · ${e.note}` : ''}
                        </td>
                        <td>{hoursOf(e.minutes)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
