import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../web/src/i18n/zh-CN';

/** The shared words and every feature's, in Chinese: all the keys there are. */
const features = import.meta.glob<{ zh: object }>(['../../web/src/features/*/i18n.ts', '../../web/src/features/*/i18n/index.ts'], {
  eager: true,
});
const dictionary: object = Object.assign({}, zhCN, ...Object.values(features).map((words) => words.zh));

/** A dictionary file holds the keys; its own strings are translations, not uses. A feature's may be an `i18n/` folder of parts. */
const isDictionary = (path: string) => /\/i18n\/(zh-CN|en)\.ts$|\/i18n\.ts$|\/features\/[^/]+\/i18n\/[^/]+\.ts$/.test(path);

/** Every source file of the web app except the dictionaries, as text. */
const sources = Object.entries(
  import.meta.glob<string>('../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }),
).filter(([path]) => !isDictionary(path));

function keysOf(dict: object, prefix = ''): string[] {
  return Object.entries(dict).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keys a source file can reach. A plain string such as `'meeting.close'` (in a `t()` call, a ternary or a helper
 * map) names one key. A template such as `` `activityState.${s}` `` names the family its static parts allow
 * (`activityState.` followed by anything), but only when it starts with a namespace: a template whose namespace is
 * itself computed would make every key "used", so it counts for nothing and its keys show up as unused.
 * Strings in type positions (`key as 'app.name'`) are casts, not uses.
 */
function usesIn(path: string, text: string): { exact: Set<string>; families: RegExp[] } {
  const exact = new Set<string>();
  const families: RegExp[] = [];
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isLiteralTypeNode(node.parent)) {
      exact.add(node.text);
    } else if (ts.isTemplateExpression(node) && /^[A-Za-z]+\./.test(node.head.text)) {
      const pattern = node.templateSpans.map((span) => `.+${escapeRegExp(span.literal.text)}`).join('');
      families.push(new RegExp(`^${escapeRegExp(node.head.text)}${pattern}$`));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { exact, families };
}

/** The dictionary keys that no source file reaches. */
function unusedKeys(keys: string[], files: [path: string, text: string][]): string[] {
  const uses = files.map(([path, text]) => usesIn(path, text));
  return keys.filter((key) => !uses.some(({ exact, families }) => exact.has(key) || families.some((family) => family.test(key))));
}

describe('dictionary keys in use', () => {
  it('every key in the dictionary is used somewhere in web/src', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(keysOf(dictionary).length).toBeGreaterThan(1000);
    expect(unusedKeys(keysOf(dictionary), sources)).toEqual([]);
  });

  it('a key named nowhere is reported', () => {
    const files: [string, string][] = [['page.tsx', "t('meeting.close'); label(x ? 'meeting.open' : 'meeting.shut', s);"]];
    expect(unusedKeys(['meeting.close', 'meeting.open', 'meeting.shut', 'meeting.never'], files)).toEqual(['meeting.never']);
  });

  it('a dynamic key uses its family only, static suffix included', () => {
    const files: [string, string][] = [
      ['page.tsx', `t(\`activityState.\${s}\`); t(\`checklist.item_\${key}_body\`);`],
      ['other.tsx', `t(\`\${namespace}.title\`); const cast = t(key as 'week.title');`],
    ];
    const keys = ['activityState.open', 'activityState.held', 'checklist.item_a_body', 'checklist.item_a', 'week.title', 'clubs.title'];
    expect(unusedKeys(keys, files)).toEqual(['checklist.item_a', 'week.title', 'clubs.title']);
  });
});
