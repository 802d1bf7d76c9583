import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Raw HTML is not Markdown here: it is shown as text. markdown-it also refuses javascript:, vbscript:
// and most data: links; DOMPurify then checks the output once more.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false });

/** Renders a community's Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(md.render(source), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}

/** Plain text of Markdown, for searching. */
export function markdownText(source: string): string {
  return source
    .replace(/[#>*_`|-]+/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ');
}
