import { createSignal, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n';

type Reader = import('@zxing/browser').BrowserMultiFormatReader;
type Controls = import('@zxing/browser').IScannerControls;

/**
 * The barcode reader, loaded only when a scan starts (it is pure JavaScript, so the page's script policy needs no
 * WebAssembly): ISBN barcodes (EAN-13), library-card QR codes, and CODE 128 spine labels.
 */
async function makeReader(): Promise<Reader> {
  const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([
    import('@zxing/browser'),
    import('@zxing/library'),
  ]);
  const hints = new Map<number, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13, BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return new BrowserMultiFormatReader(hints);
}

/**
 * Reads a barcode or QR code with the phone camera, or from a photo (which works where a live camera does not);
 * typing stays possible beside it. `onCode` gets the text read.
 */
export function Scanner(props: { id: string; onCode: (text: string) => void }) {
  const { t } = useI18n();
  const [live, setLive] = createSignal(false);
  const [message, setMessage] = createSignal('');
  let video: HTMLVideoElement | undefined;
  let controls: Controls | undefined;

  const stop = () => {
    controls?.stop();
    controls = undefined;
    setLive(false);
  };
  onCleanup(stop);

  async function startCamera() {
    setMessage('');
    setLive(true);
    try {
      const reader = await makeReader();
      if (!video) return;
      controls = await reader.decodeFromVideoDevice(undefined, video, (result) => {
        if (!result) return;
        stop();
        props.onCode(result.getText());
      });
    } catch {
      stop();
      setMessage(t('libraryDesk.cameraUnavailable'));
    }
  }

  async function readPhoto(file: File | undefined) {
    if (!file) return;
    setMessage('');
    const url = URL.createObjectURL(file);
    try {
      const result = await (await makeReader()).decodeFromImageUrl(url);
      props.onCode(result.getText());
    } catch {
      setMessage(t('libraryDesk.scanFailed'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  return (
    <div class="scanner">
      <div class="actions">
        <Show
          when={live()}
          fallback={
            <button type="button" class="button secondary" onClick={() => void startCamera()}>
              {t('libraryDesk.scanCamera')}
            </button>
          }
        >
          <button type="button" class="button secondary" onClick={stop}>
            {t('libraryDesk.scanStop')}
          </button>
        </Show>
        <label class="button secondary file-button">
          {t('libraryDesk.scanPhoto')}
          <input
            id={`${props.id}-photo`}
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => {
              void readPhoto(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <Show when={live()}>
        <p class="help">{t('libraryDesk.scanning')}</p>
        <video ref={video} class="scanner-video" muted playsinline />
      </Show>
      <Show when={message()}>
        <p class="alert" role="alert">
          {message()}
        </p>
      </Show>
    </div>
  );
}
