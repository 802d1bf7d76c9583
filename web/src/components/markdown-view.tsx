import { createMemo } from 'solid-js';
import { renderMarkdown } from '../lib/markdown';

/** Safe rendered Markdown (raw HTML, scripts, event handlers and javascript: links never survive). */
export function MarkdownView(props: { source: string; class?: string }) {
  const html = createMemo(() => renderMarkdown(props.source));
  // innerHTML is safe here: renderMarkdown escapes raw HTML and sanitises its own output.
  return <div class={`prose ${props.class ?? ''}`} innerHTML={html()} />;
}
