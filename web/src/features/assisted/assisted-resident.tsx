import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDateTime } from '../../lib/coordination';
import { today } from '../../lib/format';
import { groupedClaimCode } from '../../../../worker/community/assisted/rules';
import { type History, HistoryList } from './history-list';

/**
 * One assisted resident, for their contact or an administrator: what was done on their behalf, signing them up for
 * an activity (and checking them in), recording hours they gave, and the claim code for when they get a phone.
 */
export default function AssistedResident() {
  const { t, locale } = useI18n();
  const params = useParams<{ id: string }>();
  const param = () => ({ param: { id: params.id } });
  const [resident, { refetch }] = createResource(
    () => params.id,
    () => request(api.api['assisted-members'][':id'].$get(param())),
  );
  const [open] = createResource(() => request(api.api.activities.$get({ query: {} })));
  const openActivities = () => (open()?.activities ?? []).filter((a) => a.state === 'open');
  const [error, setError] = createSignal<unknown>();
  const [notice, setNotice] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [code, setCode] = createSignal<{ code: string; expiresAt: string }>();
  const [activityId, setActivityId] = createSignal('');
  const [hoursText, setHoursText] = createSignal('');
  const [servedOn, setServedOn] = createSignal(today());
  const [note, setNote] = createSignal('');

  async function run(call: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      await call();
      setNotice(done);
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const signUp = (event: SubmitEvent) => {
    event.preventDefault();
    const id = activityId() || String(openActivities()[0]?.id ?? '');
    return run(
      () => request(api.api.activities[':id'].signups.$post({ param: { id }, json: { onBehalfOf: Number(params.id) } })),
      t('assisted.signedUp'),
    );
  };
  const checkIn = (row: History['signups'][number]) =>
    run(
      () => request(api.api.activities[':id'].checkins.$post({ param: { id: String(row.activityId) }, json: { signupId: row.signupId } })),
      t('assisted.checkedIn'),
    );
  const recordHours = (event: SubmitEvent) => {
    event.preventDefault();
    return run(
      () =>
        request(
          api.api['assisted-members'][':id'].hours.$post({
            ...param(),
            json: { servedOn: servedOn(), minutes: Math.round(Number(hoursText()) * 60), note: note().trim() || undefined },
          }),
        ),
      t('assisted.hoursSaved'),
    );
  };
  const saveDetails = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    return run(
      () =>
        request(
          api.api['assisted-members'][':id'].$patch({
            ...param(),
            json: { household: text('household'), phone: text('phone') },
          }),
        ),
      t('assisted.detailsSaved'),
    );
  };
  const makeCode = () => run(async () => setCode(await request(api.api['assisted-members'][':id']['claim-code'].$post(param()))), '');

  return (
    <section class="assisted-resident">
      <ErrorMessage error={resident.error} />
      <Show when={resident()}>
        {(r) => (
          <>
            <h1>{r().displayName}</h1>
            <p class="lead">
              {[r().buildingName, r().household].filter(Boolean).join(' ')}
              <Show when={r().phone}>
                {' · '}
                {t('assisted.phoneLabel')} {r().phone}
              </Show>
            </p>
            <Show when={r().registeredBy}>
              <p class="help">{t('assisted.registeredBy', { name: r().registeredBy ?? '' })}</p>
            </Show>
            <ErrorMessage error={error()} detail />
            <Show when={notice()}>
              <p class="notice" role="status">
                {notice()}
              </p>
            </Show>

            <details class="card">
              <summary>{t('assisted.editDetails')}</summary>
              <form onSubmit={(e) => void saveDetails(e)}>
                <label>
                  {t('assisted.household')}
                  <input name="household" value={r().household ?? ''} maxLength={20} />
                </label>
                <label>
                  {t('assisted.phone')}
                  <input name="phone" type="tel" value={r().phone ?? ''} maxLength={20} />
                </label>
                <button type="submit" class="button secondary" disabled={busy()}>
                  {t('assisted.saveDetails')}
                </button>
              </form>
            </details>

            <section class="card claim-code" aria-labelledby="code-title">
              <h2 id="code-title">{t('assisted.codeTitle')}</h2>
              <p class="help">{t('assisted.codeHelp')}</p>
              <Show
                when={code()}
                fallback={
                  <button type="button" class="button" disabled={busy()} onClick={() => void makeCode()}>
                    {t('assisted.makeCode')}
                  </button>
                }
              >
                {(c) => (
                  <>
                    <p class="claim-code-shown" role="status" data-code={c().code}>
                      {groupedClaimCode(c().code)}
                    </p>
                    <p>{t('assisted.codeShown', { name: r().displayName, date: formatDateTime(c().expiresAt, locale()) })}</p>
                    <p class="help">{t('assisted.codeSteps')}</p>
                  </>
                )}
              </Show>
            </section>

            <form class="card" onSubmit={signUp} aria-labelledby="signup-title">
              <h2 id="signup-title">{t('assisted.signUpTitle')}</h2>
              <Show when={openActivities().length > 0} fallback={<p class="help">{t('assisted.noOpen')}</p>}>
                <div class="field">
                  <label for="signup-activity">{t('assisted.signUpPick')}</label>
                  <select id="signup-activity" value={activityId()} onChange={(e) => setActivityId(e.currentTarget.value)}>
                    <For each={openActivities()}>
                      {(a) => (
                        <option value={String(a.id)}>
                          {a.title} · {formatDateTime(a.startsAt, locale())}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <button type="submit" class="button" disabled={busy()}>
                  {t('assisted.signUpSubmit')}
                </button>
              </Show>
            </form>

            <HistoryList
              history={r().history}
              signupAction={(row) => (
                <button type="button" class="button secondary" disabled={busy()} onClick={() => void checkIn(row)}>
                  {t('assisted.checkIn')}
                </button>
              )}
            />

            <form class="card" onSubmit={recordHours} aria-labelledby="hours-title">
              <h2 id="hours-title">{t('assisted.hoursTitle')}</h2>
              <div class="field">
                <label for="hours-date">{t('assisted.date')}</label>
                <input
                  id="hours-date"
                  type="date"
                  required
                  max={today()}
                  value={servedOn()}
                  onInput={(e) => setServedOn(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="hours-count">{t('assisted.hoursCount')}</label>
                <input
                  id="hours-count"
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
                <label for="hours-note">{t('assisted.note')}</label>
                <input id="hours-note" maxlength="300" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
              </div>
              <button type="submit" class="button" disabled={busy()}>
                {t('assisted.hoursSubmit')}
              </button>
            </form>
          </>
        )}
      </Show>
    </section>
  );
}
