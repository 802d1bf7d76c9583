import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { today } from '../../lib/format';
import { consentWays, type NeedKind, needKinds, useCareRoles } from './kinds';

type As = 'self' | 'family' | 'building-contact';

/** /care/register — register an elder for home care: yourself, a family member, or (as a building contact) an elder of your building. */
export default function RegisterRecipient() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { member, isContact } = useCareRoles();
  const [buildings] = createResource(() => request(api.api.buildings.$get()).catch(() => null));
  const [as, setAs] = createSignal<As>('family');
  const [needs, setNeeds] = createSignal<NeedKind[]>([]);
  const [consentHow, setConsentHow] = createSignal<(typeof consentWays)[number]>('in-person');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setBusy(true);
    setError(undefined);
    const building = Number(field(form, 'buildingId')) || null;
    try {
      const { id } = await request(
        api.api.care.recipients.$post({
          json: {
            name: field(form, 'name'),
            buildingId: building,
            household: field(form, 'household'),
            phone: field(form, 'phone'),
            registeredAs: as(),
            consentHow: as() === 'self' ? 'self' : consentHow(),
            consentOn: field(form, 'consentOn'),
            needs: needs(),
            needsNote: field(form, 'needsNote'),
            preferredTimes: field(form, 'preferredTimes'),
            emergencyName: field(form, 'emergencyName'),
            emergencyPhone: field(form, 'emergencyPhone'),
          },
        }),
      );
      navigate(`/care/recipients/${id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const ways = (): As[] => (isContact() ? ['self', 'family', 'building-contact'] : ['self', 'family']);
  return (
    <section class="care">
      <p>
        <A href="/care">← {t('care.title')}</A>
      </p>
      <h1>{t('careRegister.title')}</h1>
      <p class="help">{t('careRegister.privacy')}</p>
      <MemberGate next="/care/register" />
      <Show when={member()}>
        <form class="card" onSubmit={submit}>
          <ErrorMessage error={error()} detail />
          <fieldset>
            <legend>{t('careRegister.who')}</legend>
            <For each={ways()}>
              {(w) => (
                <label class="block">
                  <input type="radio" name="registeredAs" value={w} checked={as() === w} onChange={() => setAs(w)} /> {t(`care.as_${w}`)}
                </label>
              )}
            </For>
          </fieldset>
          <div class="field">
            <label for="cr-name">{t('careRegister.name')}</label>
            <input id="cr-name" name="name" required maxlength="40" />
          </div>
          <div class="field">
            <label for="cr-building">{t('careRegister.building')}</label>
            <select id="cr-building" name="buildingId" required={as() === 'building-contact'}>
              <option value="">—</option>
              <For each={buildings()?.buildings ?? []}>{(b) => <option value={b.id}>{b.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="cr-household">{t('careRegister.household')}</label>
            <input id="cr-household" name="household" maxlength="20" />
          </div>
          <div class="field">
            <label for="cr-phone">{t('careRegister.phone')}</label>
            <input id="cr-phone" name="phone" type="tel" maxlength="30" />
          </div>
          <fieldset>
            <legend>{t('careRegister.needs')}</legend>
            <For each={needKinds}>
              {(k) => (
                <label class="block">
                  <input
                    type="checkbox"
                    checked={needs().includes(k)}
                    onChange={(e) => setNeeds((n) => (e.currentTarget.checked ? [...n, k] : n.filter((x) => x !== k)))}
                  />{' '}
                  {t(`care.need_${k}`)}
                </label>
              )}
            </For>
          </fieldset>
          <div class="field">
            <label for="cr-note">{t('careRegister.needsNote')}</label>
            <textarea id="cr-note" name="needsNote" rows="3" maxlength="500" />
          </div>
          <div class="field">
            <label for="cr-times">{t('careRegister.preferredTimes')}</label>
            <input id="cr-times" name="preferredTimes" maxlength="200" />
          </div>
          <div class="field">
            <label for="cr-ename">{t('careRegister.emergencyName')}</label>
            <input id="cr-ename" name="emergencyName" required maxlength="40" />
          </div>
          <div class="field">
            <label for="cr-ephone">{t('careRegister.emergencyPhone')}</label>
            <input id="cr-ephone" name="emergencyPhone" type="tel" required minlength="5" maxlength="30" />
          </div>
          <Show when={as() !== 'self'}>
            <div class="field">
              <label for="cr-consent">{t('careRegister.consentHow')}</label>
              <select
                id="cr-consent"
                value={consentHow()}
                onChange={(e) => setConsentHow(e.currentTarget.value as (typeof consentWays)[number])}
              >
                <For each={consentWays}>{(w) => <option value={w}>{t(`care.consent_${w}`)}</option>}</For>
              </select>
            </div>
          </Show>
          <div class="field">
            <label for="cr-consent-on">{t('careRegister.consentOn')}</label>
            <input id="cr-consent-on" name="consentOn" type="date" required max={today()} value={today()} />
          </div>
          <button type="submit" class="button" disabled={busy()}>
            {t('careRegister.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
