import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, authHeaders, request } from '../../lib/api';

/** Opens a receipt: it is for administrators only, so it is fetched with the session token and shown from a blob. */
async function openReceipt(url: string) {
  const res = await fetch(url, { headers: await authHeaders() });
  if (!res.ok) throw new ApiError(res.status, res.status === 403 ? 'forbidden' : 'not_found', res.statusText);
  const blobUrl = URL.createObjectURL(await res.blob());
  window.open(blobUrl, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}

/**
 * An administrator's actions on one statement entry: reverse it (with a reason, after confirming — the entry itself is
 * never changed), attach a receipt, and open the receipts it already has.
 */
export function EntryActions(props: {
  entryId: number;
  /** A reversal, or an entry already reversed: neither can be reversed again. */
  reversible: boolean;
  receipts: { id: number; url: string }[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const reasonId = `reverse-reason-${props.entryId}`;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      props.onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const reverse = (event: SubmitEvent) => {
    event.preventDefault();
    void run(async () => {
      await request(
        api.api.ledger.transactions[':id'].reversal.$post({ param: { id: String(props.entryId) }, json: { memo: reason().trim() } }),
      );
      setConfirming(false);
      setReason('');
    });
  };

  const attach = (file: File) =>
    run(async () => {
      const res = await fetch(`/api/ledger/transactions/${props.entryId}/receipts`, {
        method: 'POST',
        headers: { ...(await authHeaders()), 'content-type': file.type },
        body: file,
      });
      if (!res.ok) await request(Promise.resolve(res as never));
    });

  return (
    <div class="entry-actions stack">
      <For each={props.receipts}>
        {(r, i) => (
          <button type="button" class="secondary" onClick={() => void openReceipt(r.url).catch(setError)}>
            {t('statement.openReceipt', { n: String(i() + 1) })}
          </button>
        )}
      </For>
      <label class="button secondary file-button">
        {busy() ? t('statement.receiptUploading') : t('statement.attachReceipt')}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          class="visually-hidden"
          disabled={busy()}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void attach(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <Show when={props.reversible}>
        <Show
          when={confirming()}
          fallback={
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              {t('statement.reverse')}
            </button>
          }
        >
          <form class="stack" onSubmit={reverse}>
            <div class="field">
              <label for={reasonId}>{t('statement.reverseReason')}</label>
              <input
                id={reasonId}
                required
                minlength={2}
                maxlength={300}
                aria-describedby={`${reasonId}-help`}
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <p class="help" id={`${reasonId}-help`}>
                {t('statement.reverseHelp')}
              </p>
            </div>
            <div class="actions">
              <button type="submit" class="button danger" disabled={busy() || reason().trim().length < 2}>
                {t('statement.reverseConfirm')}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t('statement.cancel')}
              </button>
            </div>
          </form>
        </Show>
      </Show>
      <ErrorMessage error={error()} detail />
    </div>
  );
}
