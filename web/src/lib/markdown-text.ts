/** Plain text of Markdown, for searching (no renderer needed, so a page that only searches stays light). */
export function markdownText(source: string): string {
  return source
    .replace(/[#>*_`|-]+/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ');
}
