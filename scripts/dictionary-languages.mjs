// A feature's dictionary (web/src/features/<feature>/i18n.ts, or i18n/ with parts) holds both languages side by side,
// `export const zh = {…}` and `export const en: Translation<typeof zh> = {…}`, so that whoever adds a word adds its
// translation beside it. The browser needs one language at a time: importing `i18n.ts?lang=en` gives a copy of the
// module that keeps the `en` export only (and whose own imports, the parts, get the same query), so each language
// of each feature is its own small chunk. web/src/i18n/index.tsx loads them.
import ts from 'typescript';

/** The export each language keeps; the other language's export is cut out of the copy. */
const EXPORTS = { 'zh-CN': 'zh', en: 'en' };
const QUERY = /\?lang=(zh-CN|en)$/;

/** `source` without the top-level `export const <name> = …;` statements of the languages other than `lang`. */
export function keepLanguage(source, lang, fileName = 'i18n.ts') {
  const keep = EXPORTS[lang];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts = file.statements.filter(
    (statement) =>
      ts.isVariableStatement(statement) &&
      statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
      statement.declarationList.declarations.some(
        (d) => ts.isIdentifier(d.name) && Object.values(EXPORTS).includes(d.name.text) && d.name.text !== keep,
      ),
  );
  let text = source;
  for (const statement of [...cuts].reverse()) text = text.slice(0, statement.getStart(file)) + text.slice(statement.end);
  return text;
}

/** @returns {import('vite').Plugin} */
export function dictionaryLanguages() {
  return {
    name: 'huzhu:dictionary-languages',
    enforce: 'pre',
    async resolveId(source, importer) {
      const lang = importer?.match(QUERY)?.[1];
      if (!lang || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer.replace(QUERY, ''), { skipSelf: true });
      return resolved ? `${resolved.id}?lang=${lang}` : null;
    },
    transform(code, id) {
      const lang = id.match(QUERY)?.[1];
      if (!lang) return null;
      return { code: keepLanguage(code, lang, id.replace(QUERY, '')), map: null };
    },
  };
}
