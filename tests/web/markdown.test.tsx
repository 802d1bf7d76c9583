import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../web/src/lib/markdown';
import { markdownToHtml } from '../../worker/templates/markdown';

/** Parses rendered HTML and reports anything that could run script. */
function dangers(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'base', 'meta', 'link'].includes(tag))
      found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
      if (
        ['href', 'src', 'xlink:href', 'action', 'formaction'].includes(attr.name) &&
        /^\s*(javascript|vbscript|data):/i.test(attr.value)
      ) {
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '<iframe src="https://evil.example.org"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '"><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '[a](https://example.org "title\\" onmouseover=\\"alert(1)")',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<form action="javascript:alert(1)"><button>go</button></form>',
];

describe('renderMarkdown', () => {
  it('renders ordinary Markdown: headings, lists, tables, links', () => {
    const html = renderMarkdown(
      '## 标题\n\n1. 第一\n2. 第二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[链接](https://example.org) 和 [章节](#aa-cost-sharing)',
    );
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<table>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('href="#aa-cost-sharing"');
  });

  it.each(payloads)('neutralises %s', (payload) => {
    const html = renderMarkdown(`前文\n\n${payload}\n\n后文`);
    expect(dangers(html)).toEqual([]);
    expect(html).toContain('前文');
    expect(html).toContain('后文');
  });

  it('shows raw HTML as text instead of dropping what the author wrote', () => {
    const html = renderMarkdown('<b>粗体</b>');
    expect(html).toContain('&lt;b&gt;粗体&lt;/b&gt;');
  });
});

describe('markdownToHtml (the renderer alone, as the Worker serves handbook chapters)', () => {
  it.each(payloads)('neutralises %s without a sanitiser after it', (payload) => {
    const html = markdownToHtml(`前文\n\n${payload}\n\n后文`);
    expect(dangers(html)).toEqual([]);
    expect(html).toContain('前文');
  });

  it('renders what the web app renders, before the sanitiser has anything to remove', () => {
    const source = '## 标题\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[链接](https://example.org) <b>粗</b>';
    expect(markdownToHtml(source)).toContain('<h2>标题</h2>');
    expect(renderMarkdown(source)).toBe(markdownToHtml(source));
  });
});
