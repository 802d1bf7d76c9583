import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { ProposeForm } from './propose-form';

type List = Awaited<ReturnType<typeof loadList>>;
type Summary = List['partnerships'][number];

const loadList = () => request(api.api.partnerships.$get());

/** 社区帮扶社区: the partner communities, proposals waiting for our answer (admins), and proposing one. */
export default function Partnerships() {
  const { t } = useI18n();
  const { member, isAdmin } = useMembership();
  const [data, { refetch }] = createResource(() => member()?.id, loadList);
  const action = createAction(() => refetch());
  const decide = (id: number, choice: 'accept' | 'decline') =>
    action.run(() => request(api.api.partnerships[':id'].decision.$post({ param: { id: String(id) }, json: { action: choice } })));

  return (
    <section class="partnerships">
      <h1>{t('partnerships.title')}</h1>
      <p class="lead">{t('partnerships.intro')}</p>
      <MemberGate next="/partnerships" />
      <ErrorMessage error={data.error} />
      <ErrorMessage error={action.error()} detail />
      <Show when={data.latest}>
        {(d) => (
          <>
            <Show when={d().waitingForUs.length > 0}>
              <section class="card notice-card" aria-labelledby="partnerships-waiting">
                <h2 id="partnerships-waiting">{t('partnerships.waitingTitle')}</h2>
                <p class="help">{t('partnerships.waitingHelp')}</p>
                <ul class="plain">
                  <For each={d().waitingForUs}>
                    {(p) => (
                      <li class="partnership-waiting">
                        <A href={`/partnerships/${p.id}`}>{t('partnerships.fromCommunity', { name: p.partnerName })}</A>
                        <span class="actions">
                          <button type="button" class="button" disabled={action.busy()} onClick={() => decide(p.id, 'accept')}>
                            {t('partnershipAction.accept')}
                          </button>
                          <button type="button" class="button secondary" disabled={action.busy()} onClick={() => decide(p.id, 'decline')}>
                            {t('partnershipAction.decline')}
                          </button>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
            <h2>{t('partnerships.listTitle')}</h2>
            <Show when={d().partnerships.length > 0} fallback={<p class="card empty">{t('partnerships.none')}</p>}>
              <ul class="plain partnership-list">
                <For each={d().partnerships}>{(p) => <PartnershipItem partnership={p} />}</For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <Show when={isAdmin()}>
        <ProposeForm />
      </Show>
    </section>
  );
}

function PartnershipItem(props: { partnership: Summary }) {
  const { t } = useI18n();
  const p = () => props.partnership;
  return (
    <li class="card">
      <h3>
        <A href={`/partnerships/${p().id}`}>{p().partnerName}</A>
      </h3>
      <p class="meta">
        <span class={`badge state-${p().status}`}>{t(`partnershipState.${p().status}`)}</span>{' '}
        {p().kind === 'huzhu' ? t('partnerships.onHuzhu') : t('partnerships.outside')}
        <Show when={p().partnerPlace}> · {p().partnerPlace}</Show>
        <Show when={p().startedOn}>{(since) => <> · {t('partnerships.since', { date: since() })}</>}</Show>
      </p>
    </li>
  );
}
