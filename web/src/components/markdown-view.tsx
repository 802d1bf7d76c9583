import { createMemo } from 'solid-js';
import { renderMarkdown } from '../lib/markdown';

/** Safe rendered Markdown (raw HTML, scripts, event handlers and javascript: links never survive). */
export function MarkdownView(props: { source: string; class?: string }) {
  const html = createMemo(() => renderMarkdown(props.source));
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML comes from renderMarkdown, which sanitises it
  return <div class={`prose ${props.class ?? ''}`} innerHTML={html()} />;
}
