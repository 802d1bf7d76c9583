import { createEffect, createSignal } from 'solid-js';
import { useI18n } from '../i18n';

/** Switches the whole page to larger type; remembered on this device. */
export function LargeTextToggle() {
  const { t } = useI18n();
  const [large, setLarge] = createSignal(localStorage.getItem('huzhu.largeText') === '1');
  createEffect(() => {
    document.documentElement.classList.toggle('large-text', large());
    localStorage.setItem('huzhu.largeText', large() ? '1' : '0');
  });
  return (
    <button type="button" aria-pressed={large()} onClick={() => setLarge(!large())}>
      {large() ? t('app.normalText') : t('app.largeText')}
    </button>
  );
}
