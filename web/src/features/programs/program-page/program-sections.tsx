import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { MarkdownView } from '../../../components/markdown-view';
import { useI18n } from '../../../i18n';
import type { ProgramPage } from './program';

/** Purpose, roles, how to run it and what to measure: the community's words, or the template's until it writes its own. */
export function ProgramSections(props: { program: ProgramPage; admin: boolean }) {
  const { t } = useI18n();
  return (
    <For each={props.program.sections}>
      {(section) => {
        const title = () => t(`program.section_${section.key}`);
        return (
          <section class="card program-section" data-section={section.key} aria-labelledby={`section-${section.key}`}>
            <h2 id={`section-${section.key}`}>{title()}</h2>
            <p>
              <span class="tag">{section.edited ? t('program.ownWords') : t('program.fromTemplate')}</span>
            </p>
            <MarkdownView source={section.body} />
            <Show when={props.admin}>
              <p class="actions no-print">
                <A
                  class="button secondary"
                  href={`/programs/${props.program.key}/${section.key}/edit`}
                  aria-label={t('program.editNamed', { section: title() })}
                >
                  {t('program.edit')}
                </A>
                <A
                  href={`/programs/${props.program.key}/${section.key}/history`}
                  aria-label={t('program.historyNamed', { section: title() })}
                >
                  {t('program.history')}
                </A>
              </p>
            </Show>
          </section>
        );
      }}
    </For>
  );
}
