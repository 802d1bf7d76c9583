import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { type NeedCategory, needBeneficiaries, needCategories } from '../../../../worker/community/needs/rules';

type Beneficiary = (typeof needBeneficiaries)[number];

/** Posting a need, for oneself, one's family or a neighbour (who may not be online: then named for coordinators only). */
export function PostNeedForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [category, setCategory] = createSignal<NeedCategory>('learning');
  const [beneficiary, setBeneficiary] = createSignal<Beneficiary>('self');
  const [offline, setOffline] = createSignal(false);
  const [name, setName] = createSignal('');
  const [flat, setFlat] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const onBehalf = beneficiary() === 'neighbour' && offline() ? { name: name().trim(), flat: flat().trim() || undefined } : undefined;
      const { id } = await request(
        api.api.needs.$post({
          json: {
            title: title().trim(),
            description: description().trim() || undefined,
            category: category(),
            beneficiary: beneficiary(),
            onBehalf,
          },
        }),
      );
      navigate(`/needs/${id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="post-need" aria-labelledby="post-need-title">
      <h2 id="post-need-title" tabindex="-1">
        {t('needs.postTitle')}
      </h2>
      <p class="help">{t('needs.postHelp')}</p>
      <ErrorMessage error={error()} detail />
      <form class="card" onSubmit={submit}>
        <div class="field">
          <label for="need-title">{t('needs.titleLabel')}</label>
          <input
            id="need-title"
            type="text"
            required
            minlength="4"
            maxlength="80"
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="need-description">{t('needs.description')}</label>
          <textarea
            id="need-description"
            rows="3"
            maxlength="2000"
            aria-describedby="need-description-help"
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          <span class="help" id="need-description-help">
            {t('needs.descriptionHelp')}
          </span>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="need-category">{t('needs.category')}</label>
            <select id="need-category" value={category()} onChange={(e) => setCategory(e.currentTarget.value as NeedCategory)}>
              <For each={[...needCategories]}>{(c) => <option value={c}>{t(`needCategory.${c}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="need-for">{t('needs.forWhom')}</label>
            <select id="need-for" value={beneficiary()} onChange={(e) => setBeneficiary(e.currentTarget.value as Beneficiary)}>
              <For each={[...needBeneficiaries]}>{(b) => <option value={b}>{t(`needFor.${b}`)}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={beneficiary() === 'neighbour'}>
          <div class="field checkbox">
            <label>
              <input
                type="checkbox"
                checked={offline()}
                onChange={(e) => setOffline(e.currentTarget.checked)}
                aria-describedby="need-offline-help"
              />{' '}
              {t('needs.onBehalf')}
            </label>
            <span class="help" id="need-offline-help">
              {t('needs.onBehalfHelp')}
            </span>
          </div>
          <Show when={offline()}>
            <div class="field-row">
              <div class="field">
                <label for="need-neighbour">{t('needs.neighbourName')}</label>
                <input
                  id="need-neighbour"
                  type="text"
                  required
                  maxlength="40"
                  value={name()}
                  onInput={(e) => setName(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="need-flat">{t('needs.neighbourFlat')}</label>
                <input id="need-flat" type="text" maxlength="40" value={flat()} onInput={(e) => setFlat(e.currentTarget.value)} />
              </div>
            </div>
          </Show>
        </Show>
        <button type="submit" class="button" disabled={busy()}>
          {t('needs.submit')}
        </button>
      </form>
    </section>
  );
}
