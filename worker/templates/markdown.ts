import MarkdownIt from 'markdown-it';

// Raw HTML is not Markdown here: it is shown as text. markdown-it also refuses javascript:, vbscript: and most data:
// links. The Worker renders handbook chapters with this (so a reader's phone need not load a Markdown renderer), and
// the web app's previews use the same renderer and options, so a preview matches the chapter as published.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false });

/** A community's Markdown as HTML in which anything written as HTML is escaped text. */
export function markdownToHtml(source: string): string {
  return md.render(source);
}
