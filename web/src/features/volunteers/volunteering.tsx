import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { LogHoursForm } from './log-hours-form';
import { WaitingHours } from './waiting-hours';
import { TableWrap } from '../../components/table-wrap';

/** The register's optional age bands, as the API names them. */
const ageBands = ['under-30', '30-49', '50-64', '65-plus'] as const;
type AgeBand = (typeof ageBands)[number];

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * Volunteering: register skills and availability, log your own service outside activities (an admin confirms it),
 * confirm the hours an organiser recorded for you, see the community's totals; admins confirm what volunteers logged.
 */
export default function Volunteering() {
  const { t, locale, pick } = useI18n();
  const { member, isAdmin } = useMembership();
  const [community] = createResource(() => request(api.api.community.$get()).catch(() => null));
  const programName = (key: string | null) => {
    const program = community()?.programs.find((p) => p.key === key);
    return program ? pick(program.name) : key;
  };
  const programs = () => (community()?.programs ?? []).map((p) => ({ key: p.key, name: pick(p.name) }));
  const [summary, summaryActions] = createResource(() => request(api.api.volunteers.summary.$get()).catch(() => null));
  const [mine, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api.volunteers.me.$get()),
  );
  const record = () => (mine.state === 'ready' || mine.state === 'refreshing' ? mine() : undefined);

  const [skills, setSkills] = createSignal('');
  const [availability, setAvailability] = createSignal('');
  const [ageBand, setAgeBand] = createSignal<AgeBand | ''>('');
  createEffect(
    on(
      () => record()?.registration,
      (registration) => {
        if (!registration) return;
        setSkills(registration.skills);
        setAvailability(registration.availability);
        setAgeBand(registration.ageBand ?? '');
      },
    ),
  );
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  async function register(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await request(
        api.api.volunteers.me.$put({ json: { skills: skills().trim(), availability: availability().trim(), ageBand: ageBand() || null } }),
      );
      setSaved(true);
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const [confirmError, setConfirmError] = createSignal<unknown>();
  async function confirm(id: number) {
    setConfirmError(undefined);
    try {
      await request(api.api['volunteer-hours'][':id'].confirmation.$post({ param: { id: String(id) } }));
      await refetch();
    } catch (e) {
      setConfirmError(e);
    }
  }

  return (
    <section class="volunteering">
      <h1>{t('volunteer.title')}</h1>
      <p class="lead">{t('volunteer.intro')}</p>
      <Show when={summary()}>
        {(s) => (
          <section aria-labelledby="totals-title">
            <h2 id="totals-title">{t('volunteer.communityTotals')}</h2>
            <div class="stats">
              <div class="stat">
                <strong>{s().volunteers}</strong>
                {t('volunteer.registered')}
              </div>
              <div class="stat">
                <strong>{s().confirmedHours}</strong>
                {t('volunteer.confirmedHours')}
              </div>
              <div class="stat">
                <strong>{s().volunteersWithHours}</strong>
                {t('volunteer.withHours')}
              </div>
            </div>
          </section>
        )}
      </Show>
      <MemberGate next="/volunteering" />
      <ErrorMessage error={mine.error} />
      <Show when={record()}>
        {(r) => (
          <>
            <section aria-labelledby="register-title">
              <h2 id="register-title">{r().registration ? t('volunteer.updateTitle') : t('volunteer.registerTitle')}</h2>
              <Show when={r().registration}>
                {(reg) => <p class="help">{t('volunteer.registeredOn', { date: formatDate(reg().registeredAt, locale()) })}</p>}
              </Show>
              <ErrorMessage error={error()} />
              <form class="card" onSubmit={register}>
                <div class="field">
                  <label for="v-skills">{t('volunteer.skills')}</label>
                  <textarea
                    id="v-skills"
                    rows="3"
                    maxlength="500"
                    value={skills()}
                    onInput={(e) => setSkills(e.currentTarget.value)}
                    aria-describedby="v-skills-help"
                  />
                  <span class="help" id="v-skills-help">
                    {t('volunteer.skillsHelp')}
                  </span>
                </div>
                <div class="field">
                  <label for="v-availability">{t('volunteer.availability')}</label>
                  <input
                    id="v-availability"
                    type="text"
                    maxlength="300"
                    value={availability()}
                    onInput={(e) => setAvailability(e.currentTarget.value)}
                    aria-describedby="v-availability-help"
                  />
                  <span class="help" id="v-availability-help">
                    {t('volunteer.availabilityHelp')}
                  </span>
                </div>
                <div class="field">
                  <label for="v-age">{t('volunteer.ageBand')}</label>
                  <select
                    id="v-age"
                    value={ageBand()}
                    onChange={(e) => setAgeBand(e.currentTarget.value as AgeBand | '')}
                    aria-describedby="v-age-help"
                  >
                    <option value="">{t('volunteer.ageUnsaid')}</option>
                    <For each={ageBands}>{(b) => <option value={b}>{t(`volunteer.age_${b}`)}</option>}</For>
                  </select>
                  <span class="help" id="v-age-help">
                    {t('volunteer.ageBandHelp')}
                  </span>
                </div>
                <button type="submit" class="button" disabled={busy()}>
                  {r().registration ? t('volunteer.update') : t('volunteer.register')}
                </button>{' '}
                <Show when={saved()}>
                  <span class="tag" role="status">
                    {t('volunteer.saved')}
                  </span>
                </Show>
              </form>
            </section>
            <section aria-labelledby="hours-title">
              <h2 id="hours-title">{t('volunteer.myHours')}</h2>
              <div class="stats">
                <div class="stat">
                  <strong>{hours(r().confirmedMinutes)}</strong>
                  {t('volunteer.myConfirmed')}
                </div>
                <div class="stat">
                  <strong>{r().hours.filter((h) => !h.confirmedAt && !h.loggedByMe).length}</strong>
                  {t('volunteer.waiting')}
                </div>
              </div>
              <p class="help">{t('volunteer.hoursHelp')}</p>
              <Show when={programs().length > 0}>
                <LogHoursForm programs={programs()} onLogged={() => void refetch()} />
              </Show>
              <ErrorMessage error={confirmError()} />
              <Show when={r().hours.length > 0} fallback={<p class="card empty">{t('volunteer.noHours')}</p>}>
                <TableWrap labelledBy="hours-title">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('volunteer.date')}</th>
                        <th scope="col">{t('volunteer.what')}</th>
                        <th scope="col" class="num">
                          {t('volunteer.hours')}
                        </th>
                        <th scope="col">{t('volunteer.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().hours}>
                        {(h) => (
                          <tr>
                            <td class="nowrap">{h.servedOn}</td>
                            <td>
                              {h.activityTitle ?? programName(h.programKey) ?? '—'}
                              <Show when={h.note}>
                                <span class="help block">{h.note}</span>
                              </Show>
                            </td>
                            <td class="num">{hours(h.minutes)}</td>
                            <td>
                              <Show
                                when={h.confirmedAt}
                                fallback={
                                  h.loggedByMe ? (
                                    <span class="tag">{t('volunteer.waitingForAdmin')}</span>
                                  ) : (
                                    <button
                                      type="button"
                                      class="button secondary"
                                      onClick={() => void confirm(h.id)}
                                      aria-label={t('volunteer.confirmNamed', { date: h.servedOn, hours: String(hours(h.minutes)) })}
                                    >
                                      {t('volunteer.confirm')}
                                    </button>
                                  )
                                }
                              >
                                <span class="tag">{t('volunteer.confirmed')}</span>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
            </section>
            <Show when={isAdmin()}>
              <WaitingHours programName={programName} onConfirmed={() => void summaryActions.refetch()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
