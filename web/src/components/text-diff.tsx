import { diffLines } from 'diff';
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n';

/** A line-by-line comparison of two texts: removed lines struck through, added lines marked. */
export function TextDiff(props: { before: string; after: string; label?: string }) {
  const { t } = useI18n();
  const parts = () => diffLines(props.before, props.after);
  const changed = () => parts().some((p) => p.added || p.removed);
  return (
    <div class="diff" role="group" aria-label={props.label}>
      <Show when={changed()} fallback={<p class="help">{t('history.noChanges')}</p>}>
        <For each={parts()}>
          {(part) => (
            <Show when={part.added || part.removed} fallback={<pre class="diff-same">{part.value}</pre>}>
              <Show when={part.added} fallback={<del class="diff-removed" aria-label={t('history.removed')}>{part.value}</del>}>
                <ins class="diff-added" aria-label={t('history.added')}>
                  {part.value}
                </ins>
              </Show>
            </Show>
          )}
        </For>
      </Show>
    </div>
  );
}
