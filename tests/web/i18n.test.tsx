import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { loadFeature, owners } from '../../web/src/i18n/features';
import { zhCN } from '../../web/src/i18n/zh-CN';

function keys(dict: object, prefix = ''): string[] {
  return Object.entries(dict).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function flat(dict: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dict).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flat(v, `${prefix}${k}.`)))),
  );
}

/** Each feature's namespaces, from the `i18n.ts` in its folder (or the `i18n/index.ts` composing its parts). */
const features = import.meta.glob<{ zh: object; en: object }>(
  ['../../web/src/features/*/i18n.ts', '../../web/src/features/*/i18n/index.ts'],
  { eager: true },
);
const featureOf = (path: string) => /features\/([^/]+)\/i18n/.exec(path)?.[1] ?? path;

/** The whole dictionary of a language, as the app has it once every feature's words are loaded. */
const whole = (shared: object, half: 'zh' | 'en') => Object.assign({}, shared, ...Object.values(features).map((words) => words[half]));

describe('dictionaries', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    expect(keys(whole(en, 'en')).sort()).toEqual(keys(whole(zhCN, 'zh')).sort());
  });

  it('hold every namespace in one place: the shared words or the one feature that `owners` names', () => {
    expect(Object.keys(features).length).toBeGreaterThan(10);
    const defined = new Map<string, string>(Object.keys(zhCN).map((namespace) => [namespace, 'shared']));
    for (const [path, { zh, en: english }] of Object.entries(features)) {
      expect(keys(english).sort(), path).toEqual(keys(zh).sort());
      for (const namespace of Object.keys(zh)) {
        expect(defined.get(namespace), `${namespace} in ${path}`).toBeUndefined();
        defined.set(namespace, featureOf(path));
      }
    }
    expect(Object.fromEntries([...defined].filter(([, owner]) => owner !== 'shared'))).toEqual(owners);
  });

  it("load a feature's words in one language", async () => {
    const home = features['../../web/src/features/home/i18n.ts'];
    expect(await loadFeature('zh-CN', 'home')).toEqual(home?.zh);
    expect(await loadFeature('en', 'home')).toEqual(home?.en);
    expect(await loadFeature('en', 'activities')).toEqual(features['../../web/src/features/activities/i18n/index.ts']?.en);
  });

  it('have no empty strings, and the same placeholders in both languages', () => {
    const zh = flat(whole(zhCN, 'zh'));
    const eng = flat(whole(en, 'en'));
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), key).not.toBe('');
      expect(eng[key]?.trim(), key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(eng[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('cover every error code the API can answer with', async () => {
    const { errorCodes } = await import('../../worker/errors');
    for (const code of Object.keys(errorCodes)) {
      expect(Object.keys(zhCN.errors)).toContain(code);
    }
  });
});
