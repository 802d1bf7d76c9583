import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { TableWrap } from '../../components/table-wrap';

const unitSuffix = (unit: string) => (unit === 'percent' ? '%' : '');

/** The library's twelve months of figures as a table: loans, borrowers, titles, on-time returns, volunteer hours. */
export function LibraryFigures() {
  const { t, locale } = useI18n();
  const [data] = createResource(() => request(api.api.library.figures.$get()).catch(() => null));
  return (
    <Show when={data()}>
      {(d) => (
        <section aria-labelledby="library-figures">
          <h2 id="library-figures">{t('library.figuresTitle')}</h2>
          <p class="help">{t('library.figuresHelp')}</p>
          <TableWrap labelledBy="library-figures">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('library.month')}</th>
                  <For each={d().figures}>
                    {(f) => (
                      <th scope="col" class="num">
                        {locale() === 'en' ? f.labelEn : f.labelZh}
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={[...d().months].reverse()}>
                  {(m) => (
                    <tr>
                      <th scope="row" class="nowrap">
                        {m}
                      </th>
                      <For each={d().figures}>
                        {(f) => <td class="num">{f.values[m] === undefined ? '—' : `${f.values[m]}${unitSuffix(f.unit)}`}</td>}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </Show>
  );
}
