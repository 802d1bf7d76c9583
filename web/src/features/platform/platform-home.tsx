import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { useSite } from '../../lib/site-context';

/** Demo communities seeded by `npm start`; linked only on a local (dev) platform. */
const demos = [
  { slug: 'cuizhuyuan', zh: '翠竹园', en: 'Cuizhuyuan' },
  { slug: 'pingzhi', zh: '平治', en: 'Pingzhi' },
];

function communityHref(slug: string): string {
  const { protocol, hostname, port } = location;
  const host = hostname === '127.0.0.1' ? 'localhost' : hostname.replace(/^www\./, '');
  return `${protocol}//${slug}.${host}${port ? `:${port}` : ''}/`;
}

export default function PlatformHome() {
  const { t, pick } = useI18n();
  const { site } = useSite();
  const features = ['Template', 'Own', 'Govern'] as const;
  return (
    <>
      <section class="hero">
        <h1>{t('platform.heroTitle')}</h1>
        <p class="lead">{t('platform.heroBody')}</p>
        <div class="actions">
          <A href="/start" class="button">
            {t('platform.start')}
          </A>
          <span class="help" style={{ 'align-self': 'center' }}>
            {t('platform.startHint')}
          </span>
        </div>
      </section>
      <div class="grid">
        <For each={features}>
          {(f) => (
            <section class="card">
              <h2 style={{ margin: 0, 'font-size': '1.05rem' }}>{t(`platform.feature${f}Title`)}</h2>
              <p>{t(`platform.feature${f}Body`)}</p>
            </section>
          )}
        </For>
      </div>
      <Show when={site()?.authMode === 'dev'}>
        <h2>{t('platform.demoTitle')}</h2>
        <ul class="grid" style={{ 'list-style': 'none', padding: 0 }}>
          <For each={demos}>
            {(d) => (
              <li class="card">
                <a href={communityHref(d.slug)}>{pick(d)}</a>
                <p>{communityHref(d.slug)}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p>
        <A href="/operator">{t('platform.operator')}</A>
      </p>
    </>
  );
}
