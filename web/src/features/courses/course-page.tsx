import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { isForChildren } from '../../../../worker/community/courses/rules';
import { type ChildEnrolmentBody, ChildEnrolment, enrolChild } from './child-enrolment';
import { rangeIn, whenIn, yuanOf } from './time';
import { nameOrErased } from '../settings/erased-name';

export const loadCourse = (id: string) => request(api.api.courses[':id'].$get({ param: { id } }));
type Course = Awaited<ReturnType<typeof loadCourse>>;

/** One course: what, who, when and where; enrol (a child by name), leave, the queue; the coordinator's decision. */
export default function CoursePage() {
  const params = useParams();
  const [course, { refetch }] = createResource(() => params.id, loadCourse);
  return (
    <section class="course">
      <ErrorMessage error={course.error} />
      <Show when={course()}>{(c) => <CourseView course={c()} onChanged={() => void refetch()} />}</Show>
    </section>
  );
}

export function CourseView(props: { course: Course; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { member, isAdmin } = useMembership();
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  const c = () => props.course;
  const zone = () => c().timeZone;
  const forChildren = () => isForChildren(c().ageMax);
  const isTeacher = () => member() !== null && member()?.id === c().teacherMemberId;
  const active = () => c().mine.filter((m) => m.status === 'enrolled' || m.status === 'waitlisted');
  async function act(call: () => Promise<string>) {
    setError(undefined);
    setNote('');
    try {
      setNote(await call());
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  }
  const enrol = () =>
    act(async () => {
      const r = await request(api.api.courses[':id'].enrolments.$post({ param: { id: String(c().id) }, json: {} }));
      return r.status === 'enrolled' ? t('courses.enrolled') : t('courses.waitlisted');
    });
  const enrolOne = (json: ChildEnrolmentBody, name: string) =>
    act(async () => {
      const r = await enrolChild(c().id, json);
      return r.status === 'enrolled' ? t('courses.childEnrolled', { name }) : t('courses.childWaitlisted', { name });
    });
  const statusText = (m: Course['mine'][number]) =>
    m.status === 'waitlisted' ? t('courses.enrolment_waitlisted', { n: String(m.position ?? '') }) : t(`courses.enrolment_${m.status}`);
  return (
    <>
      <p class="help">
        <A href="/courses">{t('courses.title')}</A> · {c().termName}
      </p>
      <h1>{c().title}</h1>
      <p>
        <span class="tag">{t(`courses.status_${c().status}`)}</span>
      </p>
      <p>{c().description}</p>
      <p>
        {t('courses.teacher', { name: c().teacherName })}
        <Show when={c().teacherNote}> — {c().teacherNote}</Show>
      </p>
      <p>{t('courses.place', { place: c().place })}</p>
      <p>
        {c().feeFen > 0 ? t('courses.fee', { yuan: yuanOf(c().feeFen) }) : t('courses.free')} ·{' '}
        {t('courses.places', { n: String(c().enrolled), max: String(c().maxEnrolment), min: String(c().minEnrolment) })}
      </p>
      <p>{t('courses.deadline', { when: whenIn(c().enrolmentDeadline, locale(), zone()) })}</p>
      <h2>{t('courses.sessions')}</h2>
      <ol>
        <For each={c().sessions}>{(s) => <li>{rangeIn(s.startsAt, s.endsAt, locale(), zone())}</li>}</For>
      </ol>
      <ErrorMessage error={error()} detail />
      <Show when={note()}>
        <p class="notice" role="status">
          {note()}
        </p>
      </Show>
      <Show when={c().mine.length > 0}>
        <h2>{t('courses.myPlaces')}</h2>
        <ul class="book-list">
          <For each={c().mine}>
            {(m) => (
              <li class="card">
                <div class="book-main">
                  <span class="book-title">{nameOrErased(m.childName, t('retention.erased')) || t('courses.self')}</span>
                  <span class="help block">
                    {statusText(m)}
                    <Show when={m.paid}> · {t('courses.paid', { yuan: yuanOf(m.feeFen) })}</Show>
                    <Show when={m.refunded}> · {t('courses.refunded', { yuan: yuanOf(m.feeFen) })}</Show>
                  </span>
                </div>
                <Show when={c().status === 'enrolling' && (m.status === 'enrolled' || m.status === 'waitlisted')}>
                  <button
                    type="button"
                    class="button secondary"
                    aria-label={t('courses.leaveNamed', { title: m.childName || c().title })}
                    onClick={() =>
                      void act(async () => {
                        await request(
                          api.api.courses[':id'].enrolments[':enrolmentId'].$delete({
                            param: { id: String(c().id), enrolmentId: String(m.id) },
                          }),
                        );
                        return t('courses.left');
                      })
                    }
                  >
                    {t('courses.leave')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={c().status === 'enrolling'} fallback={<p class="help">{t('courses.closed')}</p>}>
        <Show when={member()} fallback={<p class="help">{t('courses.signInToEnrol')}</p>}>
          <Show
            when={forChildren()}
            fallback={
              <Show when={active().length === 0}>
                <button type="button" class="button" onClick={() => void enrol()}>
                  {t('courses.enrol')}
                </button>
              </Show>
            }
          >
            <ChildEnrolment courseId={c().id} enrol={enrolOne} />
          </Show>
        </Show>
      </Show>
      <Show when={isTeacher() || isAdmin()}>
        <p>
          <A class="button secondary" href={`/courses/${c().id}/attendance`}>
            {t('courses.attendance')}
          </A>
          <Show when={forChildren()}>
            {' '}
            <A class="button secondary" href={`/courses/${c().id}/children`}>
              {t('courses.childrenLink')}
            </A>
          </Show>
        </p>
      </Show>
      <Show when={isAdmin() && c().status === 'enrolling'}>
        <section class="card stack" aria-labelledby="decide">
          <h2 id="decide">{t('courses.decideTitle')}</h2>
          <p class="help">{t('courses.decideHelp', { min: String(c().minEnrolment) })}</p>
          <button
            type="button"
            class="button"
            onClick={() =>
              void act(async () => {
                const r = await request(api.api.courses[':id'].decision.$post({ param: { id: String(c().id) } }));
                return t(`courses.decided_${r.decision}`);
              })
            }
          >
            {t('courses.decide')}
          </button>
          <A href={`/courses/${c().id}/edit`}>{t('courses.edit')}</A>
        </section>
      </Show>
    </>
  );
}
