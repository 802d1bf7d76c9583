import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { useSite } from '../../lib/site-context';
import { MyDonations } from './my-donations';
import { ShopStatement } from './shop-statement';
import { StockList } from './stock-list';

/** 彩虹屋: the public statement for anyone; the stock list and "my donations" for members; the desk for volunteers. */
export default function ShopPage() {
  const { t } = useI18n();
  const { me } = useSite();
  const { member, isAdmin } = useMembership();
  const isVolunteer = () => me()?.member?.roles.some((r) => r.role === 'shop-volunteer') ?? false;
  return (
    <section class="shop">
      <h1>{t('shop.title')}</h1>
      <p class="lead">{t('shop.intro')}</p>
      <Show when={isVolunteer() || isAdmin()}>
        <p class="actions">
          <Show when={isVolunteer()}>
            <A class="button" href="/shop/desk">
              {t('shop.toDesk')}
            </A>
          </Show>
          <Show when={isAdmin()}>
            <A class="button secondary" href="/shop/settings">
              {t('shop.toSettings')}
            </A>
          </Show>
        </p>
      </Show>
      <ShopStatement />
      <MemberGate next="/shop" />
      <Show when={member()} fallback={<p class="help">{t('shop.stockForMembers')}</p>}>
        <MyDonations />
        <StockList />
      </Show>
    </section>
  );
}
