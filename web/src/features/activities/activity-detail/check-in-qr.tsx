import { createResource, Show } from 'solid-js';
import { useI18n } from '../../../i18n';
import { type Activity, CHECK_IN_STATES } from './activity';

/** The check-in QR code as SVG markup (the qrcode package is loaded only for organisers). */
async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** The code participants scan to check themselves in, while check-in is open. */
export function CheckInQr(props: { activity: Activity }) {
  const { t } = useI18n();
  const checkInUrl = () =>
    props.activity.checkinToken && CHECK_IN_STATES.includes(props.activity.state)
      ? `${location.origin}/activities/${props.activity.id}/check-in?token=${props.activity.checkinToken}`
      : undefined;
  const [qr] = createResource(checkInUrl, qrSvg);
  const qrMarkup = () => (qr.state === 'ready' ? qr() : undefined);
  return (
    <Show when={checkInUrl()}>
      {(url) => (
        <figure class="qr card">
          <Show when={qrMarkup()} fallback={<p>{qr.error ? t('errors.internal') : t('app.loading')}</p>}>
            <div class="qr-code" role="img" aria-label={t('activity.qrAlt', { title: props.activity.title })} innerHTML={qrMarkup()} />
          </Show>
          <figcaption>
            {t('activity.qrCaption')}
            <span class="url">{url()}</span>
          </figcaption>
        </figure>
      )}
    </Show>
  );
}
