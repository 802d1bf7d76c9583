import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { TextDiff } from './text-diff';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime } from '../../lib/format';

export default function ChapterHistory() {
  const params = useParams<{ handbook: string; key: string }>();
  const { t, locale } = useI18n();
  const ref = () => ({ param: { handbook: params.handbook, key: params.key }, query: { locale: locale() } });
  const [history, { refetch }] = createResource(
    () => ({ ...ref(), l: locale() }),
    (r) => request(api.api.handbooks[':handbook'].chapters[':key'].revisions.$get({ param: r.param, query: r.query })),
  );
  const [a, setA] = createSignal<number>();
  const [b, setB] = createSignal<number>();
  const [error, setError] = createSignal<unknown>();
  const [restored, setRestored] = createSignal<number>();
  const numbers = createMemo(() => history()?.revisions.map((r) => r.number) ?? []);
  const from = () => a() ?? numbers()[1] ?? numbers()[0];
  const to = () => b() ?? numbers()[0];

  const fetchRevision = (n: number) =>
    request(
      api.api.handbooks[':handbook'].chapters[':key'].revisions[':number'].$get({
        param: { ...ref().param, number: String(n) },
        query: ref().query,
      }),
    );
  const [pair] = createResource(
    () => (from() && to() ? { from: from()!, to: to()!, l: locale() } : false),
    async (p) => Promise.all([fetchRevision(p.from), fetchRevision(p.to)]),
  );

  async function restore(number: number) {
    setError(undefined);
    try {
      const current = history()?.chapter.revision ?? 0;
      const result = await request(
        api.api.handbooks[':handbook'].chapters[':key'].revisions[':number'].restore.$post({
          param: { ...ref().param, number: String(number) },
          query: ref().query,
          json: { baseRevision: current },
        }),
      );
      setRestored(result.revision);
      setA(undefined);
      setB(undefined);
      await refetch();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section>
      <p>
        <A href={`/handbooks/${params.handbook}#${params.key}`}>{t('handbooks.backToHandbook')}</A>
      </p>
      <h1>{t('history.title', { title: history()?.chapter.title ?? '' })}</h1>
      <ErrorMessage error={history.error ?? error()} />
      <Show when={restored()}>
        <p class="notice" role="status">
          {t('history.restored', { revision: String(restored()) })}
        </p>
      </Show>
      <p class="help">{t('history.compareHelp')}</p>
      <TableWrap label={t('history.title', { title: history()?.chapter.title ?? '' })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('history.from')}</th>
              <th scope="col">{t('history.to')}</th>
              <th scope="col">{t('history.revision', { number: '' })}</th>
              <th scope="col">{t('editor.summary')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('history.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={history()?.revisions ?? []}>
              {(r) => (
                <tr data-revision={r.number}>
                  <td>
                    <input
                      type="radio"
                      name="rev-a"
                      aria-label={`${t('history.from')} ${t('history.revision', { number: String(r.number) })}`}
                      checked={from() === r.number}
                      onChange={() => setA(r.number)}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="rev-b"
                      aria-label={`${t('history.to')} ${t('history.revision', { number: String(r.number) })}`}
                      checked={to() === r.number}
                      onChange={() => setB(r.number)}
                    />
                  </td>
                  <td>
                    {t('history.revision', { number: String(r.number) })}
                    <br />
                    <span class="tag" classList={{ warn: !r.published }}>
                      {t(`history.kind_${r.kind}`)}
                    </span>
                    <Show when={r.number === history()?.chapter.revision}>
                      <span class="tag">{t('history.current')}</span>
                    </Show>
                  </td>
                  <td>
                    {r.summary}
                    <br />
                    <span class="help">{t('history.by', { name: r.authorName ?? '—', date: formatDateTime(r.createdAt, locale()) })}</span>
                  </td>
                  <td>
                    <Show when={r.number !== history()?.chapter.revision}>
                      <button type="button" class="button secondary" onClick={() => restore(r.number)}>
                        {t('history.restore')}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
      <Show when={pair()}>
        {(p) => (
          <>
            <h2>{t('history.diffTitle', { a: String(p()[0].number), b: String(p()[1].number) })}</h2>
            <TextDiff
              before={`# ${p()[0].title}\n\n${p()[0].body}`}
              after={`# ${p()[1].title}\n\n${p()[1].body}`}
              label={t('history.compare')}
            />
          </>
        )}
      </Show>
    </section>
  );
}
