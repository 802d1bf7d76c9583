import { diffLines } from 'diff';
import { For, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n';

type Part = { kind: 'same' | 'added' | 'removed'; value: string } | { kind: 'skipped'; lines: number };

/** Unchanged stretches longer than twice `context` lines are folded, so long chapters stay readable. */
export function foldUnchanged(before: string, after: string, context = 2): Part[] {
  const parts = diffLines(before, after);
  return parts.flatMap((part, index): Part[] => {
    if (part.added) return [{ kind: 'added', value: part.value }];
    if (part.removed) return [{ kind: 'removed', value: part.value }];
    const lines = part.value.split(/(?<=\n)/);
    const keepHead = index === 0 ? 0 : context;
    const keepTail = index === parts.length - 1 ? 0 : context;
    if (lines.length <= keepHead + keepTail + 1) return [{ kind: 'same', value: part.value }];
    const out: Part[] = [];
    if (keepHead > 0) out.push({ kind: 'same', value: lines.slice(0, keepHead).join('') });
    out.push({ kind: 'skipped', lines: lines.length - keepHead - keepTail });
    if (keepTail > 0) out.push({ kind: 'same', value: lines.slice(-keepTail).join('') });
    return out;
  });
}

/** A line-by-line comparison of two texts: removed lines struck through, added lines marked. */
export function TextDiff(props: { before: string; after: string; label?: string }) {
  const { t } = useI18n();
  const parts = () => foldUnchanged(props.before, props.after);
  const changed = () => parts().some((p) => p.kind === 'added' || p.kind === 'removed');
  return (
    <div class="diff" title={props.label}>
      <Show when={changed()} fallback={<p class="help">{t('history.noChanges')}</p>}>
        <For each={parts()}>
          {(part) => (
            <Switch>
              <Match when={part.kind === 'added' && part}>
                {(p) => (
                  <ins class="diff-added">
                    <span class="visually-hidden">{t('history.added')}: </span>
                    {p().value}
                  </ins>
                )}
              </Match>
              <Match when={part.kind === 'removed' && part}>
                {(p) => (
                  <del class="diff-removed">
                    <span class="visually-hidden">{t('history.removed')}: </span>
                    {p().value}
                  </del>
                )}
              </Match>
              <Match when={part.kind === 'same' && part}>{(p) => <pre class="diff-same">{p().value}</pre>}</Match>
              <Match when={part.kind === 'skipped' && part}>
                {(p) => <p class="diff-skipped">{t('history.skipped', { count: String(p().lines) })}</p>}
              </Match>
            </Switch>
          )}
        </For>
      </Show>
    </div>
  );
}
