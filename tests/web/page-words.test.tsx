import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { owners } from '../../web/src/i18n/features';

/**
 * Each page of app.tsx names the features whose words it shows (`page(() => import(…), 'home', 'activities')`), so
 * that they load with its code; so does a part of a page loaded later (`withWords(() => import(…), ['clubs'])`). This
 * reads the code each pulls in and checks that the list is whole: a word from a feature not named would be fetched
 * only once the page is on screen, and appear late. The page frame uses the shared words only.
 */
const APP = '../../web/src/app.tsx';
const WEB = '../../web/src/';

const sources = import.meta.glob<string>('../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
/** Dictionaries name every key; that is not a use. */
const isDictionary = (path: string) => /\/i18n\/|\/i18n\.ts$/.test(path);

const parsed = new Map<string, ts.SourceFile>();
/** Each file is parsed once: the closures of a hundred pages go through the same modules. */
const parse = (path: string, text: string) => {
  const known = parsed.get(path);
  if (known) return known;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  parsed.set(path, file);
  return file;
};

/** `../x` from `a/b/c.tsx`, as a key of `sources`, or undefined for a package. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((path) => path in sources);
}

const isCallOf = (node: ts.Node, name: string): node is ts.CallExpression =>
  ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name;
const isImportCall = (node: ts.Node): node is ts.CallExpression =>
  ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword;

/** The module `import()`ed by a loader such as `() => import('./mine').then(…)`. */
function importedBy(loader: ts.Node | undefined): string | undefined {
  if (!loader) return undefined;
  if (isImportCall(loader)) {
    const [argument] = loader.arguments;
    return argument && ts.isStringLiteral(argument) ? argument.text : undefined;
  }
  return ts.forEachChild(loader, importedBy);
}

/**
 * The modules a file imports, statically and (when `dynamic`) through `import()` too; not those loaded by `page()`
 * or `withWords()`, which name their own words.
 */
function importsOf(path: string, dynamic: boolean): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (isCallOf(node, 'withWords') || isCallOf(node, 'page')) return;
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!(ts.isImportDeclaration(node) && node.importClause?.isTypeOnly)) found.push(node.moduleSpecifier.text);
    } else if (dynamic && isImportCall(node)) {
      const specifier = importedBy(node);
      if (specifier) found.push(specifier);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(path, sources[path] ?? ''));
  return found.flatMap((specifier) => resolve(path, specifier) ?? []);
}

/** Every module reached from `roots`. */
function closure(roots: string[], dynamic: boolean): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    stack.push(...importsOf(path, dynamic));
  }
  return [...seen];
}

/** The features whose namespaces a module names, as the dictionary-keys test counts a use: `'week.title'`, `` `activityState.${s}` ``. */
function featuresNamedIn(path: string): string[] {
  if (isDictionary(path)) return [];
  const named = new Set<string>();
  const namespace = (text: string) => {
    const head = /^([A-Za-z]+)\./.exec(text)?.[1];
    if (head && Object.hasOwn(owners, head)) named.add(owners[head as keyof typeof owners]);
  };
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isLiteralTypeNode(node.parent)) namespace(node.text);
    else if (ts.isTemplateExpression(node)) namespace(node.head.text);
    ts.forEachChild(node, visit);
  };
  visit(parse(path, sources[path] ?? ''));
  return [...named];
}

const namedIn = new Map<string, string[]>();
const needs = (modules: string[]) =>
  [
    ...new Set(
      modules.flatMap((path) => {
        const features = namedIn.get(path) ?? featuresNamedIn(path);
        namedIn.set(path, features);
        return features;
      }),
    ),
  ].sort();

/** What loads with its words: app.tsx's pages, `page(load, …features)`, and parts, `withWords(load, [features])`. */
function declarations() {
  const loads: { module: string; features: string[] }[] = [];
  const strings = (nodes: readonly ts.Node[]) => nodes.flatMap((node) => (ts.isStringLiteral(node) ? [node.text] : []));
  for (const [path, text] of Object.entries(sources)) {
    if (isDictionary(path)) continue;
    const visit = (node: ts.Node) => {
      if ((path === APP && isCallOf(node, 'page')) || isCallOf(node, 'withWords')) {
        const [load, ...rest] = node.arguments;
        const [list] = rest;
        const features = isCallOf(node, 'page') ? strings(rest) : list && ts.isArrayLiteralExpression(list) ? strings(list.elements) : [];
        const specifier = importedBy(load);
        const module = specifier ? resolve(path, specifier) : undefined;
        if (module) loads.push({ module, features });
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(path, text));
  }
  return loads;
}

describe('the words each page loads with its code', () => {
  const loads = declarations();
  const name = (module: string) => module.replace(WEB, '');

  it('finds the words a page shows through what it pulls in, and the parts it loads apart', () => {
    // This week's list shows activity states (activities) through its parts; the member's half, loaded apart, their clubs.
    expect(needs(closure([`${WEB}features/home/this-week/index.tsx`], true))).toEqual(['activities', 'home']);
    expect(needs(closure([`${WEB}features/home/this-week/mine.tsx`], true))).toEqual(['activities', 'clubs', 'home', 'personal-data']);
    expect(loads).toContainEqual({
      module: `${WEB}features/home/this-week/mine.tsx`,
      features: ['activities', 'clubs', 'home', 'personal-data'],
    });
    expect(needs([`${WEB}features/home/i18n.ts`])).toEqual([]);
  });

  it('the page frame (header, footer, banners) shows the shared words only', () => {
    expect(needs(closure([APP], false))).toEqual([]);
  });

  it('every page, and every part loaded apart, names the features whose words it shows', () => {
    expect(loads.length).toBeGreaterThan(80);
    const missing = loads.flatMap(({ module, features }) =>
      needs(closure([module], true))
        .filter((feature) => !features.includes(feature))
        .map((feature) => `${name(module)} shows words of ${feature}`),
    );
    expect(missing).toEqual([]);
  });

  it('none names a feature whose words it does not show (they would load for nothing)', () => {
    const extra = loads.flatMap(({ module, features }) => {
      const used = needs(closure([module], true));
      return features.filter((feature) => !used.includes(feature)).map((feature) => `${name(module)} names ${feature}`);
    });
    expect(extra).toEqual([]);
  });
});
