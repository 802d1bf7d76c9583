import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, authHeaders, request } from '../../lib/api';

/** An activity's photos, and — for its organiser and participants once it has happened — adding one. */
export function ActivityPhotos(props: { activityId: string; title: string; canAdd: boolean }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  // Photos are secondary: if they cannot be listed, say so here and keep the rest of the page working.
  const [photos, { refetch }] = createResource(
    () => props.activityId,
    (id) =>
      request(api.api.activities[':id'].photos.$get({ param: { id } })).catch((e: unknown) => {
        setError(e);
        return { photos: [] };
      }),
  );
  const [busy, setBusy] = createSignal(false);

  async function add(file: File) {
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch(`/api/activities/${props.activityId}/photos`, {
        method: 'POST',
        headers: { ...(await authHeaders()), 'content-type': file.type },
        body: file,
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
        throw new ApiError(res.status, body.error?.code ?? 'internal', body.error?.message ?? res.statusText);
      }
      await refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={(photos()?.photos.length ?? 0) > 0 || props.canAdd}>
      <section class="card" aria-labelledby="photos-title">
        <h2 id="photos-title">{t('activity.photos')}</h2>
        <div class="photo-grid">
          <For each={photos()?.photos ?? []}>
            {(p, i) => <img src={p.url} alt={t('activity.photoAlt', { title: props.title, n: String(i() + 1) })} loading="lazy" />}
          </For>
        </div>
        <Show when={props.canAdd}>
          <label class="button secondary file-button">
            {busy() ? t('activity.photoUploading') : t('activity.addPhoto')}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              class="visually-hidden"
              disabled={busy()}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void add(file);
                e.currentTarget.value = '';
              }}
            />
          </label>
          <p class="help">{t('activity.photoHelp')}</p>
        </Show>
        <ErrorMessage error={error()} />
      </section>
    </Show>
  );
}
