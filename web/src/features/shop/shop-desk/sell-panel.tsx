import { createSignal, For, Show } from 'solid-js';
import { parseItemCode } from '../../../../../worker/community/shop/rules';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { yuan } from '../../../lib/format';
import { useItemLabels } from '../item-labels';

type DeskItem = Awaited<ReturnType<typeof loadItem>>;
const loadItem = (id: number) => request(api.api.shop.desk.items[':id'].$get({ param: { id: String(id) } }));

/**
 * Selling in two taps: find the item by its code (scanned or typed), then confirm the price band. Passing an item on
 * or recycling it happens here too, only from stock.
 */
export function SellPanel(props: { bandsFen: number[]; code: string; onCode: (code: string) => void; onChanged: () => void }) {
  const { t } = useI18n();
  const labels = useItemLabels();
  const [item, setItem] = createSignal<DeskItem>();
  const [band, setBand] = createSignal(0);
  const [error, setError] = createSignal<unknown>();
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [passing, setPassing] = createSignal(false);
  const [note, setNote] = createSignal('');
  const [bad, setBad] = createSignal(false);

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      await call();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function find(event?: Event) {
    event?.preventDefault();
    const id = parseItemCode(props.code);
    setBad(id === null);
    setItem(undefined);
    if (id === null) return;
    await run(async () => {
      const found = await loadItem(id);
      setItem(found);
      setBand(found.priceFen);
      setPassing(false);
    });
  }
  const done = (text: string) => {
    setMessage(text);
    setItem(undefined);
    props.onCode('');
    props.onChanged();
  };
  const sell = (it: DeskItem) =>
    run(async () => {
      const sold = await request(api.api.shop.items[':id'].sale.$post({ param: { id: String(it.id) }, json: { priceFen: band() } }));
      done(t('shopDesk.sold', { code: sold.code, price: yuan(sold.priceFen) }));
    }).then(() => {
      if (error() instanceof ApiError && (error() as ApiError).status === 409) void find();
    });
  const leave = (it: DeskItem, status: 'passed-on' | 'recycled') =>
    run(async () => {
      const body = status === 'passed-on' ? { status, note: note().trim() } : { status };
      await request(api.api.shop.items[':id'].departure.$post({ param: { id: String(it.id) }, json: body }));
      setNote('');
      done(t(status === 'passed-on' ? 'shopDesk.passedOn' : 'shopDesk.recycled', { code: it.code }));
    });

  return (
    <section class="card sell-panel desk-part" aria-labelledby="sell-title">
      <h2 id="sell-title">{t('shopDesk.sellTitle')}</h2>
      <form class="toolbar" onSubmit={(e) => void find(e)}>
        <div class="field">
          <label for="sell-code">{t('shopDesk.code')}</label>
          <input
            type="text"
            id="sell-code"
            autocomplete="off"
            autocapitalize="characters"
            aria-describedby="sell-code-help"
            aria-invalid={bad()}
            value={props.code}
            onInput={(e) => props.onCode(e.currentTarget.value)}
          />
          <p class="help" id="sell-code-help">
            {bad() ? t('shopDesk.badCode') : t('shopDesk.codeHelp')}
          </p>
        </div>
        <button type="submit" class="button" disabled={busy()}>
          {t('shopDesk.find')}
        </button>
      </form>
      <ErrorMessage error={error()} detail />
      <Show when={message()}>
        <p class="notice success" role="status">
          {message()}
        </p>
      </Show>
      <Show when={item()}>
        {(it) => (
          <div class="desk-item" data-code={it().code}>
            <p>
              <strong>{it().code}</strong> {it().title} <span class="tag">{labels.status(it().status)}</span>
            </p>
            <p class="help">
              {t('shopDesk.donor')}：{it().donor.name ?? t('shopDesk.donorAnonymous')}
              <Show when={it().donor.follows}>（{t('shopDesk.donorFollows')}）</Show>
            </p>
            <Show
              when={it().status === 'in-stock'}
              fallback={<p class="notice">{t('shopDesk.notInStock', { status: labels.status(it().status) })}</p>}
            >
              <fieldset class="bands">
                <legend>{t('shopDesk.confirmPrice')}</legend>
                <For each={props.bandsFen}>
                  {(b) => (
                    <label class="radio band">
                      <input type="radio" name="sell-band" value={b} checked={band() === b} onChange={() => setBand(b)} />
                      {yuan(b)}
                    </label>
                  )}
                </For>
              </fieldset>
              <div class="actions">
                <button
                  type="button"
                  class="button sell"
                  disabled={busy() || !props.bandsFen.includes(band())}
                  onClick={() => void sell(it())}
                >
                  {t('shopDesk.sell', { price: yuan(band()) })}
                </button>
                <button type="button" class="button secondary" aria-expanded={passing()} onClick={() => setPassing(!passing())}>
                  {t('shopDesk.passOn')}
                </button>
                <button type="button" class="button secondary" disabled={busy()} onClick={() => void leave(it(), 'recycled')}>
                  {t('shopDesk.recycle')}
                </button>
              </div>
              <Show when={passing()}>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void leave(it(), 'passed-on');
                  }}
                >
                  <div class="field">
                    <label for="pass-on-note">{t('shopDesk.passOnNote')}</label>
                    <input
                      type="text"
                      id="pass-on-note"
                      required
                      minlength={2}
                      maxlength={200}
                      value={note()}
                      onInput={(e) => setNote(e.currentTarget.value)}
                    />
                  </div>
                  <button type="submit" class="button" disabled={busy()}>
                    {t('shopDesk.passOnSubmit')}
                  </button>
                </form>
              </Show>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
