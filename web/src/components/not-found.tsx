import { A } from '@solidjs/router';
import { useI18n } from '../i18n';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('community.notFound')}</h1>
      <p>
        <A href="/">{t('app.back')}</A>
      </p>
    </section>
  );
}
