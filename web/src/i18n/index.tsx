import * as i18n from '@solid-primitives/i18n';
import { createContext, createEffect, createMemo, createSignal, type ParentProps, useContext } from 'solid-js';
import { en } from './en';
import { type Dictionary, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('huzhu.locale') : null;
  return saved === 'en' ? 'en' : 'zh-CN';
}

function createI18n(start: Locale) {
  const [locale, setLocale] = createSignal<Locale>(start);
  const dict = createMemo(() => i18n.flatten(dictionaries[locale()]));
  const t = i18n.translator(dict, i18n.resolveTemplate);
  /** Picks the right half of a `{ zh, en }` pair from the API. */
  const pick = (text: { zh: string; en: string | null }) => (locale() === 'en' && text.en ? text.en : text.zh);
  createEffect(() => {
    document.documentElement.lang = locale();
    localStorage.setItem('huzhu.locale', locale());
  });
  return { locale, setLocale, t, pick };
}

type I18n = ReturnType<typeof createI18n>;
const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps<{ locale?: Locale }>) {
  const value = createI18n(props.locale ?? initialLocale());
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
