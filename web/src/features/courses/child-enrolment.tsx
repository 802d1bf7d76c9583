import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { loadChildren } from '../children/my-children';

/**
 * A guardian enrols one of their children (kept on 我的孩子) on a course: their consent, an emergency contact and
 * any allergies or needs, which only the course's teacher and coordinators see and which are erased 30 days after
 * the last session. `enrol` is the course page's action, so its messages and errors show in one place.
 */
export function ChildEnrolment(props: { courseId: number; enrol: (json: ChildEnrolmentBody, name: string) => Promise<void> }) {
  const { t } = useI18n();
  const [data] = createResource(loadChildren);
  const [childId, setChildId] = createSignal('');
  const [emergencyName, setEmergencyName] = createSignal('');
  const [emergencyPhone, setEmergencyPhone] = createSignal('');
  const [needsNote, setNeedsNote] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const childName = () => data()?.children.find((c) => String(c.id) === childId())?.name ?? '';

  return (
    <section class="card stack" aria-labelledby="course-child-title">
      <h2 id="course-child-title">{t('courses.enrolChild')}</h2>
      <p class="help">{t('courses.childHelp')}</p>
      <Show
        when={(data()?.children.length ?? 0) > 0}
        fallback={
          <Show when={data()}>
            <p class="help">
              <A href="/children">{t('courses.addChildFirst')}</A>
            </p>
          </Show>
        }
      >
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (!consent()) return;
            void props
              .enrol(
                {
                  childId: Number(childId()),
                  consent: true,
                  emergencyName: emergencyName().trim(),
                  emergencyPhone: emergencyPhone().trim(),
                  needsNote: needsNote().trim(),
                },
                childName(),
              )
              .then(() => setConsent(false));
          }}
        >
          <label for="course-child">{t('courses.child')}</label>
          <select id="course-child" required value={childId()} onChange={(e) => setChildId(e.currentTarget.value)}>
            <option value="">{t('courses.pickChild')}</option>
            <For each={data()?.children ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
          </select>
          <label for="course-emergency-name">{t('courses.emergencyName')}</label>
          <input
            id="course-emergency-name"
            required
            maxlength="20"
            value={emergencyName()}
            onInput={(e) => setEmergencyName(e.currentTarget.value)}
          />
          <label for="course-emergency-phone">{t('courses.emergencyPhone')}</label>
          <input
            id="course-emergency-phone"
            type="tel"
            required
            maxlength="20"
            value={emergencyPhone()}
            onInput={(e) => setEmergencyPhone(e.currentTarget.value)}
          />
          <label for="course-needs">{t('courses.needsNote')}</label>
          <textarea id="course-needs" maxlength="300" value={needsNote()} onInput={(e) => setNeedsNote(e.currentTarget.value)} />
          <label class="radio">
            <input type="checkbox" required checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
            {t('courses.consent')}
          </label>
          <p class="help">{t('courses.childPrivacy')}</p>
          <button type="submit" class="button" disabled={!consent()}>
            {t('courses.enrolChild')}
          </button>
        </form>
      </Show>
    </section>
  );
}

export interface ChildEnrolmentBody {
  childId: number;
  consent: true;
  emergencyName: string;
  emergencyPhone: string;
  needsNote: string;
}

/** Enrols a child on a course through the typed client. */
export const enrolChild = (courseId: number, json: ChildEnrolmentBody) =>
  request(api.api.courses[':id'].enrolments.$post({ param: { id: String(courseId) }, json }));
