import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** The card's QR code as SVG markup (the qrcode package loads only on this page). */
async function qrSvg(text: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** /library/card: my library card, a QR code the desk scans and the number it can type; a new number for a lost card. */
export default function LibraryCard() {
  const { t } = useI18n();
  const { member } = useMembership();
  const [card, { mutate }] = createResource(
    () => member()?.id,
    () => request(api.api.library.card.$get()),
  );
  const [qr] = createResource(() => card()?.qrText, qrSvg);
  const [error, setError] = createSignal<unknown>();
  const [replaced, setReplaced] = createSignal(false);
  async function replace() {
    setError(undefined);
    try {
      mutate(await request(api.api.library.card.$post()));
      setReplaced(true);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section class="library">
      <p>
        <A href="/library">← {t('library.title')}</A>
      </p>
      <h1>{t('library.cardTitle')}</h1>
      <MemberGate next="/library/card" />
      <ErrorMessage error={card.error ?? error()} />
      <Show when={card()}>
        {(c) => (
          <>
            <p class="lead">{t('library.cardHelp')}</p>
            <figure class="qr card">
              <Show when={qr()} fallback={<p>{t('app.loading')}</p>}>
                <div class="qr-code" role="img" aria-label={t('library.cardQrAlt', { number: c().cardNumber })} innerHTML={qr()} />
              </Show>
              <figcaption>
                {t('library.cardNumber')}
                <strong class="card-number" data-testid="card-number">
                  {c().cardNumber}
                </strong>
              </figcaption>
            </figure>
            <p class="help">{t('library.cardLost')}</p>
            <button type="button" class="button secondary" onClick={() => void replace()}>
              {t('library.cardReplace')}
            </button>
            <Show when={replaced()}>
              <p class="notice" role="status">
                {t('library.cardReplaced')}
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
