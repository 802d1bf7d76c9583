import DOMPurify from 'dompurify';
import { markdownToHtml } from '../../../worker/templates/markdown';

/** Renders a community's Markdown to safe HTML: escaped by the renderer, then checked once more by DOMPurify. */
export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(markdownToHtml(source), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}
