import { useI18n } from '../i18n';

/** Translates a key built from API data (a state, a ledger category), falling back to the raw value when there is no entry. */
export function useLabel() {
  const { t } = useI18n();
  return (key: string, fallback: string): string => {
    // The key comes from data, so the type cannot check it; the result is checked instead.
    const text: unknown = t(key as 'errors.internal');
    return typeof text === 'string' ? text : fallback;
  };
}

/** Fund names are stored as "中文 / English"; pick the reader's half. */
export function fundName(name: string, locale: string): string {
  const [zh, en] = name.split(' / ');
  return locale === 'en' && en ? en : (zh ?? name);
}
