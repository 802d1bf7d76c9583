import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { today } from '../../lib/format';

/** Proposing a partnership to a Huzhu community by its address, or recording one with an outside community. */
export function ProposeForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [kind, setKind] = createSignal<'huzhu' | 'outside'>('huzhu');
  const [slug, setSlug] = createSignal('');
  const [name, setName] = createSignal('');
  const [place, setPlace] = createSignal('');
  const [contact, setContact] = createSignal('');
  const [startedOn, setStartedOn] = createSignal(today());
  const [goals, setGoals] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const json =
        kind() === 'huzhu'
          ? { kind: 'huzhu' as const, slug: slug().trim(), goals: goals().trim() }
          : {
              kind: 'outside' as const,
              name: name().trim(),
              place: place().trim(),
              contact: contact().trim(),
              goals: goals().trim(),
              startedOn: startedOn(),
            };
      const { id } = await request(api.api.partnerships.$post({ json }));
      navigate(`/partnerships/${id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="propose-partnership">
      <h2 id="propose-partnership">{t('partnerships.proposeTitle')}</h2>
      <p class="help">{t('partnerships.proposeHelp')}</p>
      <ErrorMessage error={error()} detail />
      <form class="card" onSubmit={submit}>
        <fieldset>
          <legend>{t('partnerships.kindLabel')}</legend>
          <label class="choice">
            <input type="radio" name="partner-kind" checked={kind() === 'huzhu'} onChange={() => setKind('huzhu')} />
            {t('partnerships.kindHuzhu')}
          </label>
          <label class="choice">
            <input type="radio" name="partner-kind" checked={kind() === 'outside'} onChange={() => setKind('outside')} />
            {t('partnerships.kindOutside')}
          </label>
        </fieldset>
        <Show
          when={kind() === 'outside'}
          fallback={
            <div class="field">
              <label for="partner-slug">{t('partnerships.slugLabel')}</label>
              <input id="partner-slug" required autocapitalize="off" value={slug()} onInput={(e) => setSlug(e.currentTarget.value)} />
            </div>
          }
        >
          <div class="field">
            <label for="partner-name">{t('partnerships.nameLabel')}</label>
            <input id="partner-name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="partner-place">{t('partnerships.placeLabel')}</label>
            <input id="partner-place" required value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="partner-contact">{t('partnerships.contactLabel')}</label>
            <input id="partner-contact" value={contact()} onInput={(e) => setContact(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="partner-started">{t('partnerships.startedLabel')}</label>
            <input id="partner-started" type="date" required value={startedOn()} onInput={(e) => setStartedOn(e.currentTarget.value)} />
          </div>
        </Show>
        <div class="field">
          <label for="partner-goals">{t('partnerships.goalsLabel')}</label>
          <textarea id="partner-goals" rows="3" value={goals()} onInput={(e) => setGoals(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={busy()}>
          {kind() === 'huzhu' ? t('partnerships.propose') : t('partnerships.record')}
        </button>
      </form>
    </section>
  );
}
