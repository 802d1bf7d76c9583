import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDateTime, type IssueState, useCoordinationRoles } from '../../lib/coordination';
import { formatDate } from '../../lib/format';
import { CommitteeTools, NewCommittee, RemoveSeat } from './committee-admin';

/**
 * The professional committees (专业委员会): each with its members (outside experts marked), the issues referred to it
 * for study and its recommendations, the adopted decisions it assists, and its meetings.
 */
export default function Committees() {
  const { t, locale } = useI18n();
  const { member, isCoordinator } = useCoordinationRoles();
  const [data, { refetch }] = createResource(
    () => member()?.id,
    async () => {
      const [committees, meetings] = await Promise.all([request(api.api.committees.$get()), request(api.api.meetings.$get())]);
      return { committees: committees.committees, meetings: meetings.meetings };
    },
  );
  const meetingsOf = (id: number) => (data()?.meetings ?? []).filter((m) => m.committeeId === id);

  return (
    <section class="committees coordination">
      <h1>{t('governance.committeesTitle')}</h1>
      <p class="lead">{t('governance.committeesIntro')}</p>
      <MemberGate next="/committees" />
      <ErrorMessage error={data.error} />
      <Show
        when={data()}
        fallback={
          <Show when={member() && !data.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(d) => (
          <Show when={d().committees.length > 0} fallback={<p class="card empty">{t('governance.committeesEmpty')}</p>}>
            <For each={[false, true]}>
              {(closed) => (
                <Show when={d().committees.some((c) => (c.closedAt !== null) === closed)}>
                  <Show when={closed}>
                    <h2 id="closed-committees">{t('committeeAdmin.closedTitle')}</h2>
                  </Show>
                  <ul class="plain committee-list" data-closed={closed}>
                    <For each={d().committees.filter((c) => (c.closedAt !== null) === closed)}>
                      {(c) => (
                        <li class="card committee" id={`committee-${c.id}`} aria-labelledby={`committee-${c.id}-title`}>
                          <h2 id={`committee-${c.id}-title`}>{c.name}</h2>
                          <p class="tags">
                            <span class="tag">{t(`governance.kind_${c.kind}`)}</span>
                            <Show when={c.closedAt}>
                              {(on) => <span class="tag">{t('committeeAdmin.closedOn', { date: formatDate(on(), locale()) })}</span>}
                            </Show>
                            <Show when={c.endsOn}>
                              {(on) => <span class="tag outline">{t('governance.endsOn', { date: formatDate(on(), locale()) })}</span>}
                            </Show>
                            <Show when={c.proposes}>
                              <span class="tag outline">{t('governance.duty_proposes')}</span>
                            </Show>
                            <Show when={c.supervises}>
                              <span class="tag outline">{t('governance.duty_supervises')}</span>
                            </Show>
                            <Show when={c.assists}>
                              <span class="tag outline">{t('governance.duty_assists')}</span>
                            </Show>
                          </p>
                          <p>{c.remit}</p>

                          <h3>{t('governance.membersTitle')}</h3>
                          <ul class="rows">
                            <For each={c.members}>
                              {(m) => (
                                <li>
                                  <span>
                                    {m.name}
                                    <Show when={m.expertise}>
                                      <span class="help block">{m.expertise}</span>
                                    </Show>
                                  </span>
                                  <span class="tags">
                                    <Show when={m.role === 'chair'}>
                                      <span class="tag">{t('governance.chair')}</span>
                                    </Show>
                                    <Show when={m.external}>
                                      <span class="tag outline">{t('governance.expert')}</span>
                                    </Show>
                                    <Show when={isCoordinator() && !c.closedAt}>
                                      <RemoveSeat committeeId={c.id} seatId={m.id} name={m.name} onChanged={() => void refetch()} />
                                    </Show>
                                  </span>
                                </li>
                              )}
                            </For>
                          </ul>

                          <h3>{t('governance.studiesTitle')}</h3>
                          <Show when={c.studies.length > 0} fallback={<p class="help">{t('governance.noStudies')}</p>}>
                            <ul class="rows" data-testid={`studies-${c.id}`}>
                              <For each={c.studies}>
                                {(issue) => (
                                  <li>
                                    <span>
                                      <A href={`/issues/${issue.id}`}>
                                        #{issue.id} {issue.title}
                                      </A>
                                      <Show
                                        when={issue.recommendation}
                                        fallback={<span class="help block">{t('governance.awaitingRecommendation')}</span>}
                                      >
                                        {(text) => (
                                          <span class="help block">
                                            {t('governance.recommendationBy', { committee: c.name })}：{text()}
                                          </span>
                                        )}
                                      </Show>
                                    </span>
                                    <span class="tag outline">{t(`issueState.${issue.state as IssueState}`)}</span>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>

                          <h3>{t('governance.assistingTitle')}</h3>
                          <Show when={c.assisting.length > 0} fallback={<p class="help">{t('governance.noAssisting')}</p>}>
                            <ul class="rows" data-testid={`assisting-${c.id}`}>
                              <For each={c.assisting}>
                                {(issue) => (
                                  <li>
                                    <span>
                                      <A href={`/issues/${issue.id}`}>
                                        #{issue.id} {issue.title}
                                      </A>
                                      <Show when={issue.decisionText}>{(text) => <span class="help block">{text()}</span>}</Show>
                                    </span>
                                    <span class="tag outline">{t(`issueState.${issue.state as IssueState}`)}</span>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>

                          <Show when={meetingsOf(c.id).length > 0}>
                            <h3>{t('governance.committeeMeetings')}</h3>
                            <ul class="rows">
                              <For each={meetingsOf(c.id)}>
                                {(m) => (
                                  <li>
                                    <A href={`/meetings/${m.id}`}>{m.title}</A>
                                    <span class="help">
                                      {formatDateTime(m.scheduledFor, locale())} · {t(`meetingStatus.${m.status}`)}
                                    </span>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>
                          <Show when={isCoordinator() && !c.closedAt}>
                            <CommitteeTools committeeId={c.id} name={c.name} onChanged={() => void refetch()} />
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </For>
          </Show>
        )}
      </Show>
      <Show when={isCoordinator()}>
        <NewCommittee onSaved={() => void refetch()} />
      </Show>
    </section>
  );
}
