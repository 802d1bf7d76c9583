import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { useSite } from '../../../lib/site-context';
import { DayClosing } from './day-closing';
import { DeskStock } from './desk-stock';
import { IntakeForm } from './intake-form';
import { SellPanel } from './sell-panel';

/** The shop volunteers' desk: sell (first, as it is the busiest), take in and label, stock, and close the day. */
export default function ShopDesk() {
  const { t } = useI18n();
  const { me } = useSite();
  const [params] = useSearchParams<{ code?: string }>();
  const isVolunteer = () => me()?.member?.roles.some((r) => r.role === 'shop-volunteer') ?? false;
  const [settings] = createResource(() => request(api.api.shop.settings.$get()));
  const bands = () => settings()?.bandsFen ?? [];
  const [code, setCode] = createSignal(params.code ?? '');
  const [version, setVersion] = createSignal(0);
  const changed = () => setVersion(version() + 1);
  return (
    <section class="shop-desk">
      <h1 class="desk-part">{t('shopDesk.title')}</h1>
      <p class="lead desk-part">{t('shopDesk.intro')}</p>
      <p class="desk-part">
        <A href="/shop">{t('shop.title')}</A>
      </p>
      <MemberGate next="/shop/desk" />
      <Show when={me() && !me.loading && me()?.member && !isVolunteer()}>
        <p class="notice">{t('shopDesk.volunteersOnly')}</p>
      </Show>
      <ErrorMessage error={settings.error} />
      <Show when={isVolunteer() && settings()}>
        <SellPanel bandsFen={bands()} code={code()} onCode={setCode} onChanged={changed} />
        <IntakeForm bandsFen={bands()} onChanged={changed} />
        <DayClosing version={version()} />
        <DeskStock version={version()} onPick={setCode} />
      </Show>
    </section>
  );
}
