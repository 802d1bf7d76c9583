import { useI18n } from '../../i18n';

/** The shop's words for an item's category, condition and status. */
export function useItemLabels() {
  const { t } = useI18n();
  return {
    category: (c: 'clothing' | 'books' | 'toys' | 'kitchen' | 'electronics' | 'home' | 'sports' | 'other') => t(`shop.cat_${c}`),
    condition: (c: 'like-new' | 'good' | 'fair') => t(`shop.cond_${c}`),
    status: (s: 'in-stock' | 'sold' | 'passed-on' | 'recycled') => t(`shop.status_${s}`),
  };
}
