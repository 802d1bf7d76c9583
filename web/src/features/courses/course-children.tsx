import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { safetyItems } from '../../../../worker/community/children/rules';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { loadCourse } from './course-page';
import { nameOrErased } from '../settings/erased-name';

/**
 * For a children's course, its teacher and coordinators: the safety checklist that must be complete before the
 * course opens, and the children enrolled with their guardian's consent, emergency contact and needs.
 */
export default function CourseChildren() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const { member } = useMembership();
  const [course] = createResource(() => member() && params.id, loadCourse);
  const [safety, { refetch }] = createResource(
    () => member() && params.id,
    (id) => request(api.api.courses[':id'].safety.$get({ param: { id } })),
  );
  const [roster] = createResource(
    () => member() && params.id,
    (id) => request(api.api.courses[':id'].children.$get({ param: { id } })),
  );
  const [checked, setChecked] = createSignal<string[]>([]);
  const [adultName, setAdultName] = createSignal('');
  const [adultPhone, setAdultPhone] = createSignal('');
  createEffect(() => {
    const s = safety.latest;
    if (!s) return;
    setChecked(s.checkedItems);
    setAdultName(s.adultName);
    setAdultPhone(s.adultPhone);
  });
  const action = createAction(() => void refetch());
  const toggle = (key: string, on: boolean) => setChecked((c) => (on ? [...c.filter((k) => k !== key), key] : c.filter((k) => k !== key)));
  const save = () =>
    action.run(
      () =>
        request(
          api.api.courses[':id'].safety.$put({
            param: { id: params.id },
            json: {
              checkedItems: safetyItems.filter((i) => checked().includes(i.key)).map((i) => i.key),
              adultName: adultName(),
              adultPhone: adultPhone(),
            },
          }),
        ),
      t('courses.safetySaved'),
    );

  return (
    <section class="course-children">
      <MemberGate next={`/courses/${params.id}/children`} />
      <Show when={course.latest}>
        {(c) => (
          <>
            <p class="help">
              <A href={`/courses/${params.id}`}>{c().title}</A>
            </p>
            <h1>{t('courses.childrenTitle', { title: c().title })}</h1>
          </>
        )}
      </Show>
      <ErrorMessage error={course.error ?? safety.error ?? roster.error} />
      <Show when={safety.latest?.required}>
        <form
          class="card stack"
          aria-labelledby="course-safety"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h2 id="course-safety">{t('courses.safetyTitle')}</h2>
          <p class="help">{t('courses.safetyHelp')}</p>
          <For each={safetyItems}>
            {(item) => (
              <label class="radio">
                <input type="checkbox" checked={checked().includes(item.key)} onChange={(e) => toggle(item.key, e.currentTarget.checked)} />
                {locale() === 'en' ? item.en : item.zh}
              </label>
            )}
          </For>
          <label for="course-adult">{t('courses.adultName')}</label>
          <input id="course-adult" maxlength="20" value={adultName()} onInput={(e) => setAdultName(e.currentTarget.value)} />
          <label for="course-adult-phone">{t('courses.adultPhone')}</label>
          <input
            id="course-adult-phone"
            type="tel"
            maxlength="20"
            value={adultPhone()}
            onInput={(e) => setAdultPhone(e.currentTarget.value)}
          />
          <ErrorMessage error={action.error()} detail />
          <Show when={action.message()}>
            <p class="notice" role="status">
              {action.message()}
            </p>
          </Show>
          <p class="help">{(safety.latest?.missing.length ?? 0) === 0 ? t('courses.safetyDone') : t('courses.safetyMissing')}</p>
          <button type="submit" class="button" disabled={action.busy()}>
            {t('courses.saveSafety')}
          </button>
        </form>
      </Show>
      <section class="card" aria-labelledby="course-children-list">
        <h2 id="course-children-list">{t('courses.childrenList')}</h2>
        <p class="help">{t('courses.childPrivacy')}</p>
        <Show when={(roster.latest?.children.length ?? 0) > 0} fallback={<p class="help">{t('courses.noLearners')}</p>}>
          <ul class="rows">
            <For each={roster.latest?.children}>
              {(k) => (
                <li>
                  <strong>{nameOrErased(k.childName, t('retention.erased'))}</strong>{' '}
                  <span class="tag">{t(`courses.enrolment_${k.status}`, { n: '' })}</span>
                  <span class="help block">{t('courses.guardianOf', { name: k.guardianName })}</span>
                  <Show when={k.emergencyName}>
                    <span class="block">{t('courses.emergency', { name: k.emergencyName ?? '', phone: k.emergencyPhone ?? '' })}</span>
                  </Show>
                  <Show when={k.needsNote}>
                    <span class="block">{t('courses.needs', { note: k.needsNote ?? '' })}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </section>
  );
}
