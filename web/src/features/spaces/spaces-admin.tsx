import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { ApiError, api, authHeaders, request } from '../../lib/api';
import { useCoordinationRoles } from '../../lib/coordination';

type Space = { id: number; name: string; capacity: number; opensAt: string; closesAt: string; rules: string; photoUrl: string | null };

/** Name, capacity, opening hours and rules of a space, to add one or change it; a 400 marks the fields at fault. */
export function SpaceForm(props: { space?: Space; onSaved: () => void }) {
  const { t } = useI18n();
  const [bad, setBad] = createSignal<string[]>([]);
  const [error, setError] = createSignal<unknown>();
  const prefix = () => `space-${props.space?.id ?? 'new'}`;
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const json = {
      name: String(form.get('name') ?? '').trim(),
      capacity: Number(form.get('capacity')),
      opensAt: String(form.get('opensAt') ?? ''),
      closesAt: String(form.get('closesAt') ?? ''),
      rules: String(form.get('rules') ?? ''),
    };
    setBad([]);
    setError(undefined);
    try {
      if (props.space) await request(api.api.spaces[':id'].$put({ param: { id: String(props.space.id) }, json }));
      else await request(api.api.spaces.$post({ json }));
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.details) setBad(Object.keys(err.details));
      setError(err);
    }
  }
  const field = (name: string) => ({ id: `${prefix()}-${name}`, name, 'aria-invalid': bad().includes(name) });
  return (
    <form class="space-form" onSubmit={save}>
      <label for={`${prefix()}-name`}>{t('spacesAdmin.name')}</label>
      <input {...field('name')} type="text" required minLength={2} maxLength={40} value={props.space?.name ?? ''} />
      <label for={`${prefix()}-capacity`}>{t('spacesAdmin.capacity')}</label>
      <input {...field('capacity')} type="number" min={1} max={1000} required value={props.space?.capacity ?? 20} />
      <label for={`${prefix()}-opensAt`}>{t('spacesAdmin.opensAt')}</label>
      <input {...field('opensAt')} type="text" inputMode="numeric" placeholder="08:00" required value={props.space?.opensAt ?? ''} />
      <label for={`${prefix()}-closesAt`}>{t('spacesAdmin.closesAt')}</label>
      <input {...field('closesAt')} type="text" inputMode="numeric" placeholder="21:00" required value={props.space?.closesAt ?? ''} />
      <label for={`${prefix()}-rules`}>{t('spacesAdmin.rules')}</label>
      <textarea {...field('rules')} maxLength={2000} value={props.space?.rules ?? ''} />
      <Show when={bad().length > 0}>
        <p class="alert" role="alert">
          {t('spacesAdmin.fix', {
            fields: bad()
              .map((f) => t(`spacesAdmin.${f as 'name'}`))
              .join('、'),
          })}
        </p>
      </Show>
      <Show when={bad().length === 0}>
        <ErrorMessage error={error()} />
      </Show>
      <button type="submit">{props.space ? t('spacesAdmin.save') : t('spacesAdmin.add')}</button>
    </form>
  );
}

function SpacePhoto(props: { space: Space; onSaved: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  async function upload(file: File) {
    setError(undefined);
    try {
      const res = await fetch(`/api/spaces/${props.space.id}/photo`, {
        method: 'POST',
        headers: { ...(await authHeaders()), 'content-type': file.type },
        body: file,
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
        throw new ApiError(res.status, body.error?.code ?? 'internal', body.error?.message ?? res.statusText);
      }
      props.onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div class="space-photo">
      <Show when={props.space.photoUrl}>
        {(url) => <img src={url()} alt={t('spacesAdmin.photoAlt', { name: props.space.name })} width="240" />}
      </Show>
      <label for={`space-${props.space.id}-photo`}>{t('spacesAdmin.photo')}</label>
      <input
        id={`space-${props.space.id}-photo`}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
      />
      <ErrorMessage error={error()} />
    </div>
  );
}

/** Requests for regular slots before the federation; coordinators grant or decline them. */
function SlotRequests() {
  const { t } = useI18n();
  const { isCoordinator } = useCoordinationRoles();
  const [list, { refetch }] = createResource(() => request(api.api.spaces['slot-requests'].$get({ query: {} })));
  const [error, setError] = createSignal<unknown>();
  async function decide(id: number, grant: boolean) {
    setError(undefined);
    try {
      await request(api.api['slot-requests'][':id'].decision.$post({ param: { id: String(id) }, json: { grant } }));
      void refetch();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section class="card" aria-labelledby="slot-requests-title">
      <h2 id="slot-requests-title">{t('spacesAdmin.requestsTitle')}</h2>
      <ErrorMessage error={list.error ?? error()} />
      <Show when={list.latest}>
        {(l) => (
          <Show when={l().requests.length > 0} fallback={<p>{t('spacesAdmin.noRequests')}</p>}>
            <ul class="rows">
              <For each={l().requests}>
                {(r) => (
                  <li data-request={r.id}>
                    <span>
                      {r.spaceName} · {r.slot} · {r.clubName ?? r.requestedBy}
                      <span class="help block">{r.reason}</span>
                    </span>
                    <span class="tag outline">{t(`spacesAdmin.status_${r.status}`)}</span>
                    <Show when={r.status === 'pending' && isCoordinator()}>
                      <button type="button" onClick={() => void decide(r.id, true)}>
                        {t('spacesAdmin.grantNamed', { slot: r.slot })}
                      </button>
                      <button type="button" onClick={() => void decide(r.id, false)}>
                        {t('spacesAdmin.declineNamed', { slot: r.slot })}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

/** The shared spaces: their calendars for everyone; adding and editing them for administrators; slot requests. */
export default function SpacesAdmin() {
  const { t } = useI18n();
  const { member, isAdmin } = useCoordinationRoles();
  const [spaces, { refetch }] = createResource(() => request(api.api.spaces.$get()));
  return (
    <section class="spaces-admin">
      <h1>{t('spacesAdmin.title')}</h1>
      <ErrorMessage error={spaces.error} />
      <ul class="plain">
        <For each={spaces.latest?.spaces ?? []}>
          {(s) => (
            <li class="card" aria-labelledby={`space-${s.id}-title`}>
              <h2 id={`space-${s.id}-title`}>{s.name}</h2>
              <p>
                {t('spacesAdmin.summary', { opens: s.opensAt, closes: s.closesAt, capacity: String(s.capacity) })}{' '}
                <A href={`/spaces/${s.id}`}>{t('spacesAdmin.calendar')}</A>
              </p>
              <Show when={s.rules}>
                <p class="help">{s.rules}</p>
              </Show>
              <Show when={isAdmin()}>
                <details>
                  <summary>{t('spacesAdmin.edit')}</summary>
                  <SpaceForm space={s} onSaved={() => void refetch()} />
                  <SpacePhoto space={s} onSaved={() => void refetch()} />
                </details>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={isAdmin()}>
        <section class="card" aria-labelledby="space-new-title">
          <h2 id="space-new-title">{t('spacesAdmin.addTitle')}</h2>
          <SpaceForm onSaved={() => void refetch()} />
        </section>
      </Show>
      <MemberGate next="/spaces" />
      <Show when={member()}>
        <SlotRequests />
      </Show>
    </section>
  );
}
