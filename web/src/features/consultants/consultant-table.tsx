import { A } from '@solidjs/router';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import type { TableView, ViewContext } from '../../lib/metrics-view';
import { MetricName } from './consultant-definition';

/** The view context in the reader's language: the words the tables and the CSV need besides the API's labels. */
export function useViewContext(): () => ViewContext {
  const { t, locale } = useI18n();
  return () => ({
    locale: locale(),
    labels: {
      metric: t('consultant.metric'),
      groups: {
        scale: t('consultant.groups.scale'),
        participation: t('consultant.groups.participation'),
        coordination: t('consultant.groups.coordination'),
        finance: t('consultant.groups.finance'),
        rules: t('consultant.groups.rules'),
      },
      monthToDate: t('consultant.monthToDate'),
    },
  });
}

/**
 * A metrics table rendered from its view (the same view the CSV is made from): one heading row per group, the
 * figure's name with its definition, and one column per community or month. It scrolls sideways on a phone with
 * the names held in place.
 */
export function MetricsTable(props: {
  view: TableView;
  caption: JSX.Element;
  captionId: string;
  columnHref?: (key: string) => string | undefined;
  class?: string;
  /** Months run oldest to newest; start scrolled to the newest where they do not all fit. */
  scrollToEnd?: boolean;
}) {
  let wrap: HTMLElement | undefined;
  createEffect(() => {
    if (props.scrollToEnd && props.view.columns.length > 0 && wrap) wrap.scrollLeft = wrap.scrollWidth;
  });
  return (
    <section ref={wrap} class="table-wrap metrics-table-wrap" aria-labelledby={props.captionId} tabindex="0">
      <table class={`metrics-table ${props.class ?? ''}`}>
        <caption id={props.captionId}>
          <span>{props.caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.view.corner}</th>
            <For each={props.view.columns}>
              {(column) => (
                <th scope="col" class="num">
                  <Show when={props.columnHref?.(column.key)} fallback={column.label}>
                    {(href) => <A href={href()}>{column.label}</A>}
                  </Show>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <For each={props.view.sections}>
          {(section) => (
            <tbody data-section={section.key}>
              <tr class="group-row">
                <th scope="colgroup" colspan={props.view.columns.length + 1}>
                  <span>{section.label}</span>
                </th>
              </tr>
              <For each={section.rows}>
                {(row) => (
                  <tr data-row={row.key}>
                    <th scope="row">
                      <MetricName label={row.label} definition={row.definition} />
                    </th>
                    <For each={row.cells}>{(cell) => <td class="num">{cell}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          )}
        </For>
      </table>
    </section>
  );
}
