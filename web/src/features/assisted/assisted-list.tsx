import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useCoordinationRoles } from '../../lib/coordination';

/** 代为登记的居民: a contact's (or an administrator's) residents who are not online, and the form to register one. */
export default function AssistedList() {
  const { t } = useI18n();
  const { member, isAdmin } = useCoordinationRoles();
  const [data, { refetch }] = createResource(
    () => member()?.id,
    () => request(api.api['assisted-members'].$get()),
  );
  const [buildingData] = createResource(() => request(api.api.buildings.$get()));
  /** The buildings the reader may register residents in: all for an administrator, their own for a contact. */
  const buildings = () => {
    const all = buildingData()?.buildings ?? [];
    if (isAdmin()) return all;
    return all.filter((b) => b.contacts.some((c) => c.id === member()?.id));
  };
  const [name, setName] = createSignal('');
  const [buildingId, setBuildingId] = createSignal('');
  const [household, setHousehold] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await request(
        api.api['assisted-members'].$post({
          json: {
            displayName: name().trim(),
            buildingId: Number(buildingId() || buildings()[0]?.id),
            household: household().trim() || undefined,
            phone: phone().trim() || undefined,
          },
        }),
      );
      setDone(t('assisted.registered', { name: name().trim() }));
      setName('');
      setHousehold('');
      setPhone('');
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="assisted-page">
      <h1>{t('assisted.title')}</h1>
      <p class="lead">{t('assisted.intro')}</p>
      <MemberGate next="/assisted" />
      <ErrorMessage error={data.error} />
      <Show when={data()}>
        {(d) => (
          <Show when={d().residents.length > 0} fallback={<p class="help">{t('assisted.none')}</p>}>
            <ul class="rows card">
              <For each={d().residents}>
                {(r) => (
                  <li>
                    <span>
                      <A href={`/assisted/${r.id}`}>{r.displayName}</A>
                      <span class="help block">
                        {[r.buildingName, r.household].filter(Boolean).join(' ')}
                        {r.phone ? ` · ${r.phone}` : ''}
                      </span>
                    </span>
                    <Show when={r.claimedAt}>
                      <span class="tag">{t('assisted.claimed')}</span>
                    </Show>
                    <Show when={!r.claimedAt && r.openClaimCode}>
                      <span class="tag">{t('assisted.codeOpen')}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={buildings().length > 0}>
        <form class="card" onSubmit={submit} aria-labelledby="register-title">
          <h2 id="register-title">{t('assisted.registerTitle')}</h2>
          <ErrorMessage error={error()} detail />
          <div class="field">
            <label for="assisted-name">{t('assisted.name')}</label>
            <input id="assisted-name" required maxlength="40" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="assisted-building">{t('assisted.building')}</label>
            <select id="assisted-building" value={buildingId()} onChange={(e) => setBuildingId(e.currentTarget.value)}>
              <For each={buildings()}>{(b) => <option value={String(b.id)}>{b.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="assisted-household">{t('assisted.household')}</label>
            <input id="assisted-household" maxlength="20" value={household()} onInput={(e) => setHousehold(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="assisted-phone">{t('assisted.phone')}</label>
            <input
              id="assisted-phone"
              type="tel"
              inputmode="tel"
              maxlength="20"
              value={phone()}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button" disabled={busy()}>
            {t('assisted.register')}
          </button>
          <Show when={done()}>
            <p class="notice" role="status">
              {done()}
            </p>
          </Show>
        </form>
      </Show>
    </section>
  );
}
