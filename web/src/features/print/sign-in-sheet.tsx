import { useParams } from '@solidjs/router';
import { createResource, For, Index, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { PrintPage, useCommunityName } from './print-page';
import { rangeInZone } from './zoned';

/** Blank rows at the end of the sheet for people who turn up without having signed up. */
export const WALK_IN_ROWS = 8;

/**
 * The sign-in sheet (A4) for the door: the confirmed participants, then the waiting list marked as such, and blank rows
 * for walk-ins; a signature column, and a paid column with the amount per person when costs are shared (AA).
 */
export default function SignInSheet() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const communityName = useCommunityName();
  const [sheet] = createResource(
    () => params.id,
    (id) => request(api.api.activities[':id']['sign-in-sheet'].$get({ param: { id } })),
  );
  return (
    <>
      <MemberGate next={`/activities/${params.id}/sign-in-sheet`} />
      <ErrorMessage error={sheet.error} />
      <Show when={sheet.state === 'ready' ? sheet() : undefined}>
        {(s) => {
          const aa = () => s().feeFen > 0;
          const confirmed = () => s().rows.filter((r) => !r.waitlisted).length;
          return (
            <PrintPage size="a4" back={`/activities/${s().id}`} help={t('print.helpSheet')}>
              <header class="sheet-header">
                <p class="kicker">
                  {communityName()} · {t('print.sheetHeading')}
                </p>
                <h1>{s().title}</h1>
                <p data-print="when">
                  {t('print.when')}：{rangeInZone(s().startsAt, s().endsAt, locale(), s().timeZone)}
                </p>
                <Show when={s().place}>
                  <p>
                    {t('print.where')}：{s().place}
                  </p>
                </Show>
                <p>
                  {t('print.responsible', { name: s().responsible })}
                  <Show when={s().clubName}> · {t('print.club', { name: s().clubName ?? '' })}</Show>
                </p>
                <p class="help">
                  {t('print.confirmedCount', {
                    confirmed: String(confirmed()),
                    waiting: String(s().rows.length - confirmed()),
                    capacity: String(s().capacity),
                  })}
                  {' · '}
                  {t('print.timeZone', { zone: s().timeZone })}
                </p>
              </header>
              <table class="sign-in">
                <thead>
                  <tr>
                    <th scope="col" class="n">
                      {t('print.number')}
                    </th>
                    <th scope="col">{t('print.name')}</th>
                    <th scope="col" class="sig">
                      {t('print.signature')}
                    </th>
                    <Show when={aa()}>
                      <th scope="col" class="paid">
                        {t('print.paid', { amount: yuan(s().feeFen) })}
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={s().rows}>
                    {(row, i) => (
                      <tr data-signup={row.signupId} classList={{ waitlisted: row.waitlisted }}>
                        <td class="n">{i() + 1}</td>
                        <td>
                          {row.name}
                          <Show when={row.isChild}>
                            <span class="mark">（{t('print.child')}）</span>
                          </Show>
                          <Show when={row.heldBy}>{(by) => <span class="mark">（{t('print.heldBy', { name: by() })}）</span>}</Show>
                          <Show when={row.waitlisted}>
                            <span class="mark">（{t('print.waitlisted')}）</span>
                          </Show>
                        </td>
                        <td class="sig" />
                        <Show when={aa()}>
                          <td class="paid">☐</td>
                        </Show>
                      </tr>
                    )}
                  </For>
                  <Index each={Array.from({ length: WALK_IN_ROWS })}>
                    {(_, i) => (
                      <tr class="walk-in">
                        <td class="n">{s().rows.length + i + 1}</td>
                        <td>
                          <span class="visually-hidden">{t('print.walkIn')}</span>
                        </td>
                        <td class="sig" />
                        <Show when={aa()}>
                          <td class="paid">☐</td>
                        </Show>
                      </tr>
                    )}
                  </Index>
                </tbody>
              </table>
            </PrintPage>
          );
        }}
      </Show>
    </>
  );
}
