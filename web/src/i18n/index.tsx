import * as i18n from '@solid-primitives/i18n';
import { createContext, createEffect, createSignal, type ParentProps, useContext } from 'solid-js';
import { type Feature, type FeatureWords, loadFeature, owners } from './features';
import type { Translation } from './translation';
import { type SharedWords, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { Feature };
/** Every key a page may ask for: the shared words and every feature's. */
export type Dictionary = SharedWords & Translation<FeatureWords>;
type Words = i18n.Flatten<Dictionary>;

function savedLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('huzhu.locale') : null;
  return saved === 'en' ? 'en' : 'zh-CN';
}

// The words loaded so far, one flat record per language. Only the Chinese shared words come with the page frame:
// Chinese is the default, so most first visits need no request for them. The English shared words and every
// feature's words (in the language in use) are loaded when first needed and kept.
const [loaded, setLoaded] = createSignal<Record<Locale, Record<string, unknown>>>({ 'zh-CN': i18n.flatten(zhCN), en: {} });
const loads = new Map<string, Promise<void>>([['zh-CN:shared', Promise.resolve()]]);
/** The features whose words this visit has needed, so that a change of language brings the same ones. */
const needed = new Set<Feature>();
const [locale, setCurrentLocale] = createSignal<Locale>(savedLocale());

function loadPart(lang: Locale, part: Feature | 'shared'): Promise<void> {
  const id = `${lang}:${part}`;
  const known = loads.get(id);
  if (known) return known;
  const words = part === 'shared' ? import('./en').then((module) => module.en) : loadFeature(lang, part);
  const load = words.then(
    (dict) => {
      setLoaded((all) => ({ ...all, [lang]: { ...all[lang], ...i18n.flatten(dict) } }));
    },
    (error: unknown) => {
      // A dropped connection: the next page or word that needs these tries again.
      loads.delete(id);
      throw error;
    },
  );
  loads.set(id, load);
  return load;
}

/** Loads the shared words and these features' words in a language (the one in use unless told). */
export function loadWords(features: readonly Feature[], lang: Locale = locale()): Promise<void> {
  for (const feature of features) needed.add(feature);
  return Promise.all([loadPart(lang, 'shared'), ...features.map((feature) => loadPart(lang, feature))]).then(() => undefined);
}

/**
 * A page's module, loaded together with the words of the features it shows, for `lazy()`: the page appears with its
 * words, never with keys, and the words travel alongside the page's code instead of after it.
 */
export function withWords<T>(load: () => Promise<T>, features: readonly Feature[]): () => Promise<T> {
  return () => Promise.all([load(), loadWords(features)]).then(([module]) => module);
}

const translate = i18n.translator(() => loaded()[locale()] as Words, i18n.resolveTemplate);

/** The feature whose dictionary holds a key, or undefined for the shared words. */
function ownerOf(key: string): Feature | undefined {
  const namespace = key.split('.')[0] ?? '';
  return Object.hasOwn(owners, namespace) ? owners[namespace as keyof typeof owners] : undefined;
}

/**
 * `translate`, for words not loaded yet too: those are loaded, and until they arrive the text is missing (as for an
 * unknown key: never the key itself); it appears with them, as everything that reads `loaded()` updates. Pages name
 * their features in app.tsx so that this is rare.
 */
const t = ((key: keyof Words, ...args: []) => {
  const text = translate(key, ...args);
  if (text === undefined) {
    const owner = ownerOf(String(key));
    void loadWords(owner ? [owner] : []).catch(() => undefined);
  }
  return text;
}) as typeof translate;

/** The language in use, for code outside the components (a route's preload). */
export const currentLocale = (): Locale => locale();

/** Picks the right half of a `{ zh, en }` pair from the API. */
const pick = (text: { zh: string; en: string | null }) => (locale() === 'en' && text.en ? text.en : text.zh);

let wanted: Locale = locale();
/** Switches language once the new language's words for everything on screen are there, so nothing shows keys. */
async function setLocale(next: Locale): Promise<void> {
  wanted = next;
  await loadWords([...needed], next);
  if (wanted === next) setCurrentLocale(next);
}

/** Resolves when the shared words of the language in use are there: the app renders after it. */
export const sharedWordsReady = (): Promise<void> => loadWords([]);

const value = { locale, setLocale, t, pick };
type I18n = typeof value;
const I18nContext = createContext<I18n>();

/** Gives the pages `t`; `locale` sets the language (tests), otherwise it is the one chosen last on this device. */
export function I18nProvider(props: ParentProps<{ locale?: Locale }>) {
  if (props.locale) {
    wanted = props.locale;
    setCurrentLocale(props.locale);
  }
  createEffect(() => {
    document.documentElement.lang = locale();
    localStorage.setItem('huzhu.locale', locale());
  });
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
