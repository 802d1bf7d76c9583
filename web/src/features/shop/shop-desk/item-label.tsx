import { createResource, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { yuan } from '../../../lib/format';

/** The label's QR code as SVG markup; it opens the desk at the item, so a volunteer's phone camera finds it. */
async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** A printable price label: the code in large type, the item, its price band and a QR code. */
export function ItemLabel(props: { item: { code: string; title: string; priceFen: number } }) {
  const { t } = useI18n();
  const url = () => `${location.origin}/shop/desk?code=${props.item.code}`;
  const [qr] = createResource(url, qrSvg);
  return (
    <section class="label-sheet" aria-labelledby="label-title">
      <h3 id="label-title" class="no-print">
        {t('shopDesk.labelTitle')}
      </h3>
      <figure class="shop-label" data-code={props.item.code}>
        <Show when={qr.state === 'ready' ? qr() : undefined} fallback={<p>{t('app.loading')}</p>}>
          {(svg) => <div class="qr-code" role="img" aria-label={t('shopDesk.labelAlt', { code: props.item.code })} innerHTML={svg()} />}
        </Show>
        <figcaption>
          <strong class="label-code">{props.item.code}</strong>
          <span class="label-title">{props.item.title}</span>
          <span class="label-price">{yuan(props.item.priceFen)}</span>
          <span class="label-shop">{t('shop.title')}</span>
        </figcaption>
      </figure>
      <button type="button" class="button secondary no-print" onClick={() => window.print()}>
        {t('shopDesk.print')}
      </button>
    </section>
  );
}
