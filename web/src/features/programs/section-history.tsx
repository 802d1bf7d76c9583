import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { TextDiff } from '../handbooks/text-diff';
import type { ProgramSectionKey } from './program-page/program';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime } from '../../lib/format';

/** A section's revisions with who wrote each and when; compare any two, restore an earlier one. */
export default function SectionHistory() {
  const params = useParams<{ key: string; section: ProgramSectionKey }>();
  const { t, locale } = useI18n();
  const ref = () => ({ param: { key: params.key, section: params.section }, query: { locale: locale() } });
  const [history, { refetch }] = createResource(
    () => ({ ...ref(), l: locale() }),
    (r) => request(api.api.programs[':key'].sections[':section'].revisions.$get({ param: r.param, query: r.query })),
  );
  const [a, setA] = createSignal<number>();
  const [b, setB] = createSignal<number>();
  const [error, setError] = createSignal<unknown>();
  const [restored, setRestored] = createSignal<number>();
  const numbers = createMemo(() => history()?.revisions.map((r) => r.number) ?? []);
  const from = () => a() ?? numbers()[1] ?? numbers()[0];
  const to = () => b() ?? numbers()[0];
  const title = () => t(`program.section_${params.section}`);

  const fetchRevision = (n: number) =>
    request(
      api.api.programs[':key'].sections[':section'].revisions[':number'].$get({
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
      const result = await request(
        api.api.programs[':key'].sections[':section'].revisions[':number'].restore.$post({
          param: { ...ref().param, number: String(number) },
          query: ref().query,
          json: { baseRevision: history()?.section.revision ?? 1 },
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
      <p class="no-print">
        <A href={`/programs/${params.key}`}>{t('programEditor.back')}</A>
      </p>
      <h1>{t('programHistory.title', { section: title() })}</h1>
      <p class="help">{t('programHistory.intro')}</p>
      <ErrorMessage error={history.error ?? error()} />
      <Show when={restored()}>
        <p class="notice" role="status">
          {t('programHistory.restored', { revision: String(restored()) })}
        </p>
      </Show>
      <TableWrap label={t('programHistory.title', { section: title() })}>
        <table data-testid="section-history">
          <thead>
            <tr>
              <th scope="col">{t('programHistory.from')}</th>
              <th scope="col">{t('programHistory.to')}</th>
              <th scope="col">{t('programHistory.revisionHeader')}</th>
              <th scope="col">{t('programEditor.summary')}</th>
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
                      aria-label={`${t('programHistory.from')} ${t('programHistory.revision', { number: String(r.number) })}`}
                      checked={from() === r.number}
                      onChange={() => setA(r.number)}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="rev-b"
                      aria-label={`${t('programHistory.to')} ${t('programHistory.revision', { number: String(r.number) })}`}
                      checked={to() === r.number}
                      onChange={() => setB(r.number)}
                    />
                  </td>
                  <td>
                    {t('programHistory.revision', { number: String(r.number) })}
                    <br />
                    <span class="tag">{t(`programHistory.kind_${r.kind}`)}</span>
                    <Show when={r.number === history()?.section.revision}>
                      <span class="tag">{t('programHistory.current')}</span>
                    </Show>
                  </td>
                  <td>
                    {r.summary}
                    <Show when={r.kind !== 'template' && r.createdAt}>
                      {(at) => (
                        <>
                          <br />
                          <span class="help">
                            {t('programHistory.by', { name: r.authorName ?? '—', date: formatDateTime(at(), locale()) })}
                          </span>
                        </>
                      )}
                    </Show>
                    <Show when={r.number !== history()?.section.revision}>
                      <div class="actions">
                        <button
                          type="button"
                          class="button secondary"
                          aria-label={t('programHistory.restoreNamed', { number: String(r.number) })}
                          onClick={() => restore(r.number)}
                        >
                          {t('programHistory.restore')}
                        </button>
                      </div>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
      <Show when={pair() && pair()![0].number !== pair()![1].number ? pair() : undefined}>
        {(p) => (
          <>
            <h2>{t('programHistory.diffTitle', { a: String(p()[0].number), b: String(p()[1].number) })}</h2>
            <TextDiff before={p()[0].body} after={p()[1].body} label={t('programHistory.compare')} />
          </>
        )}
      </Show>
    </section>
  );
}
