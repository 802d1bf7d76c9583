import { useNavigate } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { ISSUE_CATEGORIES, type IssueCategory, useCoordinationRoles } from '../../lib/coordination';

/** The paper form's fields on a page: one matter, its category and building, and □ 对外匿名. */
export function RaiseIssueForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { member } = useCoordinationRoles();
  const [buildings] = createResource(() => request(api.api.buildings.$get()).catch(() => null));
  const [myself] = createResource(
    () => member()?.id,
    () => request(api.api.members.me.$get()).catch(() => null),
  );

  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [category, setCategory] = createSignal<IssueCategory>('property-service');
  const [buildingId, setBuildingId] = createSignal('');
  const [anonymous, setAnonymous] = createSignal(false);
  createEffect(
    on(
      () => myself()?.buildingId,
      (id) => id && !buildingId() && setBuildingId(String(id)),
    ),
  );
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  async function raise(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { id } = await request(
        api.api.issues.$post({
          json: {
            title: title().trim(),
            description: description().trim(),
            category: category(),
            buildingId: buildingId() ? Number(buildingId()) : undefined,
            anonymous: anonymous(),
          },
        }),
      );
      navigate(`/issues/${id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="raise" aria-labelledby="raise-title">
      <h2 id="raise-title" tabindex="-1">
        {t('issues.raiseTitle')}
      </h2>
      <p class="help">{t('issues.raiseHelp')}</p>
      <ErrorMessage error={error()} detail />
      <form class="card" onSubmit={raise}>
        <div class="field">
          <label for="issue-title">{t('issues.titleLabel')}</label>
          <input
            id="issue-title"
            type="text"
            required
            minlength="4"
            maxlength="80"
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="issue-description">{t('issues.description')}</label>
          <textarea
            id="issue-description"
            rows="4"
            required
            minlength="4"
            maxlength="4000"
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
            aria-describedby="issue-description-help"
          />
          <span class="help" id="issue-description-help">
            {t('issues.descriptionHelp')}
          </span>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="issue-category">{t('issues.category')}</label>
            <select id="issue-category" value={category()} onChange={(e) => setCategory(e.currentTarget.value as IssueCategory)}>
              <For each={[...ISSUE_CATEGORIES]}>{(c) => <option value={c}>{t(`issueCategory.${c}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="issue-building">{t('issues.building')}</label>
            <select id="issue-building" value={buildingId()} onChange={(e) => setBuildingId(e.currentTarget.value)}>
              <option value="">{t('issues.noBuilding')}</option>
              <For each={buildings()?.buildings ?? []}>
                {(b) => (
                  <option value={String(b.id)} selected={String(b.id) === buildingId()}>
                    {b.name}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <label class="radio">
          <input
            type="checkbox"
            checked={anonymous()}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
            aria-describedby="issue-anonymous-help"
          />
          {t('issues.anonymousLabel')}
        </label>
        <p class="help" id="issue-anonymous-help">
          {t('issues.anonymousHelp')}
        </p>
        <button type="submit" class="button" disabled={busy()}>
          {t('issues.raiseSubmit')}
        </button>
      </form>
    </section>
  );
}
