import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';
import { renderPlaceholders } from './placeholders';
import { UpgradeBanner } from './upgrade-banner';

export default function Handbooks() {
  const { t, pick, locale } = useI18n();
  const { site } = useSite();
  const [list] = createResource(locale, (l) => request(api.api.handbooks.$get({ query: { locale: l } })));
  return (
    <section>
      <h1>{t('handbooks.title')}</h1>
      <p class="lead">{t('handbooks.intro', { name: site()?.community ? pick(site()!.community!.name) : '' })}</p>
      <UpgradeBanner />
      <ErrorMessage error={list.error} />
      <ul class="grid" style={{ 'list-style': 'none', padding: 0 }}>
        <For each={list()?.handbooks ?? []}>
          {(hb) => (
            <li class="card" data-handbook={hb.key}>
              <h2 style={{ margin: 0, 'font-size': '1.15rem' }}>
                <A href={`/handbooks/${hb.key}`}>{hb.title}</A>
              </h2>
              <p>{t('handbooks.chapters', { count: String(hb.chapters.length) })}</p>
              <ol class="toc-preview">
                <For each={hb.chapters.slice(0, 4)}>{(c) => <li>{renderPlaceholders(c.title, list()!.facts, locale())}</li>}</For>
              </ol>
            </li>
          )}
        </For>
      </ul>
      <Show when={list()}>
        <p>
          <A href="/canvas">{t('canvas.title')}</A>
        </p>
      </Show>
    </section>
  );
}
