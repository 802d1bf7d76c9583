import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Index, type JSX, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { parseYuan } from '../../lib/format';
import { wallInputToIso } from './time';

const wallValue = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16).replace(' ', 'T');

/**
 * The coordinator's form: a new course with its sessions (a shared space booked for each, or a typed place), or
 * an existing one's text, teacher, audience, numbers and deadline while it enrols. Times are the community's.
 */
export default function CourseForm() {
  const { t } = useI18n();
  const params = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const editing = () => params.id !== undefined;
  const [existing] = createResource(
    () => params.id,
    (id) => request(api.api.courses[':id'].$get({ param: { id } })),
  );
  const [terms] = createResource(() => request(api.api['course-terms'].$get()));
  const [spaces] = createResource(() => request(api.api.spaces.$get()));
  const [termId, setTermId] = createSignal(Number(search.term ?? 0));
  const [term] = createResource(
    () => (editing() ? undefined : termId() || terms()?.terms.at(-1)?.id),
    (id) => request(api.api['course-terms'][':id'].$get({ param: { id: String(id) } })),
  );
  const zone = () => existing()?.timeZone ?? term()?.timeZone ?? 'Asia/Shanghai';
  const [sessions, setSessions] = createSignal([{ start: '', end: '' }]);
  const [error, setError] = createSignal<unknown>();
  const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? null : Number(v));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const d = new FormData(e.currentTarget as HTMLFormElement);
    const common = {
      title: String(d.get('title') ?? ''),
      description: String(d.get('description') ?? ''),
      teacherMemberId: num(d.get('teacherMemberId')),
      teacherName: String(d.get('teacherName') ?? ''),
      teacherNote: String(d.get('teacherNote') ?? ''),
      ageMin: num(d.get('ageMin')),
      ageMax: num(d.get('ageMax')),
      minEnrolment: Number(d.get('minEnrolment')),
      maxEnrolment: Number(d.get('maxEnrolment')),
      enrolmentDeadline: wallInputToIso(String(d.get('deadline') ?? ''), zone()) ?? '',
    };
    setError(undefined);
    try {
      if (editing()) {
        await request(api.api.courses[':id'].$patch({ param: { id: params.id! }, json: common }));
        navigate(`/courses/${params.id}`);
        return;
      }
      const { id } = await request(
        api.api.courses.$post({
          json: {
            ...common,
            termId: termId() || (terms()?.terms.at(-1)?.id ?? 0),
            spaceId: num(d.get('spaceId')),
            place: String(d.get('place') ?? ''),
            costFen: parseYuan(String(d.get('cost') ?? '0')) ?? 0,
            sessions: sessions().map((s) => ({
              startsAt: wallInputToIso(s.start, zone()) ?? '',
              endsAt: wallInputToIso(s.end, zone()) ?? '',
            })),
          },
        }),
      );
      navigate(`/courses/${id}`);
    } catch (err) {
      setError(err);
    }
  }

  const field = (id: string, label: string, input: JSX.Element) => (
    <>
      <label for={id}>{label}</label>
      {input}
    </>
  );
  return (
    <section class="course-form">
      <h1>{editing() ? t('courses.edit') : t('courses.newCourse')}</h1>
      <Show when={!editing() || existing()}>
        <form class="card stack" onSubmit={(e) => void submit(e)}>
          <ErrorMessage error={error()} detail />
          <Show when={!editing()}>
            <label for="course-term">{t('courses.term')}</label>
            <select id="course-term" value={termId() || ''} onChange={(e) => setTermId(Number(e.currentTarget.value))}>
              <For each={terms()?.terms}>
                {(x) => (
                  <option value={x.id} selected={x.id === (termId() || terms()?.terms.at(-1)?.id)}>
                    {x.name}
                  </option>
                )}
              </For>
            </select>
          </Show>
          {field(
            'c-title',
            t('courses.form.title'),
            <input id="c-title" name="title" required maxLength={60} value={existing()?.title ?? ''} />,
          )}
          {field(
            'c-desc',
            t('courses.form.description'),
            <textarea id="c-desc" name="description" maxLength={2000} value={existing()?.description ?? ''} />,
          )}
          {field(
            'c-teacher',
            t('courses.form.teacherMember'),
            <input
              id="c-teacher"
              name="teacherMemberId"
              type="number"
              min="1"
              inputMode="numeric"
              value={existing()?.teacherMemberId ?? ''}
            />,
          )}
          <p class="help">{t('courses.form.teacherMemberHelp')}</p>
          {field(
            'c-tname',
            t('courses.form.teacherName'),
            <input
              id="c-tname"
              name="teacherName"
              maxLength={40}
              value={existing()?.teacherMemberId ? '' : (existing()?.teacherName ?? '')}
            />,
          )}
          {field(
            'c-tnote',
            t('courses.form.teacherNote'),
            <input id="c-tnote" name="teacherNote" maxLength={200} value={existing()?.teacherNote ?? ''} />,
          )}
          {field(
            'c-agemin',
            t('courses.form.ageMin'),
            <input id="c-agemin" name="ageMin" type="number" min="0" max="120" value={existing()?.ageMin ?? ''} />,
          )}
          {field(
            'c-agemax',
            t('courses.form.ageMax'),
            <input id="c-agemax" name="ageMax" type="number" min="0" max="120" value={existing()?.ageMax ?? ''} />,
          )}
          {field(
            'c-min',
            t('courses.form.min'),
            <input id="c-min" name="minEnrolment" type="number" min="1" required value={existing()?.minEnrolment ?? 5} />,
          )}
          {field(
            'c-max',
            t('courses.form.max'),
            <input id="c-max" name="maxEnrolment" type="number" min="1" required value={existing()?.maxEnrolment ?? 20} />,
          )}
          {field(
            'c-deadline',
            t('courses.form.deadline'),
            <input
              id="c-deadline"
              name="deadline"
              type="datetime-local"
              required
              value={existing() ? wallValue(existing()!.enrolmentDeadline, zone()) : ''}
            />,
          )}
          <Show when={!editing()}>
            {field(
              'c-space',
              t('courses.form.space'),
              <select id="c-space" name="spaceId">
                <option value="">{t('courses.form.noSpace')}</option>
                <For each={spaces()?.spaces}>{(s) => <option value={s.id}>{s.name}</option>}</For>
              </select>,
            )}
            {field('c-place', t('courses.form.place'), <input id="c-place" name="place" maxLength={60} />)}
            {field('c-cost', t('courses.form.cost'), <input id="c-cost" name="cost" inputMode="decimal" value="0" />)}
            <p class="help">{t('courses.form.costHelp')}</p>
            <fieldset class="stack">
              <legend>{t('courses.form.sessions')}</legend>
              <Index each={sessions()}>
                {(s, i) => (
                  <div class="stack">
                    <label for={`s-start-${i}`}>{t('courses.form.sessionStart', { n: String(i + 1) })}</label>
                    <input
                      id={`s-start-${i}`}
                      type="datetime-local"
                      required
                      value={s().start}
                      onInput={(e) => setSessions((all) => all.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)))}
                    />
                    <label for={`s-end-${i}`}>{t('courses.form.sessionEnd', { n: String(i + 1) })}</label>
                    <input
                      id={`s-end-${i}`}
                      type="datetime-local"
                      required
                      value={s().end}
                      onInput={(e) => setSessions((all) => all.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)))}
                    />
                    <Show when={sessions().length > 1}>
                      <button type="button" class="button secondary" onClick={() => setSessions((all) => all.filter((_, j) => j !== i))}>
                        {t('courses.form.removeSession', { n: String(i + 1) })}
                      </button>
                    </Show>
                  </div>
                )}
              </Index>
              <button type="button" class="button secondary" onClick={() => setSessions((all) => [...all, { start: '', end: '' }])}>
                {t('courses.form.addSession')}
              </button>
            </fieldset>
          </Show>
          <button type="submit" class="button">
            {t('courses.form.save')}
          </button>
        </form>
      </Show>
    </section>
  );
}
