import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { itemCategories, itemConditions } from '../../../../../worker/community/shop/rules';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { api, request } from '../../../lib/api';
import { yuan } from '../../../lib/format';
import { useItemLabels } from '../item-labels';
import { ItemLabel } from './item-label';

type Category = (typeof itemCategories)[number];
type Condition = (typeof itemConditions)[number];
type DonorKind = 'anonymous' | 'named' | 'member';

/** Taking a donated item in: what it is, its category, condition and price band, and who gave it (or nobody named). */
export function IntakeForm(props: { bandsFen: number[]; onChanged: () => void }) {
  const { t } = useI18n();
  const labels = useItemLabels();
  const [title, setTitle] = createSignal('');
  const [category, setCategory] = createSignal<Category>('clothing');
  const [condition, setCondition] = createSignal<Condition>('good');
  const [band, setBand] = createSignal<number | null>(null);
  const [donorKind, setDonorKind] = createSignal<DonorKind>('anonymous');
  const [donorName, setDonorName] = createSignal('');
  const [donorQuery, setDonorQuery] = createSignal('');
  const [donorId, setDonorId] = createSignal<number | null>(null);
  const [follows, setFollows] = createSignal(true);
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [label, setLabel] = createSignal<{ code: string; title: string; priceFen: number }>();
  const [donors] = createResource(
    () => (donorKind() === 'member' && donorQuery().length > 0 ? donorQuery() : undefined),
    (q) => request(api.api.shop.desk.donors.$get({ query: { q } })),
  );
  const price = () => band() ?? props.bandsFen[0] ?? 0;
  const donor = () => {
    if (donorKind() === 'named') return { kind: 'named' as const, name: donorName().trim() };
    const id = donorId();
    if (donorKind() === 'member' && id !== null) return { kind: 'member' as const, memberId: id, follows: follows() };
    return { kind: 'anonymous' as const };
  };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const json = { title: title().trim(), category: category(), condition: condition(), priceFen: price(), donor: donor() };
      const made = await request(api.api.shop.items.$post({ json }));
      setLabel({ code: made.code, title: json.title, priceFen: json.priceFen });
      setTitle('');
      setDonorName('');
      setDonorId(null);
      setDonorQuery('');
      props.onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card intake desk-part" aria-labelledby="intake-title">
      <h2 id="intake-title">{t('shopDesk.intakeTitle')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="intake-title-input">{t('shopDesk.itemTitle')}</label>
          <input
            type="text"
            id="intake-title-input"
            required
            maxlength={60}
            placeholder={t('shopDesk.itemTitleHint')}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="intake-category">{t('shop.category')}</label>
          <select id="intake-category" value={category()} onChange={(e) => setCategory(e.currentTarget.value as Category)}>
            <For each={itemCategories}>{(c) => <option value={c}>{labels.category(c)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="intake-condition">{t('shop.condition')}</label>
          <select id="intake-condition" value={condition()} onChange={(e) => setCondition(e.currentTarget.value as Condition)}>
            <For each={itemConditions}>{(c) => <option value={c}>{labels.condition(c)}</option>}</For>
          </select>
        </div>
        <fieldset class="bands">
          <legend>{t('shopDesk.band')}</legend>
          <For each={props.bandsFen}>
            {(b) => (
              <label class="radio band">
                <input type="radio" name="intake-band" value={b} checked={price() === b} onChange={() => setBand(b)} />
                {yuan(b)}
              </label>
            )}
          </For>
        </fieldset>
        <fieldset>
          <legend>{t('shopDesk.donorKind')}</legend>
          <For each={['anonymous', 'named', 'member'] as const}>
            {(k) => (
              <label class="radio">
                <input type="radio" name="intake-donor" value={k} checked={donorKind() === k} onChange={() => setDonorKind(k)} />
                {t(`shopDesk.donorKind_${k}`)}
              </label>
            )}
          </For>
        </fieldset>
        <Switch>
          <Match when={donorKind() === 'named'}>
            <div class="field">
              <label for="intake-donor-name">{t('shopDesk.donorName')}</label>
              <input
                type="text"
                id="intake-donor-name"
                required
                maxlength={40}
                value={donorName()}
                onInput={(e) => setDonorName(e.currentTarget.value)}
              />
            </div>
          </Match>
          <Match when={donorKind() === 'member'}>
            <div class="field">
              <label for="intake-donor-search">{t('shopDesk.donorSearch')}</label>
              <input
                id="intake-donor-search"
                type="search"
                maxlength={40}
                value={donorQuery()}
                onChange={(e) => setDonorQuery(e.currentTarget.value.trim())}
              />
            </div>
            <div class="field">
              <label for="intake-donor-pick">{t('shopDesk.donorPick')}</label>
              <select
                id="intake-donor-pick"
                required
                value={donorId() ?? ''}
                onChange={(e) => setDonorId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
              >
                <option value="" />
                <For each={donors()?.donors ?? []}>
                  {(d) => (
                    <option value={d.id}>
                      {d.displayName}
                      {d.buildingName ? `（${d.buildingName}）` : ''}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <label class="radio">
              <input type="checkbox" checked={follows()} onChange={(e) => setFollows(e.currentTarget.checked)} />
              {t('shopDesk.follows')}
            </label>
          </Match>
        </Switch>
        <ErrorMessage error={error()} detail />
        <button type="submit" class="button" disabled={busy()}>
          {t('shopDesk.takeIn')}
        </button>
      </form>
      <Show when={label()}>
        {(l) => (
          <>
            <p class="notice success" role="status">
              {t('shopDesk.takenIn', { code: l().code })}
            </p>
            <ItemLabel item={l()} />
          </>
        )}
      </Show>
    </section>
  );
}
