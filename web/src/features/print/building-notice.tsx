import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { PrintPage, PrintQr, useCommunityName } from './print-page';
import { calendarDate, monthName, rangeInZone } from './zoned';

/**
 * A building's monthly notice (A5) for its notice board: the decisions brought back to it that month and next month's
 * activities, for its contacts and the coordinators to print. The month is read on the community's calendar.
 */
export default function BuildingNotice() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ month?: string }>();
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const communityName = useCommunityName();
  const [notice] = createResource(
    () => ({ id: params.id, month: search.month }),
    ({ id, month }) =>
      request(api.api.buildings[':id'].notice.$get({ param: { id }, query: month && /^\d{4}-\d{2}$/.test(month) ? { month } : {} })),
  );
  return (
    <>
      <MemberGate next={`/buildings/${params.id}/notice`} />
      <ErrorMessage error={notice.error} />
      <Show when={notice.state === 'ready' ? notice() : undefined}>
        {(n) => (
          <PrintPage size="a5" back={`/buildings#building-${n().building.id}`}>
            <form class="notice-month no-print" onSubmit={(e) => e.preventDefault()}>
              <label for="notice-month">{t('print.month')}</label>
              <input
                id="notice-month"
                type="month"
                value={n().month}
                onChange={(e) => e.currentTarget.value && navigate(`/buildings/${n().building.id}/notice?month=${e.currentTarget.value}`)}
              />
            </form>
            <p class="kicker">{communityName()}</p>
            <h1>{t('print.noticeHeading', { building: n().building.name, month: monthName(n().month, locale()) })}</h1>
            <h2>{t('print.decisions')}</h2>
            <Show when={n().decisions.length > 0} fallback={<p>{t('print.noDecisions')}</p>}>
              <ol class="notice-list">
                <For each={n().decisions}>
                  {(d) => (
                    <li>
                      <strong>{d.title}</strong>
                      <Show
                        when={d.decisionText}
                        fallback={
                          <p>
                            {d.outcome ? t('print.outcomeLine', { outcome: t(`issueOutcome.${d.outcome}`) }) : t('print.resolvedDirectly')}
                          </p>
                        }
                      >
                        <p>{d.decisionText}</p>
                      </Show>
                      <Show when={d.implementationOwner}>
                        <p>
                          {t('print.implementer', { owner: d.implementationOwner ?? '' })}
                          <Show when={d.dueOn}>{(due) => <> · {t('print.due', { date: calendarDate(due(), locale()) })}</>}</Show>
                        </p>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <h2>{t('print.upcoming', { month: monthName(n().nextMonth, locale()) })}</h2>
            <Show when={n().activities.length > 0} fallback={<p>{t('print.noUpcoming')}</p>}>
              <ul class="notice-list">
                <For each={n().activities}>
                  {(a) => (
                    <li data-activity={a.id}>
                      <strong>{a.title}</strong>
                      <p>{rangeInZone(a.startsAt, a.endsAt, locale(), n().timeZone)}</p>
                      <p>
                        {[a.place, a.clubName, a.feeFen > 0 ? t('print.costAA', { amount: yuan(a.feeFen) }) : t('print.free')]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <PrintQr path="/" caption={t('print.scanSite')} />
            <footer class="print-footer">
              <span>{communityName()}</span>
              <span>{t('print.timeZone', { zone: n().timeZone })}</span>
            </footer>
          </PrintPage>
        )}
      </Show>
    </>
  );
}
