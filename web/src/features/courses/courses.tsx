import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { NewTerm } from './new-term';
import { whenIn, yuanOf } from './time';

/** The term view: pick a term, see every course in it with its teacher, audience, fee and places. */
export default function Courses() {
  const { t, locale } = useI18n();
  const { member, isAdmin } = useMembership();
  const [terms, { refetch }] = createResource(() => request(api.api['course-terms'].$get()));
  const [termId, setTermId] = createSignal<number>();
  createEffect(() => {
    const list = terms()?.terms ?? [];
    if (termId() === undefined && list.length > 0) setTermId(list[list.length - 1]!.id);
  });
  const [term] = createResource(termId, (id) => request(api.api['course-terms'][':id'].$get({ param: { id: String(id) } })));
  const ages = (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? t('courses.ages', { min: String(min), max: String(max) })
      : min !== null
        ? t('courses.agesFrom', { min: String(min) })
        : max !== null
          ? t('courses.agesTo', { max: String(max) })
          : t('courses.allAges');
  return (
    <section class="courses">
      <h1>{t('courses.title')}</h1>
      <p class="lead">{t('courses.intro')}</p>
      <Show when={member()}>
        <nav class="library-links" aria-label={t('courses.title')}>
          <A class="button secondary" href="/courses/mine">
            {t('courses.mine')}
          </A>
          <Show when={isAdmin()}>
            <A class="button" href={`/courses/new${termId() ? `?term=${termId()}` : ''}`}>
              {t('courses.newCourse')}
            </A>
          </Show>
        </nav>
      </Show>
      <ErrorMessage error={terms.error ?? term.error} />
      <Show when={(terms()?.terms.length ?? 0) > 0} fallback={<p class="card empty">{t('courses.noTerms')}</p>}>
        <label for="course-term">{t('courses.term')}</label>
        <select id="course-term" value={termId() ?? ''} onChange={(e) => setTermId(Number(e.currentTarget.value))}>
          <For each={terms()?.terms}>
            {(x) => (
              <option value={x.id} selected={x.id === termId()}>
                {x.name}
              </option>
            )}
          </For>
        </select>
      </Show>
      <Show when={term()}>
        {(v) => (
          <>
            <h2>
              {v().term.name} <span class="help">{`${v().term.startsOn} – ${v().term.endsOn}`}</span>
            </h2>
            <Show when={v().courses.length > 0} fallback={<p class="card empty">{t('courses.noCourses')}</p>}>
              <ul class="book-list">
                <For each={v().courses}>
                  {(course) => (
                    <li class="card">
                      <div class="book-main">
                        <A href={`/courses/${course.id}`} class="book-title">
                          {course.title}
                        </A>
                        <span class="help block">
                          {t('courses.teacher', { name: course.teacherName })} · {ages(course.ageMin, course.ageMax)} · {course.place}
                        </span>
                        <span class="help block">
                          {course.firstSession ? whenIn(course.firstSession, locale(), v().timeZone) : ''} ·{' '}
                          {t('courses.sessionsCount', { n: String(course.sessions) })}
                        </span>
                      </div>
                      <div>
                        <span class="tag">{t(`courses.status_${course.status}`)}</span>
                        <span class="help block">
                          {course.feeFen > 0 ? t('courses.fee', { yuan: yuanOf(course.feeFen) }) : t('courses.free')}
                        </span>
                        <span class="help block">
                          {t('courses.places', {
                            n: String(course.enrolled),
                            max: String(course.maxEnrolment),
                            min: String(course.minEnrolment),
                          })}
                        </span>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <Show when={isAdmin()}>
        <NewTerm
          onCreated={(id) => {
            setTermId(id);
            void refetch();
          }}
        />
      </Show>
    </section>
  );
}
