import { A } from '@solidjs/router';
import { createResource, type JSX, type ParentProps, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { useSite } from '../../lib/site-context';
import './print.css';

/**
 * A page made to be printed: a toolbar (the print button and the way back) that does not print, and the sheet itself,
 * A5 for what goes on a notice board, A4 for the sign-in sheet.
 */
export function PrintPage(props: ParentProps<{ size: 'a5' | 'a4'; back: string; help?: JSX.Element }>) {
  const { t } = useI18n();
  return (
    <section class="print-page">
      <div class="print-toolbar no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <A href={props.back} class="button secondary">
          {t('print.back')}
        </A>
        <p class="help">{props.help ?? t('print.help')}</p>
      </div>
      <article class={`print-sheet print-${props.size}`}>{props.children}</article>
    </section>
  );
}

/** The community's name as the site knows it, in the reader's language. */
export function useCommunityName() {
  const { site } = useSite();
  const { pick } = useI18n();
  return () => {
    const name = site()?.community?.name;
    return name ? pick(name) : '';
  };
}

async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** A QR code for a page of the community's site, with its address printed under it for those who type. */
export function PrintQr(props: { path: string; caption: string }) {
  const { t } = useI18n();
  const url = () => `${location.origin}${props.path}`;
  const [qr] = createResource(url, qrSvg);
  return (
    <figure class="print-qr" data-qr-url={url()}>
      <Show when={qr.state === 'ready' ? qr() : undefined} fallback={<p>{qr.error ? t('errors.internal') : t('app.loading')}</p>}>
        {(svg) => <div class="print-qr-code" role="img" aria-label={t('print.qrAlt', { url: url() })} innerHTML={svg()} />}
      </Show>
      <figcaption>
        {props.caption}
        <span class="url">{url()}</span>
      </figcaption>
    </figure>
  );
}
