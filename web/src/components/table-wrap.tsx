import type { ParentProps } from 'solid-js';

/**
 * A table that may be wider than a phone: it scrolls sideways inside its own region, which takes keyboard focus (so
 * the arrow keys scroll it) and is named for screen readers, by `label` or by the heading `labelledBy` names.
 */
export function TableWrap(props: ParentProps<{ label?: string; labelledBy?: string; class?: string }>) {
  return (
    // A named <section> is a region landmark; it takes focus so the keyboard can scroll it.
    <section
      class={props.class ? `table-wrap ${props.class}` : 'table-wrap'}
      tabindex="0"
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
    >
      {props.children}
    </section>
  );
}
