import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { rangeIn } from './time';

/** The teacher's attendance sheet: for each session, tick who came and save it. */
export default function CourseAttendance() {
  const { t, locale } = useI18n();
  const params = useParams();
  const [sheet, { refetch }] = createResource(
    () => params.id,
    (id) => request(api.api.courses[':id'].attendance.$get({ param: { id } })),
  );
  const [course] = createResource(
    () => params.id,
    (id) => request(api.api.courses[':id'].$get({ param: { id } })),
  );
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  async function save(e: SubmitEvent, sessionId: number) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const present = data.getAll('present').map(Number);
    setError(undefined);
    setNote('');
    try {
      const r = await request(
        api.api.courses[':id'].sessions[':sessionId'].attendance.$put({
          param: { id: params.id, sessionId: String(sessionId) },
          json: { present },
        }),
      );
      setNote(t('courses.savedAttendance', { n: String(r.present) }));
      void refetch();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section class="course-attendance">
      <ErrorMessage error={sheet.error ?? error()} detail />
      <Show when={sheet()}>
        {(s) => (
          <>
            <p class="help">
              <A href={`/courses/${s().course.id}`}>{s().course.title}</A>
            </p>
            <h1>{t('courses.attendanceTitle', { title: s().course.title })}</h1>
            <Show when={note()}>
              <p class="notice" role="status">
                {note()}
              </p>
            </Show>
            <Show when={s().course.status === 'open'} fallback={<p class="card empty">{t('courses.notOpenYet')}</p>}>
              <Show when={s().enrolments.length > 0} fallback={<p class="card empty">{t('courses.noLearners')}</p>}>
                <For each={s().sessions}>
                  {(session) => (
                    <form class="card stack" onSubmit={(e) => void save(e, session.id)}>
                      <fieldset>
                        <legend>
                          {rangeIn(session.startsAt, session.endsAt, locale(), course()?.timeZone ?? 'Asia/Shanghai')}
                          <Show when={session.marked}>
                            {' '}
                            <span class="tag">{t('courses.marked')}</span>
                          </Show>
                        </legend>
                        <For each={s().enrolments}>
                          {(e) => (
                            <label class="check">
                              <input type="checkbox" name="present" value={e.id} checked={session.present.includes(e.id)} /> {e.name}
                              <Show when={e.guardian}>{(g) => <span class="help"> ({t('courses.guardianOf', { name: g() })})</span>}</Show>
                            </label>
                          )}
                        </For>
                      </fieldset>
                      <button type="submit" class="button secondary">
                        {t('courses.saveAttendance')}
                      </button>
                    </form>
                  )}
                </For>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
