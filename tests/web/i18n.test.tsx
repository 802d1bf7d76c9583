import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
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

describe('dictionaries', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('hold every feature namespace whole, each defined by one feature only', () => {
    expect(Object.keys(features).length).toBeGreaterThan(10);
    const owners = new Map<string, string>();
    for (const [path, { zh, en: english }] of Object.entries(features)) {
      expect(keys(english).sort(), path).toEqual(keys(zh).sort());
      for (const [namespace, words] of Object.entries(zh)) {
        expect(owners.get(namespace), `${namespace} in ${path}`).toBeUndefined();
        owners.set(namespace, path);
        expect(zhCN[namespace as keyof typeof zhCN], `${namespace} in ${path}`).toEqual(words);
      }
      for (const [namespace, words] of Object.entries(english)) {
        expect(en[namespace as keyof typeof en], `${namespace} in ${path}`).toEqual(words);
      }
    }
  });

  it('have no empty strings, and the same placeholders in both languages', () => {
    const zh = flat(zhCN);
    const eng = flat(en);
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
