import MarkdownIt, { type Token } from 'markdown-it';

// Parsed only, never rendered: raw HTML stays text, and links are not guessed from bare addresses.
const md = new MarkdownIt({ html: false, linkify: false });

function textOf(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'text' || token.type === 'code_inline') return token.content;
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      // An image reads as its description.
      if (token.type === 'image') return textOf(token.children ?? []);
      return '';
    })
    .join('');
}

/**
 * The first paragraph of a Markdown text as plain words: no heading, list, table or quote before it counts, and no
 * emphasis, link or code marker stays in it. Empty when the text has no paragraph of its own.
 */
export function firstParagraph(source: string): string {
  const tokens = md.parse(source, {});
  const open = tokens.findIndex((token) => token.type === 'paragraph_open' && token.level === 0);
  const inline = open >= 0 ? tokens[open + 1] : undefined;
  return inline?.type === 'inline'
    ? textOf(inline.children ?? [])
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}
