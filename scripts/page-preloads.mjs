// Which files each page of the web app needs before it can draw, written at build time to dist/web/page-preloads.json:
// the Worker puts them in the page's HTML as <link rel="modulepreload">, so a phone fetches the page's code and words
// together with the entry instead of one round trip after it (worker/share/preloads.ts).
//
// The routes are read from web/src/app.tsx itself (its `page(() => import(…), 'feature', …)` constants and the
// <Route path component> elements under each host's <Match>), and the files from Vite's manifest, so the table cannot
// drift from the app. tests/scripts/page-preloads.test.ts holds it to every route of app.tsx.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

export const LANGUAGES = ['zh-CN', 'en'];

/**
 * The routes of app.tsx: for each host kind, each route's path, the page module it imports (relative to web/src) and
 * the features whose words it loads with it.
 */
export function readRoutes(source) {
  const file = ts.createSourceFile('app.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  /** @type {Map<string, { module: string, features: string[] }>} */
  const pages = new Map();
  /** @type {{ host: string, path: string, component: string }[]} */
  const routes = [];
  const attribute = (element, name) =>
    element.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText(file) === name)?.initializer;
  const visit = (node, host) => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      const [loader, ...rest] = call.arguments;
      if (call.expression.getText(file) === 'page' && loader && ts.isArrowFunction(loader)) {
        const imported = loader.body;
        if (ts.isCallExpression(imported) && imported.expression.kind === ts.SyntaxKind.ImportKeyword) {
          const [specifier] = imported.arguments;
          if (specifier && ts.isStringLiteral(specifier)) {
            pages.set(node.name.getText(file), {
              module: specifier.text.replace(/^\.\//, ''),
              features: rest.filter(ts.isStringLiteral).map((s) => s.text),
            });
          }
        }
      }
    }
    let within = host;
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText(file) === 'Match') {
      const when = attribute(node.openingElement, 'when')?.getText(file) ?? '';
      within = when.match(/'(platform|community)'/)?.[1] ?? host;
    }
    const element = ts.isJsxSelfClosingElement(node) ? node : ts.isJsxElement(node) ? node.openingElement : null;
    if (element && element.tagName.getText(file) === 'Route' && within) {
      const path = attribute(element, 'path');
      const component = attribute(element, 'component');
      if (path && ts.isStringLiteral(path) && component && ts.isJsxExpression(component) && component.expression) {
        routes.push({ host: within, path: path.text, component: component.expression.getText(file) });
      }
    }
    ts.forEachChild(node, (child) => visit(child, within));
  };
  visit(file, null);
  return routes.map((r) => {
    const page = pages.get(r.component);
    if (!page) throw new Error(`app.tsx: the route ${r.path} shows ${r.component}, which is not a page(() => import(…))`);
    return { ...r, ...page };
  });
}

/** The manifest key of a module imported from web/src as `module` (without its extension). */
function manifestKey(manifest, module, query = '') {
  for (const suffix of ['.tsx', '.ts', '/index.tsx', '/index.ts']) {
    const key = `src/${module}${suffix}${query}`;
    if (manifest[key]) return key;
  }
  return null;
}

/**
 * A page module that other chunks import too is bundled into a shared chunk, which the manifest lists under the
 * chunk's name (`_my-children-3f2a.js`) among the entry's dynamic imports instead of under its source.
 */
function sharedChunkKey(manifest, entry, module) {
  const name = module.split('/').at(-1);
  return (entry?.dynamicImports ?? []).find((key) => key.startsWith('_') && manifest[key]?.name === name) ?? null;
}

/** A chunk's file and every file it imports, leaving out what the entry already brings. */
function filesOf(manifest, key, skip, out = new Set()) {
  const chunk = manifest[key];
  if (!chunk || skip.has(key)) return out;
  if (out.has(chunk.file)) return out;
  out.add(chunk.file);
  for (const imported of chunk.imports ?? []) filesOf(manifest, imported, skip, out);
  return out;
}

/** The table the Worker reads: per host kind, each route's path and the files to preload in each language. */
export function pagePreloads(routes, manifest) {
  const entry = manifest['index.html'];
  const skip = new Set(['index.html']);
  const collect = (key) => {
    // Chunks may import each other in a cycle (a shared chunk and the entry), so each is visited once.
    if (!manifest[key] || skip.has(key)) return;
    skip.add(key);
    for (const imported of manifest[key].imports ?? []) collect(imported);
  };
  for (const imported of entry?.imports ?? []) collect(imported);
  const table = { platform: [], community: [] };
  for (const route of routes) {
    const key = manifestKey(manifest, route.module) ?? sharedChunkKey(manifest, entry, route.module);
    if (!key) throw new Error(`no chunk in the build for ${route.module} (route ${route.path})`);
    const code = [...filesOf(manifest, key, skip)];
    const files = {};
    for (const lang of LANGUAGES) {
      const words = new Set();
      for (const feature of route.features) {
        const wordsKey = manifestKey(manifest, `features/${feature}/i18n`, `?lang=${lang}`);
        if (wordsKey) filesOf(manifest, wordsKey, skip, words);
      }
      files[lang] = [...code, ...words].map((file) => `/${file}`);
    }
    table[route.host].push({ path: route.path, files });
  }
  return table;
}

/** @returns {import('vite').Plugin} */
export function pagePreloadsPlugin() {
  let outDir = '';
  let root = '';
  return {
    name: 'huzhu:page-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(root, config.build.outDir);
    },
    writeBundle() {
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
      const routes = readRoutes(readFileSync(join(root, 'src/app.tsx'), 'utf8'));
      writeFileSync(join(outDir, 'page-preloads.json'), JSON.stringify(pagePreloads(routes, manifest)));
    },
  };
}
