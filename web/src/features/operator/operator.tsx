import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { AccountLimits } from './account-limits';
import { ConsultantRegistry, SnapshotRuns } from './operator-metrics';
import { TableWrap } from '../../components/table-wrap';
import { WarmPool } from './warm-pool';
import { formatDateTime } from '../../lib/format';

/** The operators' page: the database pool and its warning, communities, account limits, snapshot runs, consultants. */
export default function Operator() {
  const { t, locale } = useI18n();
  const [overview, { refetch }] = createResource(() => request(api.api.operator.overview.$get()));
  const [actionError, setActionError] = createSignal<unknown>();
  // The account whose community limit is shown: typed in, or a listed community's founder.
  const [account, setAccount] = createSignal<string>();
  function lookUpFounder(userId: string) {
    setAccount(userId);
    document.getElementById('account-limits-title')?.scrollIntoView?.({ block: 'start' });
  }

  async function setStatus(slug: string, status: 'active' | 'suspended') {
    setActionError(undefined);
    try {
      await request(api.api.operator.communities[':slug'].status.$post({ param: { slug }, json: { status } }));
      await refetch();
    } catch (e) {
      setActionError(e);
    }
  }

  return (
    <section>
      <h1>{t('operator.title')}</h1>
      <p>
        <A href="/operator/backups">{t('operator.backupsLink')}</A>
      </p>
      <Show
        when={!(overview.error instanceof ApiError && overview.error.status === 403)}
        fallback={<p class="alert">{t('operator.forbidden')}</p>}
      >
        <ErrorMessage error={overview.error ?? actionError()} />
        <Show when={overview()}>
          {(data) => (
            <>
              <h2>{t('operator.pool')}</h2>
              <div class="stats">
                <div class="stat">
                  <strong>{data().pool.free}</strong>
                  {t('operator.free')}
                </div>
                <div class="stat">
                  <strong>{data().pool.used}</strong>
                  {t('operator.used')}
                </div>
                <div class="stat">
                  <strong>{data().pool.total}</strong>
                  {t('operator.total')}
                </div>
              </div>
              <Show when={data().pool.shards.length > 1}>
                <TableWrap label={t('operator.shards')}>
                  <table>
                    <caption>{t('operator.shards')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('operator.shard')}</th>
                        <th scope="col">{t('operator.free')}</th>
                        <th scope="col">{t('operator.prepared')}</th>
                        <th scope="col">{t('operator.used')}</th>
                        <th scope="col">{t('operator.total')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={data().pool.shards}>
                        {(shard) => (
                          <tr>
                            <th scope="row">{shard.shard}</th>
                            <td>{shard.free}</td>
                            <td>{shard.prepared}</td>
                            <td>{shard.used}</td>
                            <td>{shard.total}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
              <Show when={data().pool.low}>
                <p class="alert" role="status">
                  {t('operator.lowPool', { free: String(data().pool.free), threshold: String(data().pool.warnBelow) })}
                </p>
              </Show>
              <WarmPool prepared={data().pool.prepared} target={data().pool.preparedTarget} free={data().pool.free} refetch={refetch} />
              <h2>{t('operator.communities')}</h2>
              <TableWrap label={t('operator.communities')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('operator.slug')}</th>
                      <th scope="col">{t('operator.name')}</th>
                      <th scope="col">{t('operator.status')}</th>
                      <th scope="col">{t('operator.database')}</th>
                      <th scope="col">{t('operator.created')}</th>
                      <th scope="col">
                        <span class="visually-hidden">{t('operator.status')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().communities}>
                      {(c) => (
                        <tr>
                          <td>{c.slug}</td>
                          <td>{c.nameZh}</td>
                          <td>
                            <span class="tag" classList={{ warn: c.status !== 'active' }}>
                              {t(`operator.status_${c.status}`)}
                            </span>
                          </td>
                          <td>{c.databaseBinding ?? '—'}</td>
                          <td>{formatDateTime(c.createdAt, locale())}</td>
                          <td>
                            <Show when={c.status === 'active'}>
                              <button type="button" class="button secondary" onClick={() => setStatus(c.slug, 'suspended')}>
                                {t('operator.suspend')}
                              </button>
                            </Show>
                            <Show when={c.status === 'suspended'}>
                              <button type="button" class="button secondary" onClick={() => setStatus(c.slug, 'active')}>
                                {t('operator.reactivate')}
                              </button>
                            </Show>{' '}
                            <button
                              type="button"
                              class="button secondary"
                              aria-label={t('operator.founderLimitOf', { name: c.nameZh })}
                              onClick={() => lookUpFounder(c.founderUserId)}
                            >
                              {t('operator.founderLimit')}
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
              <AccountLimits account={account()} onLookup={setAccount} />
              <SnapshotRuns />
              <ConsultantRegistry />
              <h2>{t('operator.recent')}</h2>
              <ul>
                <For each={data().recent}>
                  {(r) => (
                    <li>
                      {formatDateTime(r.at, locale())} · {r.action} · {r.actorUserId ?? '—'}
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
