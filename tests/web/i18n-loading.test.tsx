import { describe, expect, it, vi } from 'vitest';

/**
 * The app starts with the Chinese shared words only; a feature's words arrive with the pages that name them, or when
 * a word of theirs is first asked for, and a change of language waits for the new words. tests/web/setup.ts loads
 * every word for the other tests, so each test here starts from fresh modules (Solid's included, so that the i18n
 * module and this test share one).
 */
async function fresh(locale: 'zh-CN' | 'en' = 'zh-CN') {
  vi.resetModules();
  localStorage.clear();
  const solid = await import('solid-js');
  const i18n = await import('../../web/src/i18n');
  let words: ReturnType<typeof i18n.useI18n> | undefined;
  solid.createRoot(() =>
    i18n.I18nProvider({
      locale,
      get children() {
        words = i18n.useI18n();
        return undefined;
      },
    }),
  );
  if (!words) throw new Error('no context');
  return { ...words, withWords: i18n.withWords };
}

describe('loading the words', () => {
  it('has the Chinese shared words at once, and a feature’s words once asked for, never showing the key', async () => {
    const { t } = await fresh();
    expect(t('app.loading')).toBe('加载中…');
    expect(t('week.title')).toBeUndefined();
    await vi.waitFor(() => expect(t('week.title')).toBe('本周活动'));
  });

  it('loads a page with the words it names, so they are there when it renders', async () => {
    const { t, withWords } = await fresh();
    const load = withWords(() => Promise.resolve({ default: 'page' }), ['clubs']);
    expect(t('clubs.title')).toBeUndefined();
    await expect(load()).resolves.toEqual({ default: 'page' });
    expect(t('clubs.title')).toBe('社团');
  });

  it('switches language once the other language’s words are there, for everything already shown', async () => {
    const { t, locale, setLocale, withWords } = await fresh();
    await withWords(() => Promise.resolve(null), ['home'])();
    expect(t('week.title')).toBe('本周活动');
    const switching = setLocale('en');
    expect(locale()).toBe('zh-CN');
    expect(t('week.title')).toBe('本周活动');
    await switching;
    expect(locale()).toBe('en');
    expect(t('week.title')).toBe('This week');
    expect(t('app.loading')).toBe('Loading…');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('huzhu.locale')).toBe('en');
  });

  it('starts in English when that was chosen, loading its shared words first', async () => {
    const { t } = await fresh('en');
    expect(t('app.loading')).toBeUndefined();
    await vi.waitFor(() => expect(t('app.loading')).toBe('Loading…'));
  });
});
