import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';

/** Coordinators: set up a standing committee or an ad hoc working group (with its end date). */
export function NewCommittee(props: { onSaved: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = createSignal<'standing' | 'ad-hoc'>('standing');
  const [bad, setBad] = createSignal<string[]>([]);
  const [error, setError] = createSignal<unknown>();
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const endsOn = String(form.get('endsOn') ?? '');
    setBad([]);
    setError(undefined);
    try {
      await request(
        api.api.committees.$post({
          json: {
            name: String(form.get('name') ?? '').trim(),
            kind: kind(),
            remit: String(form.get('remit') ?? '').trim(),
            ...(kind() === 'ad-hoc' && endsOn ? { endsOn } : {}),
          },
        }),
      );
      (e.target as HTMLFormElement).reset();
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.details) setBad(Object.keys(err.details));
      setError(err);
    }
  }
  return (
    <form class="card committee-form" onSubmit={save} aria-labelledby="committee-new-title">
      <h2 id="committee-new-title">{t('committeeAdmin.newTitle')}</h2>
      <label for="committee-name">{t('committeeAdmin.name')}</label>
      <input id="committee-name" name="name" type="text" required minLength={2} maxLength={40} aria-invalid={bad().includes('name')} />
      <label for="committee-kind">{t('committeeAdmin.kind')}</label>
      <select id="committee-kind" name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as 'standing' | 'ad-hoc')}>
        <option value="standing">{t('governance.kind_standing')}</option>
        <option value="ad-hoc">{t('governance.kind_ad-hoc')}</option>
      </select>
      <label for="committee-remit">{t('committeeAdmin.remit')}</label>
      <textarea id="committee-remit" name="remit" required minLength={4} maxLength={1000} aria-invalid={bad().includes('remit')} />
      <Show when={kind() === 'ad-hoc'}>
        <label for="committee-ends">{t('committeeAdmin.endsOn')}</label>
        <input id="committee-ends" name="endsOn" type="date" required aria-invalid={bad().includes('endsOn')} />
      </Show>
      <ErrorMessage error={error()} />
      <button type="submit">{t('committeeAdmin.create')}</button>
    </form>
  );
}

/** Coordinators: seat a resident, add an outside expert (a name and what they bring), close the group. */
export function CommitteeTools(props: { committeeId: number; name: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  const param = () => ({ id: String(props.committeeId) });
  async function run(call: () => Promise<unknown>) {
    setError(undefined);
    try {
      await call();
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  }
  function addExpert(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const externalName = String(data.get('externalName') ?? '').trim();
    const expertise = String(data.get('expertise') ?? '').trim();
    void run(async () => {
      await request(
        api.api.committees[':id'].members.$post({ param: param(), json: { externalName, ...(expertise ? { expertise } : {}) } }),
      );
      form.reset();
    });
  }
  // Residents to seat: the community's members, by name (the first 500; the members page searches further).
  const [residents] = createResource(() => request(api.api.members.$get({ query: { limit: '500' } })).then((r) => r.members));
  function addResident(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const memberId = Number(new FormData(form).get('memberId'));
    if (!memberId) return;
    void run(async () => {
      await request(api.api.committees[':id'].members.$post({ param: param(), json: { memberId } }));
      form.reset();
    });
  }
  const id = (s: string) => `committee-${props.committeeId}-${s}`;
  return (
    <div class="committee-tools">
      <form onSubmit={addResident}>
        <label for={id('resident')}>{t('committeeAdmin.resident')}</label>
        <select id={id('resident')} name="memberId" required>
          <option value="">{t('committeeAdmin.chooseResident')}</option>
          <For each={residents.error ? [] : (residents() ?? [])}>{(m) => <option value={String(m.id)}>{m.displayName}</option>}</For>
        </select>
        <button type="submit">{t('committeeAdmin.addResident')}</button>
      </form>
      <form onSubmit={addExpert}>
        <label for={id('expert')}>{t('committeeAdmin.expertName')}</label>
        <input id={id('expert')} name="externalName" type="text" required maxLength={40} />
        <label for={id('expertise')}>{t('committeeAdmin.expertise')}</label>
        <input id={id('expertise')} name="expertise" type="text" maxLength={80} />
        <button type="submit">{t('committeeAdmin.addExpert')}</button>
      </form>
      <button type="button" onClick={() => void run(() => request(api.api.committees[':id'].close.$post({ param: param() })))}>
        {t('committeeAdmin.closeNamed', { name: props.name })}
      </button>
      <ErrorMessage error={error()} />
    </div>
  );
}

export function RemoveSeat(props: { committeeId: number; seatId: number; name: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<unknown>();
  async function remove() {
    try {
      await request(
        api.api.committees[':id'].members[':seatId'].$delete({ param: { id: String(props.committeeId), seatId: String(props.seatId) } }),
      );
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <button type="button" class="link" onClick={() => void remove()}>
        {t('committeeAdmin.removeNamed', { name: props.name })}
      </button>
      <ErrorMessage error={error()} />
    </>
  );
}
