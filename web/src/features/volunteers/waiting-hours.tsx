import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { TableWrap } from '../../components/table-wrap';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** For association admins: hours volunteers logged themselves, to confirm; those waiting over a week are flagged. */
export function WaitingHours(props: { programName: (key: string | null) => string | null; onConfirmed: () => void }) {
  const { t } = useI18n();
  const [list, { refetch }] = createResource(() => request(api.api['volunteer-hours'].waiting.$get()));
  const [error, setError] = createSignal<unknown>();
  async function approve(id: number) {
    setError(undefined);
    try {
      await request(api.api['volunteer-hours'][':id'].approval.$post({ param: { id: String(id) } }));
      await refetch();
      props.onConfirmed();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('volunteer.waitingTitle')}</h2>
      <p class="help">{t('volunteer.waitingHelp')}</p>
      <ErrorMessage error={list.error ?? error()} />
      <Show when={list()}>
        {(l) => (
          <Show when={l().hours.length > 0} fallback={<p class="card empty">{t('volunteer.noneWaiting')}</p>}>
            <TableWrap labelledBy="waiting-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('volunteer.volunteer')}</th>
                    <th scope="col">{t('volunteer.date')}</th>
                    <th scope="col">{t('volunteer.what')}</th>
                    <th scope="col" class="num">
                      {t('volunteer.hours')}
                    </th>
                    <th scope="col">{t('volunteer.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={l().hours}>
                    {(h) => (
                      <tr data-overdue={h.overdue ? 'true' : undefined}>
                        <td>{h.volunteerName}</td>
                        <td class="nowrap">{h.servedOn}</td>
                        <td>
                          {props.programName(h.programKey) ?? '—'}
                          <Show when={h.note}>
                            <span class="help block">{h.note}</span>
                          </Show>
                        </td>
                        <td class="num">{hours(h.minutes)}</td>
                        <td>
                          <Show when={h.overdue}>
                            <span class="tag warning">{t('volunteer.overdue')}</span>{' '}
                          </Show>
                          <button
                            type="button"
                            class="button secondary"
                            onClick={() => void approve(h.id)}
                            aria-label={t('volunteer.approveNamed', { name: h.volunteerName, date: h.servedOn })}
                          >
                            {t('volunteer.confirm')}
                          </button>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Show>
    </section>
  );
}
