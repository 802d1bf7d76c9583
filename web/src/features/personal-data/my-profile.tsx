import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';

/** 「我的资料」: the reader corrects the details the community keeps about them. */
export default function MyProfile() {
  const { t } = useI18n();
  const { me, refetchMe } = useSite();
  const [details, { mutate }] = createResource(
    () => me()?.member?.id,
    () => request(api.api.members.me.details.$get()),
  );
  const [community] = createResource(() => request(api.api.community.$get()));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const current = details.latest;
    if (!current) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const building = String(form.get('buildingId') ?? '');
    const phone = String(form.get('phone') ?? '').trim();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const next = await request(
        api.api.members.me.$patch({
          json: {
            displayName: String(form.get('displayName') ?? '').trim(),
            buildingId: building ? Number(building) : null,
            household: String(form.get('household') ?? '').trim(),
            ...(current.phoneKept ? { phone: phone || null } : {}),
          },
        }),
      );
      mutate(next);
      setSaved(true);
      await refetchMe();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="my-profile">
      <h1>{t('personalData.profile.title')}</h1>
      <p class="lead">{t('personalData.profile.intro')}</p>
      <MemberGate next="/me/profile" />
      <ErrorMessage error={details.error} />
      <Show when={details.latest}>
        {(d) => (
          <form class="card" onSubmit={(e) => void save(e)} novalidate>
            <div class="field">
              <label for="pd-name">{t('personalData.profile.displayName')}</label>
              <input id="pd-name" name="displayName" required maxLength={40} value={d().displayName} autocomplete="nickname" />
            </div>
            <div class="field">
              <label for="pd-building">{t('personalData.profile.building')}</label>
              <select id="pd-building" name="buildingId">
                <option value="" selected={d().buildingId === null}>
                  {t('personalData.profile.noBuilding')}
                </option>
                <For each={community.latest?.buildings ?? []}>
                  {(b) => (
                    <option value={String(b.id)} selected={b.id === d().buildingId}>
                      {b.name}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <div class="field">
              <label for="pd-household">{t('personalData.profile.household')}</label>
              <input id="pd-household" name="household" maxLength={20} value={d().household ?? ''} />
            </div>
            <Show when={d().phoneKept}>
              <div class="field">
                <label for="pd-phone">{t('personalData.profile.phone')}</label>
                <input id="pd-phone" name="phone" type="tel" maxLength={20} value={d().phone ?? ''} aria-describedby="pd-phone-help" />
                <p class="help" id="pd-phone-help">
                  {t('personalData.profile.phoneHelp')}
                </p>
              </div>
            </Show>
            <ErrorMessage error={error()} />
            <Show when={saved()}>
              <p role="status">{t('personalData.profile.saved')}</p>
            </Show>
            <button type="submit" disabled={busy()}>
              {t('personalData.profile.save')}
            </button>
          </form>
        )}
      </Show>
      <p>
        <A href="/me/data">{t('personalData.dataLink')}</A> · <A href="/me/leave">{t('personalData.leaveLink')}</A>
      </p>
    </section>
  );
}
