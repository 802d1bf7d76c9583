import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { rangeIn, yuanOf } from './time';

/** My timetable: every session of my and my children's courses, the .ics file, and my enrolments with refunds. */
export default function MyTimetable() {
  const { member } = useMembership();
  return (
    <>
      <MemberGate next="/courses/mine" />
      <Show when={member()}>
        <Timetable />
      </Show>
    </>
  );
}

function Timetable() {
  const { t, locale } = useI18n();
  const [table] = createResource(() => request(api.api['course-timetable'].$get()));
  return (
    <section class="my-timetable">
      <p class="help">
        <A href="/courses">{t('courses.title')}</A>
      </p>
      <h1>{t('courses.timetableTitle')}</h1>
      <ErrorMessage error={table.error} />
      <Show when={table()}>
        {(v) => (
          <>
            <p class="help">{t('courses.timetableHelp', { zone: v().timeZone })}</p>
            <p>
              <a class="button secondary" href="/api/course-timetable/calendar.ics" download="timetable.ics">
                {t('courses.ics')}
              </a>
            </p>
            <Show when={v().sessions.length > 0} fallback={<p class="card empty">{t('courses.noSessions')}</p>}>
              <ul class="book-list">
                <For each={v().sessions}>
                  {(s) => (
                    <li class="card">
                      <div class="book-main">
                        <A href={`/courses/${s.courseId}`} class="book-title">
                          {s.title}
                        </A>
                        <span class="help block">
                          {rangeIn(s.startsAt, s.endsAt, locale(), v().timeZone)} · {s.place}
                        </span>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <h2>{t('courses.myEnrolments')}</h2>
            <ul class="book-list">
              <For each={v().enrolments}>
                {(e) => (
                  <li class="card">
                    <div class="book-main">
                      <A href={`/courses/${e.courseId}`} class="book-title">
                        {e.title}
                      </A>
                      <span class="help block">
                        {e.childName || t('courses.self')} ·{' '}
                        {e.status === 'waitlisted' ? t('courses.enrolment_waitlisted', { n: '' }) : t(`courses.enrolment_${e.status}`)}
                        <Show when={e.paid}> · {t('courses.paid', { yuan: yuanOf(e.feeFen) })}</Show>
                        <Show when={e.refunded}> · {t('courses.refunded', { yuan: yuanOf(e.feeFen) })}</Show>
                      </span>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </section>
  );
}
